import type { SandboxServices } from '../../engine/dialect.js';
import { opaqueToken } from '../../engine/random.js';
import type { AccessToken, Grant } from '../../engine/records.js';
import type { components } from '../../generated/tight.js';

export type TightScope = 'read' | 'write';
export type TokenResponse = components['schemas']['TokenResponse'];

/** Tight's real host: the `iss` of every access token. */
export const tightIssuer = 'https://sandbox.tight.com';

/** The scopes a Tight token carries: `write` includes read (docs: "write gives read and write access"). */
export function scopesFor(scope: TightScope): string[] {
  return scope === 'write' ? ['read', 'write'] : ['read'];
}

export function scopeOf(scopes: readonly string[]): TightScope {
  return scopes.includes('write') ? 'write' : 'read';
}

interface AccessSpec {
  clientId: string;
  userId?: string | undefined;
  companies: readonly string[];
  scope: TightScope;
  grant?: Grant;
  /** The refresh token issued with it (authorization_code and refresh_token). */
  refreshToken?: string;
}

/** A 3600 s RS256 JWT access token (the docs' example token starts with {"alg":"RS256"}). */
export async function issueAccessToken(sandbox: SandboxServices, spec: AccessSpec): Promise<AccessToken> {
  const lifetimeSeconds = sandbox.lifetime('tight', 'accessToken', 3600);
  return sandbox.grants.issueAccessToken({
    provider: 'tight',
    kind: spec.userId === undefined ? 'client' : 'user',
    clientId: spec.clientId,
    ...(spec.userId === undefined ? {} : { userId: spec.userId }),
    ...(spec.grant === undefined ? {} : { grant: spec.grant }),
    ...(spec.refreshToken === undefined ? {} : { refreshToken: spec.refreshToken }),
    companies: spec.companies,
    scopes: scopesFor(spec.scope),
    lifetimeSeconds,
    mint: ({ iat, exp, jti }) =>
      sandbox.keys.sign('tight', 'RS256', {
        iss: tightIssuer,
        sub: spec.userId ?? spec.clientId,
        client_id: spec.clientId,
        ...(spec.userId === undefined ? {} : { userId: spec.userId }),
        scope: spec.scope,
        iat,
        exp,
        jti: jti(),
      }),
  });
}

/** An access token and a fresh refresh token under one grant (authorization_code and refresh_token). */
export async function issueTokenPair(
  sandbox: SandboxServices,
  grant: Grant,
  replaces?: string,
): Promise<TokenResponse> {
  const refreshValue = opaqueToken(sandbox.random, 16);
  const scope = scopeOf(grant.scopes);
  const access = await issueAccessToken(sandbox, {
    clientId: grant.clientId,
    userId: grant.userId,
    companies: grant.companies,
    scope,
    grant,
    refreshToken: refreshValue,
  });
  const refreshLifetime = sandbox.lifetime('tight', 'refreshToken', 0);
  await sandbox.grants.issueRefreshToken(grant, refreshValue, {
    accessToken: access.value,
    ...(refreshLifetime > 0 ? { lifetimeSeconds: refreshLifetime } : {}),
    ...(replaces === undefined ? {} : { replaces }),
  });
  return { ...tokenBody(access), refresh_token: refreshValue, scope };
}

export function tokenBody(access: AccessToken): TokenResponse {
  return {
    access_token: access.value,
    token_type: 'Bearer',
    // exp is whole seconds from a floored iat, so the exact lifetime is the ceiling.
    expires_in: Math.ceil((access.expiresAt - access.issuedAt) / 1000),
  };
}
