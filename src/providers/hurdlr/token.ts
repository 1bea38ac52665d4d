import type { RouteContext } from '../../engine/dialect.js';
import type { CodeRedemption, RefreshRotation } from '../../engine/grants.js';
import type { ClientRecord } from '../../engine/records.js';
import { scopedKey } from '../../engine/records.js';
import { hurdlrErrors } from './errors.js';
import { grantForUser, issueHurdlrTokens, type OAuthTokens } from './issue.js';
import { readHurdlrForm } from './request.js';

/**
 * POST /v4/auth/token (docs.tight.com/v4.0/api-reference/authentication/refresh-access-token): a form
 * with client_id and client_secret in the body; grants refresh_token, authorization_code and (v5's list)
 * client_credentials, which needs the partner's userId.
 */
export async function requestAccessToken(ctx: RouteContext): Promise<OAuthTokens> {
  const form = readHurdlrForm(ctx.req);
  const client = await authenticateClient(ctx, form);
  const grantType = form.get('grant_type');
  switch (grantType) {
    case 'refresh_token':
      return refreshToken(ctx, client, form);
    case 'authorization_code':
      return authorizationCode(ctx, client, form);
    case 'client_credentials':
      return clientCredentials(ctx, client, form);
    case undefined:
    case '':
      throw hurdlrErrors.invalidRequest(
        'grant_type is required: authorization_code, refresh_token or client_credentials.',
      );
    default:
      throw hurdlrErrors.unsupportedGrantType(grantType);
  }
}

async function authenticateClient(
  ctx: RouteContext,
  form: ReadonlyMap<string, string>,
): Promise<ClientRecord> {
  const clientId = form.get('client_id');
  const secret = form.get('client_secret');
  if (!clientId || !secret) throw hurdlrErrors.missingClient();
  return ctx.sandbox.grants.requireClient('hurdlr', clientId, secret, hurdlrErrors.invalidClient);
}

async function clientCredentials(ctx: RouteContext, client: ClientRecord, form: ReadonlyMap<string, string>) {
  const userId = form.get('userId');
  if (!userId) throw hurdlrErrors.invalidRequest('userId is required when grant_type is client_credentials.');
  const user = await ctx.sandbox.store.find('user', scopedKey('hurdlr', userId));
  if (!user || user.deletedAt !== undefined) {
    throw hurdlrErrors.invalidGrant(
      `No user has the userId ${userId}; create one with POST /v4/auth/account.`,
    );
  }
  const grant = await grantForUser(ctx.sandbox, client.clientId, userId);
  ctx.touch({ grantId: grant.id });
  return issueHurdlrTokens(ctx.sandbox, grant);
}

const codeProblems: Record<Exclude<CodeRedemption, { ok: true }>['reason'], string> = {
  unknown: 'The authorization code is not valid.',
  expired: 'The authorization code has expired (codes live 10 minutes).',
  revoked: 'The authorization code has been revoked.',
  reused: 'The authorization code was already used; the tokens it issued are now revoked.',
  'wrong-client': 'The authorization code was issued to another client.',
  'wrong-redirect-uri': 'redirect_uri does not match the one of the authorization request.',
  'missing-verifier': 'code_verifier is required: the authorization request used PKCE.',
  'wrong-verifier': 'code_verifier does not match the code_challenge (PKCE S256).',
};

async function authorizationCode(ctx: RouteContext, client: ClientRecord, form: ReadonlyMap<string, string>) {
  const code = form.get('code');
  if (!code) throw hurdlrErrors.invalidRequest('code is required when grant_type is authorization_code.');
  const redeemed = await ctx.sandbox.grants.redeemCode('hurdlr', code, {
    clientId: client.clientId,
    redirectUri: form.get('redirect_uri'),
    codeVerifier: form.get('code_verifier'),
  });
  if (!redeemed.ok) throw hurdlrErrors.invalidGrant(codeProblems[redeemed.reason]);
  const grant = await ctx.sandbox.store.find('grant', redeemed.code.grantId);
  if (!grant) throw hurdlrErrors.invalidGrant(codeProblems.unknown);
  ctx.touch({ grantId: grant.id });
  return issueHurdlrTokens(ctx.sandbox, grant);
}

const refreshProblems: Record<Exclude<RefreshRotation, { ok: true }>['reason'], string> = {
  unknown: 'The refresh_token is not valid.',
  expired: 'The refresh_token has expired.',
  revoked: 'The refresh_token has been revoked.',
  reused:
    'The refresh_token was already used (refresh tokens rotate); every token of its grant is now revoked.',
  'wrong-client': 'The refresh_token was issued to another client.',
};

async function refreshToken(ctx: RouteContext, client: ClientRecord, form: ReadonlyMap<string, string>) {
  const value = form.get('refresh_token');
  if (!value)
    throw hurdlrErrors.invalidRequest('refresh_token is required when grant_type is refresh_token.');
  const rotation = await ctx.sandbox.grants.rotateRefreshToken('hurdlr', value, client.clientId);
  if (!rotation.ok) throw hurdlrErrors.invalidGrant(refreshProblems[rotation.reason]);
  ctx.touch({ grantId: rotation.grant.id });
  // Rotation (providers.md §8.4, decided here): the old refresh token stops working at once.
  const tokens = await issueHurdlrTokens(ctx.sandbox, rotation.grant, value);
  await ctx.sandbox.grants.linkSuccessor(rotation.previous, tokens.refresh_token);
  return tokens;
}
