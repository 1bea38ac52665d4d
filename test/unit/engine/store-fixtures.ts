import type { ProviderId } from '../../../src/engine/http.js';
import type {
  AccessToken,
  AuthorizationCode,
  ClientRecord,
  Grant,
  RefreshToken,
} from '../../../src/engine/records.js';

/** Records for the store contract's tests. */
export const t0 = Date.parse('2026-01-01T00:00:00Z');
const minute = 60_000;

export function client(provider: ProviderId, clientId: string): ClientRecord {
  return { provider, clientId, clientSecret: `${clientId}-secret`, scopes: [], redirectUris: [] };
}

export function grant(id: string, provider: ProviderId = 'tink'): Grant {
  return { id, provider, kind: 'user', clientId: 'c', companies: [], scopes: ['a:read'], createdAt: t0 };
}

export function accessToken(
  value: string,
  grantId: string | undefined,
  expiresAt = t0 + 60 * minute,
): AccessToken {
  const token: AccessToken = {
    value,
    provider: 'tink',
    kind: 'user',
    clientId: 'c',
    companies: [],
    scopes: ['a:read'],
    issuedAt: t0,
    expiresAt,
  };
  if (grantId !== undefined) token.grantId = grantId;
  return token;
}

export function refreshToken(value: string, grantId: string, expiresAt?: number): RefreshToken {
  const token: RefreshToken = { value, provider: 'tink', grantId, clientId: 'c', issuedAt: t0 };
  if (expiresAt !== undefined) token.expiresAt = expiresAt;
  return token;
}

export function code(value: string, grantId: string, expiresAt = t0 + 10 * minute): AuthorizationCode {
  return {
    value,
    provider: 'tink',
    clientId: 'c',
    grantId,
    companies: [],
    scopes: ['a:read'],
    issuedAt: t0,
    expiresAt,
  };
}
