import type { ResourceRecord } from '../../engine/records.js';
import type { Store } from '../../engine/store.js';

/** An Uphold account: the balance of one asset for one user (Core API data model). */
export interface UpholdAccount {
  id: string;
  ownerId: string;
  label: string;
  asset: string;
  /** Decimal strings, as the API writes amounts. */
  total: string;
  available: string;
  createdAt: number;
  updatedAt: number;
}

/** Accounts live in the store as resource records, so they reset, persist and replicate with the rest. */
const resourceType = 'account';

/** The dialect wrote every record it reads back; this guard only keeps a foreign record out. */
function isAccount(data: ResourceRecord['data']): data is ResourceRecord['data'] & UpholdAccount {
  return typeof data.id === 'string' && typeof data.ownerId === 'string' && typeof data.asset === 'string';
}

export async function openAccount(store: Store, account: UpholdAccount): Promise<void> {
  await store.upsert('resource', {
    provider: 'uphold',
    type: resourceType,
    id: account.id,
    ownerId: account.ownerId,
    createdAt: account.createdAt,
    data: { ...account },
  });
}

/** A user's accounts, oldest first. */
export async function accountsOf(store: Store, ownerId: string): Promise<UpholdAccount[]> {
  const records = await store.list('resource', 'uphold');
  return records
    .filter((r) => r.type === resourceType && r.ownerId === ownerId)
    .map((r) => r.data)
    .filter(isAccount)
    .sort((a, b) => a.createdAt - b.createdAt);
}

/**
 * Assets the sandbox opens accounts in (I: a representative subset of Uphold's asset list; anything
 * else answers 409 `asset_not_supported`, as the real API does for unlisted assets).
 */
export const supportedAssets: ReadonlySet<string> = new Set([
  'BTC',
  'ETH',
  'XRP',
  'SOL',
  'USDC',
  'USDT',
  'USD',
  'EUR',
  'GBP',
  'XAU',
]);
