import type { RouteContext } from '../../engine/dialect.js';
import { json, type SandboxResponse } from '../../engine/http.js';
import { opaqueToken } from '../../engine/random.js';
import type { Grant } from '../../engine/records.js';
import type { components } from '../../generated/tink.js';
import { authenticateClient, formatScopes, required, requiredScopes, tinkForm } from './access.js';
import { tinkErrors } from './errors.js';
import { tinkLifetimes } from './lifetimes.js';

type TokenResponse = components['schemas']['TokenResponse'];

/** POST /api/v1/oauth/token: client_credentials, authorization_code and refresh_token. */
export async function issueToken(ctx: RouteContext): Promise<SandboxResponse> {
  const fields = tinkForm(ctx);
  const grantType = required(fields, 'grant_type');
  if (!['client_credentials', 'authorization_code', 'refresh_token'].includes(grantType)) {
    throw tinkErrors.unsupportedGrantType(grantType);
  }
  const client = await authenticateClient(ctx, fields);
  if (grantType === 'client_credentials')
    return json(200, await clientToken(ctx, client.clientId, client.scopes, fields));
  if (grantType === 'authorization_code') return json(200, await exchangeCode(ctx, client.clientId, fields));
  return json(200, await refresh(ctx, client.clientId, fields));
}

async function clientToken(
  ctx: RouteContext,
  clientId: string,
  allowed: readonly string[],
  fields: ReadonlyMap<string, string>,
): Promise<TokenResponse> {
  const scopes = requiredScopes(fields);
  const outside = scopes.filter((scope) => !allowed.includes(scope));
  if (outside.length > 0) {
    throw tinkErrors.invalidScope(`The client is not allowed the scopes: ${formatScopes(outside)}.`);
  }
  const token = await ctx.sandbox.grants.issueAccessToken({
    provider: 'tink',
    kind: 'client',
    clientId,
    scopes,
    lifetimeSeconds: ctx.sandbox.lifetime('tink', 'clientAccessToken', tinkLifetimes.clientAccessToken),
    mint: ({ iat, exp, jti }) =>
      signTinkJwt(ctx, { iat, exp, jti: jti(), sub: `tink://auth/client/${clientId}`, clientId, scopes }),
  });
  ctx.touch({ token: token.value });
  return {
    access_token: token.value,
    token_type: 'bearer',
    expires_in: Math.round((token.expiresAt - token.issuedAt) / 1000),
    scope: formatScopes(scopes),
  };
}

async function exchangeCode(
  ctx: RouteContext,
  clientId: string,
  fields: ReadonlyMap<string, string>,
): Promise<TokenResponse> {
  const value = required(fields, 'code');
  const known = await ctx.sandbox.store.find('code', value);
  if (known?.delegated) {
    throw tinkErrors.invalidGrant(
      'This code was delegated to Tink Link: open Tink Link with it, then exchange the code Tink Link redirects with.',
    );
  }
  const redemption = await ctx.sandbox.grants.redeemCode('tink', value, { clientId });
  if (!redemption.ok) throw tinkErrors.invalidGrant(codeProblem(redemption.reason));
  const grant = await ctx.sandbox.store.find('grant', redemption.code.grantId);
  if (!grant || grant.revokedAt !== undefined)
    throw tinkErrors.invalidGrant('The authorization was revoked.');
  return userTokens(ctx, grant);
}

async function refresh(
  ctx: RouteContext,
  clientId: string,
  fields: ReadonlyMap<string, string>,
): Promise<TokenResponse> {
  const rotation = await ctx.sandbox.grants.rotateRefreshToken(
    'tink',
    required(fields, 'refresh_token'),
    clientId,
  );
  if (!rotation.ok) throw tinkErrors.invalidGrant(refreshProblem(rotation.reason));
  const response = await userTokens(ctx, rotation.grant, rotation.previous.value);
  if (response.refresh_token)
    await ctx.sandbox.grants.linkSuccessor(rotation.previous, response.refresh_token);
  return response;
}

/** A user access token (7200 s) with a rotating refresh token. */
async function userTokens(ctx: RouteContext, grant: Grant, replaces?: string): Promise<TokenResponse> {
  const { grants, random } = ctx.sandbox;
  const refreshValue = opaqueToken(random);
  const access = await grants.issueAccessToken({
    provider: 'tink',
    grant,
    clientId: grant.clientId,
    scopes: grant.scopes,
    lifetimeSeconds: ctx.sandbox.lifetime('tink', 'userAccessToken', tinkLifetimes.userAccessToken),
    refreshToken: refreshValue,
    mint: ({ iat, exp, jti }) =>
      signTinkJwt(ctx, {
        iat,
        exp,
        jti: jti(),
        sub: `tink://auth/user/${grant.userId}`,
        clientId: grant.clientId,
        scopes: grant.scopes,
      }),
  });
  const refreshLifetime = ctx.sandbox.lifetime('tink', 'refreshToken', 0);
  await grants.issueRefreshToken(grant, refreshValue, {
    accessToken: access.value,
    ...(replaces === undefined ? {} : { replaces }),
    ...(refreshLifetime > 0 ? { lifetimeSeconds: refreshLifetime } : {}),
  });
  ctx.touch({ grantId: grant.id, token: access.value });
  return {
    token_type: 'bearer',
    expires_in: Math.round((access.expiresAt - access.issuedAt) / 1000),
    access_token: access.value,
    refresh_token: refreshValue,
    scope: formatScopes(grant.scopes),
  };
}

/** Access tokens are ES256 JWTs issued by `tink://auth` (providers.md §3.3, a published token). */
function signTinkJwt(
  ctx: RouteContext,
  claims: { iat: number; exp: number; jti: string; sub: string; clientId: string; scopes: readonly string[] },
): string | Promise<string> {
  return ctx.sandbox.keys.sign('tink', 'ES256', {
    iss: 'tink://auth',
    sub: claims.sub,
    iat: claims.iat,
    exp: claims.exp,
    jti: claims.jti,
    scopes: claims.scopes,
    'tink://app/id': claims.clientId,
  });
}

function codeProblem(reason: string): string {
  switch (reason) {
    case 'expired':
      return 'The authorization code has expired (codes live 10 minutes).';
    case 'reused':
      return 'The authorization code was already used; the tokens issued with it are now revoked.';
    case 'wrong-client':
      return 'The authorization code was issued to another client.';
    case 'revoked':
      return 'The authorization code was revoked.';
    default:
      return 'The authorization code is not valid.';
  }
}

function refreshProblem(reason: string): string {
  switch (reason) {
    case 'reused':
      return 'The refresh token was already used (tokens rotate); the grant is now revoked.';
    case 'expired':
      return 'The refresh token has expired.';
    case 'revoked':
      return 'The refresh token has been revoked.';
    case 'wrong-client':
      return 'The refresh token was issued to another client.';
    default:
      return 'The refresh token is not valid.';
  }
}
