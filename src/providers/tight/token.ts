import { readBasicCredentials } from '../../engine/body.js';
import type { RouteContext } from '../../engine/dialect.js';
import type { CodeRedemption, RefreshRotation } from '../../engine/grants.js';
import type { ClientRecord } from '../../engine/records.js';
import { scopedKey } from '../../engine/records.js';
import { tightErrors } from './errors.js';
import { issueAccessToken, issueTokenPair, type TightScope, type TokenResponse, tokenBody } from './issue.js';
import { readTightForm } from './request.js';

/**
 * POST /v6/auth/token (docs.tight.com/api-reference/oauth/token): HTTP Basic client auth, a form body,
 * grant_type defaulting to client_credentials.
 */
export async function requestAccessToken(ctx: RouteContext): Promise<TokenResponse> {
  const client = await authenticateClient(ctx);
  const form = readTightForm(ctx.req);
  const grantType = form.get('grant_type') ?? 'client_credentials';
  switch (grantType) {
    case 'client_credentials':
      return clientCredentials(ctx, client, form);
    case 'authorization_code':
      return authorizationCode(ctx, client, form);
    case 'refresh_token':
      return refreshToken(ctx, client, form);
    default:
      throw tightErrors.invalidValue(
        'grant_type',
        `grant_type "${grantType}" is not supported; use client_credentials, authorization_code or refresh_token.`,
      );
  }
}

async function authenticateClient(ctx: RouteContext): Promise<ClientRecord> {
  const credentials = readBasicCredentials(ctx.req);
  if (!credentials) throw tightErrors.missingClientAuth();
  const { clientId, clientSecret } = credentials;
  return ctx.sandbox.grants.requireClient('tight', clientId, clientSecret, tightErrors.invalidClient);
}

/** docs: `scope` is read | write, "Defaults to write if omitted". */
export function parseScope(value: string | undefined): TightScope {
  if (value === undefined || value === '') return 'write';
  if (value === 'read' || value === 'write') return value;
  throw tightErrors.invalidValue('scope', `scope must be read or write, not "${value}".`);
}

/** Reach (docs, Authentication Scenarios): owner -> that company, bookkeeper -> theirs, none -> all. */
async function clientCredentials(ctx: RouteContext, client: ClientRecord, form: ReadonlyMap<string, string>) {
  const scope = parseScope(form.get('scope'));
  const userId = form.get('userId');
  if (userId === undefined || userId === '') {
    const access = await issueAccessToken(ctx.sandbox, { clientId: client.clientId, companies: [], scope });
    ctx.touch({ token: access.value });
    return tokenBody(access);
  }
  const user = await ctx.sandbox.store.find('user', scopedKey('tight', userId));
  if (!user) throw tightErrors.invalidValue('userId', `No Tight user has the userId ${userId}.`);
  const access = await issueAccessToken(ctx.sandbox, {
    clientId: client.clientId,
    userId,
    companies: user.companies,
    scope,
  });
  ctx.touch({ token: access.value });
  return tokenBody(access);
}

const codeProblems: Record<Exclude<CodeRedemption, { ok: true }>['reason'], [string, string]> = {
  unknown: ['code', 'The authorization code is not valid.'],
  expired: ['code', 'The authorization code has expired (codes live 10 minutes).'],
  revoked: ['code', 'The authorization code has been revoked.'],
  reused: ['code', 'The authorization code was already used; the tokens it issued are now revoked.'],
  'wrong-client': ['code', 'The authorization code was issued to another client.'],
  'wrong-redirect-uri': ['redirect_uri', 'redirect_uri does not match the one of the authorization request.'],
  'missing-verifier': [
    'code_verifier',
    'code_verifier is required: the authorization request used PKCE S256.',
  ],
  'wrong-verifier': ['code_verifier', 'code_verifier does not match the code_challenge (PKCE S256).'],
};

async function authorizationCode(ctx: RouteContext, client: ClientRecord, form: ReadonlyMap<string, string>) {
  const code = form.get('code');
  if (!code) throw tightErrors.required('code', 'code is required for the authorization_code grant.');
  const redirectUri = form.get('redirect_uri');
  if (!redirectUri)
    throw tightErrors.required('redirect_uri', 'redirect_uri is required for the authorization_code grant.');
  const redeemed = await ctx.sandbox.grants.redeemCode('tight', code, {
    clientId: client.clientId,
    redirectUri,
    codeVerifier: form.get('code_verifier'),
  });
  if (!redeemed.ok) {
    const [param, message] = codeProblems[redeemed.reason];
    throw tightErrors.invalidValue(param, message);
  }
  const grant = await ctx.sandbox.store.find('grant', redeemed.code.grantId);
  if (!grant) throw tightErrors.invalidValue('code', codeProblems.unknown[1]);
  ctx.touch({ grantId: grant.id });
  return issueTokenPair(ctx.sandbox, grant);
}

const refreshProblems: Record<Exclude<RefreshRotation, { ok: true }>['reason'], string> = {
  unknown: 'The refresh_token is not valid.',
  expired: 'The refresh_token has expired.',
  revoked: 'The refresh_token has been revoked.',
  reused: 'The refresh_token was already used (tokens rotate); every token of its grant is now revoked.',
  'wrong-client': 'The refresh_token was issued to another client.',
};

async function refreshToken(ctx: RouteContext, client: ClientRecord, form: ReadonlyMap<string, string>) {
  const value = form.get('refresh_token');
  if (!value)
    throw tightErrors.required('refresh_token', 'refresh_token is required for the refresh_token grant.');
  const rotation = await ctx.sandbox.grants.rotateRefreshToken('tight', value, client.clientId);
  if (!rotation.ok) throw tightErrors.invalidValue('refresh_token', refreshProblems[rotation.reason]);
  ctx.touch({ grantId: rotation.grant.id });
  const body = await issueTokenPair(ctx.sandbox, rotation.grant, value);
  if (body.refresh_token !== undefined)
    await ctx.sandbox.grants.linkSuccessor(rotation.previous, body.refresh_token);
  return body;
}
