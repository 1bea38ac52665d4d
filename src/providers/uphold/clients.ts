import type { ClientRecord } from '../../engine/records.js';
import { scopedKey } from '../../engine/records.js';
import type { Store } from '../../engine/store.js';

/**
 * An Uphold client: an organization's API client with its scopes, optionally bound to one user
 * (a single-user client, `boundUserId`). The organization travels in the token's `org` claim and in
 * `x-uphold-organization-id` (providers.md §4.3). ClientRecord has no field for it, so the record is
 * stored as this subtype and read back through `organizationOf`.
 */
export interface UpholdClient extends ClientRecord {
  organizationId: string;
}

export function organizationOf(client: ClientRecord): string | undefined {
  return 'organizationId' in client && typeof client.organizationId === 'string'
    ? client.organizationId
    : undefined;
}

export function findUpholdClient(store: Store, clientId: string): Promise<ClientRecord | undefined> {
  return store.find('client', scopedKey('uphold', clientId));
}
