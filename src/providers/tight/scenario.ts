import type { SeedContext } from '../../engine/dialect.js';
import type { Infer } from '../../engine/shape.js';
import { list, number, object, oneOf, optional, string } from '../../engine/shape.js';
import { clientEntryFields, clientRecord } from '../../scenario/client-entry.js';
import { type LedgerEntry, saveEntry } from './ledger.js';

const companyId = string({ pattern: /^[A-Za-z0-9_-]{1,64}$/, hint: 'a company id such as co_acme' });
const isoDate = string({ pattern: /^\d{4}-\d{2}-\d{2}$/, hint: 'a date such as 2026-01-02' });

export const tightSection = object({
  clients: optional(
    list(
      object({
        ...clientEntryFields,
      }),
    ),
  ),
  companies: optional(list(object({ id: companyId, name: optional(string()) }))),
  users: optional(
    list(
      object({
        id: string({ pattern: /^[A-Za-z0-9_.@-]{1,64}$/, hint: 'a user id of letters, digits, _ . @ or -' }),
        role: oneOf(['owner', 'bookkeeper'] as const),
        companies: list(companyId),
        name: optional(string()),
        email: optional(string()),
      }),
    ),
  ),
  /** Bank transactions to seed; without this key every company gets three sample transactions. */
  transactions: optional(
    list(
      object({
        id: optional(string({ pattern: /^btxn_[A-Za-z0-9_]+$/, hint: 'an id such as btxn_1001' })),
        companyId,
        date: isoDate,
        amount: number({ integer: true }),
        description: string(),
      }),
    ),
  ),
});

export type TightSection = Infer<typeof tightSection>;

const samples = [
  { days: 1, amount: 125000, description: 'Client payment' },
  { days: 3, amount: -4599, description: 'Office supplies' },
  { days: 7, amount: -273479, description: 'WITHDRAWAL ACH PAYROLL' },
];

export async function seedTight(section: TightSection, { store, clock }: SeedContext): Promise<void> {
  const now = clock.now();
  for (const client of section.clients ?? []) {
    await store.upsert('client', clientRecord('tight', client, ['read', 'write']));
  }
  const companies = section.companies ?? [];
  for (const company of companies) {
    await store.upsert('company', {
      provider: 'tight',
      id: company.id,
      createdAt: now,
      ...(company.name === undefined ? {} : { name: company.name }),
    });
  }
  for (const user of section.users ?? []) {
    await store.upsert('user', {
      provider: 'tight',
      id: user.id,
      role: user.role,
      companies: user.companies,
      status: 'active',
      createdAt: now,
      ...(user.name === undefined ? {} : { name: user.name }),
      ...(user.email === undefined ? {} : { email: user.email }),
    });
  }
  const seeded =
    section.transactions ??
    companies.flatMap((company) =>
      samples.map((s) => ({ companyId: company.id, date: dayBefore(now, s.days), ...s, id: undefined })),
    );
  const entries: LedgerEntry[] = seeded.map((t, index) => ({
    id: t.id ?? `btxn_${1000001 + index}`,
    companyId: t.companyId,
    type: t.amount < 0 ? 'EXPENSE' : 'INCOME',
    date: t.date,
    amount: t.amount,
    description: t.description,
    status: 'ACTIVE',
    editor: { userId: null },
    lastUpdatedDateTime: new Date(now).toISOString(),
  }));
  for (const entry of entries) await saveEntry(store, entry, now);
}

function dayBefore(now: number, days: number): string {
  return new Date(now - days * 86_400_000).toISOString().slice(0, 10);
}

export function describeTight(section: TightSection): string[] {
  return [
    ...(section.clients ?? []).map((c) => `client ${c.clientId} / ${c.clientSecret} (HTTP Basic)`),
    ...(section.users ?? []).map((u) => `user ${u.id} (${u.role} of ${u.companies.join(', ')})`),
    `companies: ${(section.companies ?? []).map((c) => c.id).join(', ') || 'none'}`,
  ];
}
