import { isProviderId, type ProviderId } from './engine/http.js';
import type { Random } from './engine/random.js';

/** Per provider, each scenario identity's id and the fresh id a tenant got for it. */
export type TenantIdentities = Partial<Record<ProviderId, Record<string, string>>>;

const identityKeys = new Set(['id', 'userId', 'uuid']);
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Gives every user and company (and the people inside companies) of each provider section a fresh id, in
 * place, and makes every reference to it in that section follow: a UUID gets a new UUID, any other id gets
 * the tenant's suffix. Returns the mapping, so that a tenant's tests know whom to act as.
 */
export function refreshIdentities(data: unknown, suffix: string, random: Random): TenantIdentities {
  const identities: TenantIdentities = {};
  const providers = isRecord(data) ? data.providers : undefined;
  if (!isRecord(providers)) return identities;
  for (const [provider, section] of Object.entries(providers)) {
    if (!isRecord(section) || !isProviderId(provider)) continue;
    const renamed = new Map<string, string>();
    for (const key of ['users', 'companies']) collectIdentities(section[key], renamed, suffix, random);
    if (renamed.size === 0) continue;
    replaceEverywhere(section, renamed);
    identities[provider] = Object.fromEntries(renamed);
  }
  return identities;
}

function collectIdentities(
  value: unknown,
  renamed: Map<string, string>,
  suffix: string,
  random: Random,
): void {
  if (Array.isArray(value)) {
    for (const item of value) collectIdentities(item, renamed, suffix, random);
    return;
  }
  if (!isRecord(value)) return;
  for (const [key, inner] of Object.entries(value)) {
    if (identityKeys.has(key) && typeof inner === 'string' && !renamed.has(inner)) {
      renamed.set(inner, freshId(inner, suffix, random));
    } else if (typeof inner === 'object') collectIdentities(inner, renamed, suffix, random);
  }
}

function freshId(id: string, suffix: string, random: Random): string {
  if (uuidPattern.test(id)) return random.uuid();
  return `${id.slice(0, Math.max(1, 63 - suffix.length))}-${suffix}`;
}

function replaceEverywhere(value: unknown, renamed: Map<string, string>): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      const next = typeof item === 'string' ? renamed.get(item) : undefined;
      if (next !== undefined) value[index] = next;
      else replaceEverywhere(item, renamed);
    });
    return;
  }
  if (!isRecord(value)) return;
  for (const [key, inner] of Object.entries(value)) {
    const next = typeof inner === 'string' ? renamed.get(inner) : undefined;
    if (next !== undefined) value[key] = next;
    else replaceEverywhere(inner, renamed);
  }
}
