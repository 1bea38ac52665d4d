import type { SandboxServices } from '../../engine/dialect.js';
import { hexToken } from '../../engine/random.js';
import type { Grant } from '../../engine/records.js';
import type { components } from '../../generated/hurdlr.js';

export type OAuthTokens = components['schemas']['OAuthTokens'];

/** `<64 hex>.<32 hex>`, the shape of every Hurdlr token in the docs' examples. */
export function hurdlrToken(sandbox: SandboxServices): string {
  return `${hexToken(sandbox.random, 32)}.${hexToken(sandbox.random, 16)}`;
}

/**
 * A fresh access and refresh token under `grant`, answered exactly as Hurdlr does:
 * `{access_token, refresh_token, expires_in: 7776000, created_at, scope: "token"}` and no token_type.
 */
export async function issueHurdlrTokens(
  sandbox: SandboxServices,
  grant: Grant,
  replaces?: string,
): Promise<OAuthTokens> {
  const lifetimeSeconds = sandbox.lifetime('hurdlr', 'accessToken', 7_776_000);
  const refreshValue = hurdlrToken(sandbox);
  const access = await sandbox.grants.issueAccessToken({
    provider: 'hurdlr',
    grant,
    clientId: grant.clientId,
    scopes: ['token'],
    lifetimeSeconds,
    refreshToken: refreshValue,
    mint: () => hurdlrToken(sandbox),
  });
  const refreshLifetime = sandbox.lifetime('hurdlr', 'refreshToken', 0);
  await sandbox.grants.issueRefreshToken(grant, refreshValue, {
    accessToken: access.value,
    ...(refreshLifetime > 0 ? { lifetimeSeconds: refreshLifetime } : {}),
    ...(replaces === undefined ? {} : { replaces }),
  });
  return {
    access_token: access.value,
    refresh_token: refreshValue,
    expires_in: lifetimeSeconds,
    created_at: Math.floor(access.issuedAt / 1000),
    scope: 'token',
  };
}

/** A new grant for a user of a client (a login, a client_credentials call, an account creation). */
export function grantForUser(sandbox: SandboxServices, clientId: string, userId: string): Promise<Grant> {
  return sandbox.grants.createGrant({
    provider: 'hurdlr',
    kind: 'user',
    clientId,
    userId,
    companies: [],
    scopes: ['token'],
  });
}
