import type { SeedContext } from '../../engine/dialect.js';
import type { Infer } from '../../engine/shape.js';
import { list, object, optional, string } from '../../engine/shape.js';
import { clientEntryFields, clientRecord } from '../../scenario/client-entry.js';

/** Hurdlr's token format (providers.md §2.2): 64 hex, a dot, 32 hex. */
export const hurdlrTokenPattern = /^[0-9a-f]{64}\.[0-9a-f]{32}$/;

export const hurdlrSection = object({
  clients: optional(
    list(
      object({
        ...clientEntryFields,
      }),
    ),
  ),
  users: optional(
    list(
      object({
        id: string({ pattern: /^[A-Za-z0-9_.@-]{1,64}$/, hint: 'a user id of letters, digits, _ . @ or -' }),
        email: optional(string()),
        name: optional(string()),
      }),
    ),
  ),
  /** Refresh tokens that exist from the start, so a client can refresh without any login. */
  grants: optional(
    list(
      object({
        userId: string({ min: 1 }),
        clientId: optional(string({ min: 1 })),
        refreshToken: string({ pattern: hurdlrTokenPattern, hint: 'a Hurdlr token: 64 hex, a dot, 32 hex' }),
      }),
    ),
  ),
});

export type HurdlrSection = Infer<typeof hurdlrSection>;

export async function seedHurdlr(section: HurdlrSection, { store, clock }: SeedContext): Promise<void> {
  const now = clock.now();
  const clients = section.clients ?? [];
  for (const client of clients) {
    await store.upsert('client', clientRecord('hurdlr', client, ['token']));
  }
  for (const user of section.users ?? []) {
    await store.upsert('user', {
      provider: 'hurdlr',
      id: user.id,
      companies: [],
      status: 'active',
      createdAt: now,
      ...(user.email === undefined ? {} : { email: user.email }),
      ...(user.name === undefined ? {} : { name: user.name }),
    });
  }
  for (const [index, seeded] of (section.grants ?? []).entries()) {
    const clientId = seeded.clientId ?? clients[0]?.clientId ?? 'hurdlr-client';
    const grantId = `grant_hurdlr_seed_${index}`;
    await store.upsert('grant', {
      id: grantId,
      provider: 'hurdlr',
      kind: 'user',
      clientId,
      userId: seeded.userId,
      companies: [],
      scopes: ['token'],
      createdAt: now,
    });
    await store.upsert('refreshToken', {
      value: seeded.refreshToken,
      provider: 'hurdlr',
      grantId,
      clientId,
      issuedAt: now,
    });
  }
}

export function describeHurdlr(section: HurdlrSection): string[] {
  return [
    ...(section.clients ?? []).map((c) => `client ${c.clientId} / ${c.clientSecret} (in the form body)`),
    ...(section.users ?? []).map((u) => `user ${u.id}`),
    ...(section.grants ?? []).map((g) => `refresh token for ${g.userId}: ${g.refreshToken}`),
  ];
}
