import type { SeedContext } from '../../engine/dialect.js';
import type { UserRecord } from '../../engine/records.js';
import { type Infer, list, object, oneOf, optional, type Shape, string } from '../../engine/shape.js';
import type { UpholdClient } from './clients.js';
import { openAccount } from './ledger.js';

const uuid = string({
  pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  hint: 'a UUID',
});
// A user must be nameable in X-On-Behalf-Of, whose spec pattern takes UUID versions 1-8 only (§4.5).
const userId = string({
  pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[089ab][0-9a-f]{3}-[0-9a-f]{12}$/i,
  hint: 'a UUID of version 1-8, as X-On-Behalf-Of requires',
});
const scopeName = string({
  pattern: /^[a-z][a-z0-9.-]*:([a-z-]+|\*)$/,
  hint: 'an Uphold scope such as core.users:read',
});

const clientShape = object({
  clientId: string({ min: 1 }),
  clientSecret: string({ min: 1 }),
  name: optional(string()),
  scopes: list(scopeName),
  /** The `org` of its tokens; default: the section's organizationId, else one generated per seed. */
  organizationId: optional(uuid),
  /** A single-user client acts only as this user. */
  userId: optional(userId),
});

const userShape = object({
  id: userId,
  status: optional(oneOf(['active', 'blocked'] as const)),
  email: optional(string({ pattern: /^[^\s@]+@[^\s@]+$/, hint: 'an email address' })),
  fullName: optional(string({ min: 1 })),
  type: optional(oneOf(['individual', 'business'] as const)),
  accounts: optional(
    list(
      object({
        id: optional(uuid),
        asset: string({ pattern: /^[A-Z0-9]{2,12}$/, hint: 'an asset code such as BTC' }),
        label: optional(string({ min: 1 })),
      }),
    ),
  ),
});

const sectionFields = object({
  organizationId: optional(uuid),
  clients: optional(list(clientShape)),
  users: optional(list(userShape)),
});

export type UpholdSection = Infer<typeof sectionFields>;

/** The section's shape, plus the cross-references a plain shape cannot see (a bound user must exist). */
export const upholdSection: Shape<UpholdSection> = {
  ...sectionFields,
  check(value, path, problems) {
    const section = sectionFields.check(value, path, problems);
    if (section === undefined) return undefined;
    const userIds = new Set((section.users ?? []).map((user) => user.id.toLowerCase()));
    let failed = false;
    (section.clients ?? []).forEach((client, index) => {
      if (client.userId !== undefined && !userIds.has(client.userId.toLowerCase())) {
        problems.push({
          path: `${path}.clients[${index}].userId`,
          message: `no user ${client.userId} in ${path}.users`,
        });
        failed = true;
      }
    });
    return failed ? undefined : section;
  },
};

export async function seedUphold(
  section: UpholdSection,
  { store, clock, random }: SeedContext,
): Promise<void> {
  const now = clock.now();
  const organizationId = section.organizationId ?? random.uuid();
  for (const client of section.clients ?? []) {
    const record: UpholdClient = {
      provider: 'uphold',
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      scopes: client.scopes,
      redirectUris: [],
      organizationId: (client.organizationId ?? organizationId).toLowerCase(),
      ...(client.name === undefined ? {} : { name: client.name }),
      ...(client.userId === undefined ? {} : { boundUserId: client.userId.toLowerCase() }),
    };
    await store.upsert('client', record);
  }
  for (const user of section.users ?? []) {
    const id = user.id.toLowerCase();
    const record: UserRecord = {
      provider: 'uphold',
      id,
      companies: [],
      status: user.status ?? 'active',
      // The Uphold user type (individual | business) rides in the record's role.
      role: user.type ?? 'individual',
      createdAt: now,
      ...(user.email === undefined ? {} : { email: user.email }),
      ...(user.fullName === undefined ? {} : { name: user.fullName }),
    };
    await store.upsert('user', record);
    for (const account of user.accounts ?? []) {
      await openAccount(store, {
        id: (account.id ?? random.uuid()).toLowerCase(),
        ownerId: id,
        asset: account.asset,
        label: account.label ?? account.asset,
        total: '0',
        available: '0',
        createdAt: now,
        updatedAt: now,
      });
    }
  }
}

export function describeUphold(section: UpholdSection): string[] {
  return [
    ...(section.clients ?? []).map(
      (c) =>
        `client ${c.clientId} / ${c.clientSecret} (scopes: ${c.scopes.join(' ')})${c.userId ? ` bound to user ${c.userId}` : ''}`,
    ),
    ...(section.users ?? []).map(
      (u) => `user ${u.id} (${u.status ?? 'active'})${u.email ? ` ${u.email}` : ''}`,
    ),
  ];
}
