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

/**
 * Accounts have no record kind in the engine's store, so they live here, one book per store: the
 * engine resets a store and then seeds every dialect, and `seedUpholdAccounts` starts a fresh book
 * at that moment, so reset and scenario reloads behave like the store's own records. (Not in store
 * snapshots: see the engine change asked for in the Uphold report.)
 */
const books = new WeakMap<Store, Map<string, UpholdAccount>>();

function book(store: Store): Map<string, UpholdAccount> {
  let accounts = books.get(store);
  if (!accounts) {
    accounts = new Map();
    books.set(store, accounts);
  }
  return accounts;
}

export function resetLedger(store: Store): void {
  books.set(store, new Map());
}

export function openAccount(store: Store, account: UpholdAccount): void {
  book(store).set(account.id, account);
}

/** A user's accounts, oldest first. */
export function accountsOf(store: Store, ownerId: string): UpholdAccount[] {
  return [...book(store).values()]
    .filter((account) => account.ownerId === ownerId)
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
