import type { SandboxServices } from '../../engine/dialect.js';
import type { Eventually } from '../../engine/eventually.js';
import { opaqueToken } from '../../engine/random.js';
import type { AccessToken, ClientRecord, Grant } from '../../engine/records.js';
import type { components } from '../../generated/gusto.js';
import { systemTokenScopes } from './scopes.js';

type TokenResponse = components['schemas']['TokenResponse'];
type StrictAccessToken = components['schemas']['StrictAccessToken'];

/** Gusto access tokens live two hours (providers.md §5.3); scenarios may override `lifetimes.gusto.accessToken`. */
export function accessTokenLifetime(sandbox: SandboxServices): number {
  return sandbox.lifetime('gusto', 'accessToken', 7200);
}

export interface TokenPair {
  access: AccessToken;
  refreshToken: string;
}

/**
 * A new access and refresh token under a company grant. Both are 32 random bytes in URL-safe base64, 43
 * characters ("URL-safe base64 encoding is used when generating the access_token and refresh_token").
 * `replaces`: the refresh token this pair rotates; it dies on the first use of the new access token
 * (Doorkeeper `refresh_token_revoked_on_use`, Gusto refresh-access-token reference).
 */
export async function issueCompanyPair(
  sandbox: SandboxServices,
  grant: Grant,
  replaces?: string,
): Promise<TokenPair> {
  const refreshToken = opaqueToken(sandbox.random);
  const value = opaqueToken(sandbox.random);
  const access = await sandbox.grants.issueAccessToken({
    provider: 'gusto',
    grant,
    clientId: grant.clientId,
    companies: grant.companies,
    scopes: grant.scopes,
    lifetimeSeconds: accessTokenLifetime(sandbox),
    mint: () => value,
    refreshToken,
    ...(replaces === undefined ? {} : { revokesOnFirstUse: replaces }),
  });
  // Gusto refresh tokens never expire (providers.md §5.3).
  await sandbox.grants.issueRefreshToken(grant, refreshToken, {
    accessToken: access.value,
    ...(replaces === undefined ? {} : { replaces }),
  });
  return { access, refreshToken };
}

/** A system access token: no grant, no refresh token, only system endpoints (providers.md §5.3). */
export function issueSystemToken(sandbox: SandboxServices, client: ClientRecord): Eventually<AccessToken> {
  const value = opaqueToken(sandbox.random);
  return sandbox.grants.issueAccessToken({
    provider: 'gusto',
    kind: 'system',
    clientId: client.clientId,
    scopes: systemTokenScopes(client.scopes),
    lifetimeSeconds: accessTokenLifetime(sandbox),
    mint: () => value,
  });
}

function lifetimeSeconds(token: AccessToken): number {
  return Math.round((token.expiresAt - token.issuedAt) / 1000);
}

/** `created_at` is a number of seconds: the SDK's zod schema requires a number (providers.md §7). */
export function createdAt(token: AccessToken): number {
  return Math.floor(token.issuedAt / 1000);
}

export function tokenResponse(token: AccessToken, refreshToken?: string): TokenResponse {
  return {
    access_token: token.value,
    token_type: 'Bearer',
    expires_in: lifetimeSeconds(token),
    ...(refreshToken === undefined ? {} : { refresh_token: refreshToken }),
    scope: token.scopes.join(' '),
    created_at: createdAt(token),
  };
}

/** One element of a strict_access answer (seed 004). */
export function strictAccessElement(
  token: AccessToken,
  refreshToken: string,
  companyUuid: string,
): StrictAccessToken {
  return {
    access_token: token.value,
    refresh_token: refreshToken,
    resource_uuid: companyUuid,
    resource_type: 'Company',
    token_type: 'Bearer',
    created_at: createdAt(token),
    expires_in: lifetimeSeconds(token),
  };
}
