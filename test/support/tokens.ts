import type { AccessToken } from '../../src/engine/records.js';

/**
 * An Uphold client-credentials token as the store keeps it, for filling a store directly (thousands of
 * tokens without as many HTTP requests); 56 characters of value for index `i`.
 */
export function upholdClientToken(
  name: string,
  i: number,
  issuedAt: number,
  lifetimeMs = 600_000,
  clientId = 'uphold-client',
): AccessToken {
  return {
    value: `${name}-${i}-${'x'.repeat(40)}`,
    provider: 'uphold',
    kind: 'client',
    clientId,
    companies: [],
    scopes: ['core.users:read'],
    issuedAt,
    expiresAt: issuedAt + lifetimeMs,
  };
}
