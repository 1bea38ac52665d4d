import type { SeedContext } from '../../engine/dialect.js';
import type { Infer } from '../../engine/shape.js';
import { list, object, optional, string } from '../../engine/shape.js';
import { clientEntryFields, clientRecord } from '../../scenario/client-entry.js';

const scopeName = string({ pattern: /^[a-z][a-z.-]*:[a-z-]+$/, hint: 'a Tink scope such as accounts:read' });

export const tinkSection = object({
  clients: optional(
    list(
      object({
        ...clientEntryFields,
        scopes: optional(list(scopeName)),
      }),
    ),
  ),
  users: optional(
    list(
      object({
        userId: string({ pattern: /^[A-Za-z0-9_-]{1,64}$/, hint: 'an id of letters, digits, _ or -' }),
        externalUserId: optional(string({ min: 1 })),
        market: optional(string({ pattern: /^[A-Z]{2}$/, hint: 'a market such as GB' })),
        locale: optional(string({ pattern: /^[a-z]{2}_[A-Z]{2}$/, hint: 'a locale such as en_US' })),
        name: optional(string()),
      }),
    ),
  ),
});

export type TinkSection = Infer<typeof tinkSection>;

export async function seedTink(section: TinkSection, { store, clock }: SeedContext): Promise<void> {
  for (const client of section.clients ?? []) {
    await store.upsert('client', clientRecord('tink', client, client.scopes ?? []));
  }
  for (const user of section.users ?? []) {
    await store.upsert('user', {
      provider: 'tink',
      id: user.userId,
      companies: [],
      status: 'active',
      createdAt: clock.now(),
      market: user.market ?? 'GB',
      locale: user.locale ?? 'en_US',
      ...(user.externalUserId === undefined ? {} : { externalUserId: user.externalUserId }),
      ...(user.name === undefined ? {} : { name: user.name }),
    });
  }
}

export function describeTink(section: TinkSection): string[] {
  return [
    ...(section.clients ?? []).map(
      (c) => `client ${c.clientId} / ${c.clientSecret} (scopes: ${(c.scopes ?? []).join(',')})`,
    ),
    ...(section.users ?? []).map(
      (u) => `user ${u.userId}${u.externalUserId ? ` (external ${u.externalUserId})` : ''}`,
    ),
  ];
}
