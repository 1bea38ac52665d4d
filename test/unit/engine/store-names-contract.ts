import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProviderId } from '../../../src/engine/http.js';
import { scopedKey, type UserRecord, userName } from '../../../src/engine/records.js';
import type { Store } from '../../../src/engine/store.js';

const t0 = Date.parse('2026-01-01T00:00:00Z');

function user(id: string, email: string | undefined, provider: ProviderId = 'uphold'): UserRecord {
  const record: UserRecord = { provider, id, companies: [], status: 'active', createdAt: t0 };
  if (email !== undefined) record.email = email;
  return record;
}

function tinkUser(id: string, externalUserId: string): UserRecord {
  return { ...user(id, undefined, 'tink'), externalUserId };
}

const email = (address: string) => userName.email('uphold', address);

/** What every store does with the names of live users (records.ts recordNames): part of the store contract. */
export function storeNamesContract(makeStore: () => Store | Promise<Store>): void {
  describe('names (a user by e-mail or external id)', () => {
    it('finds a live user by its e-mail in any case, or by its external id, within its provider', async () => {
      const store = await makeStore();
      await store.upsert('user', user('u1', 'Jane@Example.com'));
      await store.upsert('user', tinkUser('t1', 'ext-1'));
      expect((await store.findNamed('user', email('jane@example.COM')))?.id).toBe('u1');
      expect((await store.findNamed('user', userName.external('tink', 'ext-1')))?.id).toBe('t1');
      expect(await store.findNamed('user', userName.email('gusto', 'jane@example.com'))).toBeUndefined();
      expect(await store.findNamed('user', userName.external('uphold', 'ext-1'))).toBeUndefined();
      expect(await store.findNamed('user', email('john@example.com'))).toBeUndefined();
    });

    it('refuses a new user whose name a live user holds, gives that user back and changes nothing', async () => {
      const store = await makeStore();
      await store.upsert('user', user('u1', 'jane@example.com'));
      const holder = await store.insertNamed('user', user('u2', 'JANE@example.com'));
      expect(holder).toEqual(user('u1', 'jane@example.com'));
      expect(await store.find('user', scopedKey('uphold', 'u2'))).toBeUndefined();
      expect(await store.insertNamed('user', user('u3', 'john@example.com'))).toBeUndefined();
      expect(await store.find('user', scopedKey('uphold', 'u3'))).toEqual(user('u3', 'john@example.com'));
      // A user without a name, and the same name under another provider, are never refused.
      expect(await store.insertNamed('user', user('u4', undefined))).toBeUndefined();
      expect(await store.insertNamed('user', user('u5', 'jane@example.com', 'gusto'))).toBeUndefined();
      expect((await store.list('user')).map((u) => u.id).sort()).toEqual(['u1', 'u3', 'u4', 'u5']);
    });

    it('lets go of a name when the user is deleted, removed or renamed', async () => {
      const store = await makeStore();
      await store.upsert('user', user('u1', 'a@example.com'));
      await store.upsert('user', { ...user('u1', 'a@example.com'), deletedAt: t0 });
      expect(await store.findNamed('user', email('a@example.com'))).toBeUndefined();
      expect(await store.insertNamed('user', user('u2', 'a@example.com'))).toBeUndefined();
      await store.remove('user', scopedKey('uphold', 'u2'));
      expect(await store.findNamed('user', email('a@example.com'))).toBeUndefined();
      await store.upsert('user', user('u3', 'b@example.com'));
      await store.upsert('user', user('u3', 'c@example.com'));
      expect(await store.findNamed('user', email('b@example.com'))).toBeUndefined();
      expect((await store.findNamed('user', email('c@example.com')))?.id).toBe('u3');
    });

    it('forgets names on reset and rebuilds them on restore', async () => {
      const store = await makeStore();
      await store.upsert('user', user('u1', 'a@example.com'));
      const snapshot = await store.snapshot();
      await store.reset();
      expect(await store.findNamed('user', email('a@example.com'))).toBeUndefined();
      await store.restore(snapshot);
      expect((await store.findNamed('user', email('a@example.com')))?.id).toBe('u1');
      expect(await store.insertNamed('user', user('u2', 'a@example.com'))).toBeDefined();
    });

    it('stores exactly one of 30 concurrent new users under one name', async () => {
      const store = await makeStore();
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, i) => store.insertNamed('user', user(`u${i}`, 'same@example.com'))),
      );
      const stored = results.flatMap((holder, i) => (holder === undefined ? [`u${i}`] : []));
      expect(stored).toHaveLength(1);
      for (const holder of results) if (holder !== undefined) expect(holder.id).toBe(stored[0]);
      expect(await store.list('user')).toHaveLength(1);
    });

    it('finds, after any run of creations, renames, deletions and removals, exactly the live holder', async () => {
      const ids = ['u1', 'u2', 'u3'];
      const addresses = ['a@x.io', 'A@X.io', 'b@x.io', 'É@x.io', 'é@x.io'];
      const operation = fc.record({
        op: fc.constantFrom('create', 'rename', 'delete', 'remove'),
        id: fc.constantFrom(...ids),
        email: fc.constantFrom(...addresses),
      });
      await fc.assert(
        fc.asyncProperty(fc.array(operation, { maxLength: 12 }), async (operations) => {
          const store = await makeStore();
          // The model: each id's live record (uniqueness is kept by the operations below).
          const live = new Map<string, UserRecord>();
          const holderOf = (address: string) =>
            [...live.values()].find((u) => u.email?.toLowerCase() === address.toLowerCase());
          for (const { op, id, email: address } of operations) {
            const key = scopedKey('uphold', id);
            const held = holderOf(address);
            if (op === 'create' && !live.has(id)) {
              const holder = await store.insertNamed('user', user(id, address));
              expect(holder?.id).toBe(held?.id);
              if (!held) live.set(id, user(id, address));
            } else if (op === 'rename' && live.has(id) && (!held || held.id === id)) {
              await store.upsert('user', user(id, address));
              live.set(id, user(id, address));
            } else if (op === 'delete' && live.has(id)) {
              await store.upsert('user', { ...user(id, live.get(id)?.email), deletedAt: t0 });
              live.delete(id);
            } else if (op === 'remove') {
              await store.remove('user', key);
              live.delete(id);
            }
            for (const each of addresses) {
              expect((await store.findNamed('user', email(each)))?.id).toBe(holderOf(each)?.id);
            }
          }
        }),
        { numRuns: 25 },
      );
    });
  });
}
