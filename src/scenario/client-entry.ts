import type { ProviderId } from '../engine/http.js';
import type { ClientRecord } from '../engine/records.js';
import { list, optional, string } from '../engine/shape.js';

export const redirectUri = string({ pattern: /^https?:\/\/\S+$/, hint: 'an http(s) URL' });

/** The keys every provider's scenario clients share; a dialect spreads these and adds its own. */
export const clientEntryFields = {
  clientId: string({ min: 1 }),
  clientSecret: string({ min: 1 }),
  name: optional(string()),
  redirectUris: optional(list(redirectUri)),
};

export interface ClientEntry {
  clientId: string;
  clientSecret: string;
  name?: string;
  redirectUris?: string[];
}

/** The stored client for a scenario entry; `extra` carries the provider's own fields. */
export function clientRecord(
  provider: ProviderId,
  entry: ClientEntry,
  scopes: string[],
  extra: Partial<Pick<ClientRecord, 'boundUserId' | 'minimumApiVersion'>> = {},
): ClientRecord {
  return {
    provider,
    clientId: entry.clientId,
    clientSecret: entry.clientSecret,
    scopes,
    redirectUris: entry.redirectUris ?? [],
    ...(entry.name === undefined ? {} : { name: entry.name }),
    ...extra,
  };
}
