import type { Store } from '../../engine/store.js';
import type { components } from '../../generated/tight.js';

export type LedgerEntry = components['schemas']['Transaction'];

/**
 * Tight's bank transactions. They are resource data, not OAuth state, so they live beside the store
 * rather than in it: one ledger per store (per sandbox), refilled from the scenario on every seed/reset.
 */
export class Ledger {
  private entries = new Map<string, LedgerEntry>();

  reset(entries: LedgerEntry[]): void {
    this.entries = new Map(entries.map((e) => [e.id, e]));
  }

  find(id: string): LedgerEntry | undefined {
    return this.entries.get(id);
  }

  save(entry: LedgerEntry): void {
    this.entries.set(entry.id, entry);
  }

  /** Entries of the given companies, newest date first, then by id (a stable order for cursors). */
  ofCompanies(companies: ReadonlySet<string>): LedgerEntry[] {
    return [...this.entries.values()]
      .filter((e) => companies.has(e.companyId))
      .sort((a, b) => (a.date === b.date ? a.id.localeCompare(b.id) : b.date.localeCompare(a.date)));
  }
}

const ledgers = new WeakMap<Store, Ledger>();

export function ledgerOf(store: Store): Ledger {
  let ledger = ledgers.get(store);
  if (!ledger) {
    ledger = new Ledger();
    ledgers.set(store, ledger);
  }
  return ledger;
}
