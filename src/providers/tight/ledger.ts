import type { ResourceRecord } from '../../engine/records.js';
import type { Store } from '../../engine/store.js';
import type { components } from '../../generated/tight.js';

export type LedgerEntry = components['schemas']['Transaction'];

/** Tight's bank transactions live in the store as resource records, so they reset, persist and replicate. */
const resourceType = 'bank-transaction';

function toRecord(entry: LedgerEntry, createdAt: number): ResourceRecord {
  return {
    provider: 'tight',
    type: resourceType,
    id: entry.id,
    ownerId: entry.companyId,
    createdAt,
    data: entry,
  };
}

/** The dialect wrote every record it reads back; this guard only keeps a foreign record out. */
function isLedgerEntry(data: ResourceRecord['data']): data is ResourceRecord['data'] & LedgerEntry {
  return (
    typeof data.id === 'string' &&
    typeof data.companyId === 'string' &&
    typeof data.date === 'string' &&
    typeof data.amount === 'number'
  );
}

export async function findEntry(store: Store, id: string): Promise<LedgerEntry | undefined> {
  const record = await store.find('resource', `tight:${resourceType}:${id}`);
  return record && isLedgerEntry(record.data) ? record.data : undefined;
}

export async function saveEntry(store: Store, entry: LedgerEntry, at: number): Promise<void> {
  await store.upsert('resource', toRecord(entry, at));
}

/** Entries of the given companies, newest date first, then by id (a stable order for cursors). */
export async function entriesOf(store: Store, companies: ReadonlySet<string>): Promise<LedgerEntry[]> {
  const records = await store.list('resource', 'tight');
  return records
    .filter((r) => r.type === resourceType && r.ownerId !== undefined && companies.has(r.ownerId))
    .map((r) => r.data)
    .filter(isLedgerEntry)
    .sort((a, b) => (a.date === b.date ? a.id.localeCompare(b.id) : b.date.localeCompare(a.date)));
}
