import { describe, expect, it } from 'vitest';
import type { AccessToken, ClientRecord, RecordKind } from '../../../src/engine/records.js';
import { scopedKey } from '../../../src/engine/records.js';
import type { Store } from '../../../src/engine/store.js';
import { accessToken, client, code, grant, refreshToken, t0 } from './store-fixtures.js';
import { storeNamesContract } from './store-names-contract.js';

export { accessToken, client, code, grant, refreshToken, t0 } from './store-fixtures.js';

const minute = 60_000;

/** Store.each, which every store here has (the contract fails for one without). */
function eachOf<K extends RecordKind>(store: Store, kind: K) {
  if (!store.each) throw new Error('this store cannot read a kind as it is iterated (Store.each)');
  return store.each(kind);
}

/**
 * The behaviour every `Store` must have. Run it against each implementation:
 * `storeContract('MemoryStore', () => new MemoryStore())`. `makeStore` must return a fresh, empty store.
 */
export function storeContract(name: string, makeStore: () => Store | Promise<Store>): void {
  describe(`${name} (store contract)`, () => {
    storeNamesContract(makeStore);

    describe('upsert, find and list', () => {
      it('finds a record by its key after upserting it', async () => {
        const store = await makeStore();
        await store.upsert('client', client('tink', 'abc'));
        expect(await store.find('client', scopedKey('tink', 'abc'))).toEqual(client('tink', 'abc'));
        await store.upsert('accessToken', accessToken('at-1', 'g1'));
        expect(await store.find('accessToken', 'at-1')).toEqual(accessToken('at-1', 'g1'));
      });

      it('finds nothing under an unknown key or under another kind', async () => {
        const store = await makeStore();
        await store.upsert('accessToken', accessToken('shared-value', undefined));
        expect(await store.find('accessToken', 'nope')).toBeUndefined();
        expect(await store.find('refreshToken', 'shared-value')).toBeUndefined();
        expect(await store.find('code', 'shared-value')).toBeUndefined();
      });

      it('keeps clients of different providers with the same id apart', async () => {
        const store = await makeStore();
        await store.upsert('client', client('tink', 'same'));
        await store.upsert('client', { ...client('gusto', 'same'), clientSecret: 'gusto-one' });
        expect((await store.find('client', scopedKey('tink', 'same')))?.clientSecret).toBe('same-secret');
        expect((await store.find('client', scopedKey('gusto', 'same')))?.clientSecret).toBe('gusto-one');
      });

      it('replaces a record upserted again under the same key', async () => {
        const store = await makeStore();
        await store.upsert('grant', grant('g1'));
        await store.upsert('grant', { ...grant('g1'), scopes: ['b:write'] });
        expect((await store.find('grant', 'g1'))?.scopes).toEqual(['b:write']);
        expect(await store.list('grant')).toHaveLength(1);
      });

      it('lists every record of a kind, or only one provider’s', async () => {
        const store = await makeStore();
        await store.upsert('client', client('tink', 'one'));
        await store.upsert('client', client('tink', 'two'));
        await store.upsert('client', client('uphold', 'three'));
        await store.upsert('grant', grant('g1', 'tink'));
        const ids = (records: ClientRecord[]) => records.map((r) => r.clientId).sort();
        expect(ids(await store.list('client'))).toEqual(['one', 'three', 'two']);
        expect(ids(await store.list('client', 'tink'))).toEqual(['one', 'two']);
        expect(ids(await store.list('client', 'uphold'))).toEqual(['three']);
        expect(await store.list('client', 'gusto')).toEqual([]);
      });

      it('reads a kind oldest first as the caller iterates; a removal or an update meanwhile moves nothing', async () => {
        const store = await makeStore();
        const count = 1200; // more than a page of a networked store
        for (let i = 0; i < count; i++) await store.upsert('accessToken', accessToken(`at-${i}`, undefined));
        await store.upsert('grant', grant('g1'));
        const seen: string[] = [];
        let updated: readonly string[] = [];
        for await (const token of eachOf(store, 'accessToken')) {
          seen.push(token.value);
          if (token.value === 'at-800') updated = token.scopes;
          if (seen.length !== 100) continue;
          // One already listed (a paging by rank would then skip a record) and one ahead.
          await store.remove('accessToken', 'at-50');
          await store.remove('accessToken', 'at-900');
          await store.upsert('accessToken', { ...accessToken('at-800', undefined), scopes: ['changed'] });
          await store.upsert('accessToken', accessToken('at-new', undefined));
        }
        const kept = Array.from({ length: count }, (_, i) => `at-${i}`).filter((v) => v !== 'at-900');
        expect(seen.filter((value) => value !== 'at-new')).toEqual(kept);
        expect(seen.filter((value) => value === 'at-new').length).toBeLessThanOrEqual(1);
        expect(updated).toEqual(['changed']);
        const grants: string[] = [];
        for await (const g of eachOf(store, 'grant')) grants.push(g.id);
        expect(grants).toEqual(['g1']);
      });

      it('gives the newest records first, up to a limit, with how many there are', async () => {
        const store = await makeStore();
        for (let i = 1; i <= 5; i++) await store.upsert('accessToken', accessToken(`at-${i}`, 'g1'));
        await store.upsert('accessToken', { ...accessToken('at-6', 'g2'), provider: 'uphold' });
        await store.upsert('grant', grant('g1'));
        await store.upsert('grant', grant('g2', 'uphold'));
        // An update keeps its place; a removed record is neither given nor counted.
        await store.upsert('accessToken', { ...accessToken('at-2', 'g1'), revokedAt: t0 });
        await store.remove('accessToken', 'at-4');
        const values = (records: AccessToken[]) => records.map((r) => r.value);
        const newest = await store.recent('accessToken', 3);
        expect(values(newest.records)).toEqual(['at-6', 'at-5', 'at-3']);
        expect(newest.total).toBe(5);
        const tink = await store.recent('accessToken', 10, 'tink');
        expect(values(tink.records)).toEqual(['at-5', 'at-3', 'at-2', 'at-1']);
        expect(tink.total).toBe(4);
        expect(tink.records[2]?.revokedAt).toBe(t0);
        expect(await store.recent('accessToken', 0)).toEqual({ records: [], total: 5 });
        expect(await store.recent('accessToken', 5, 'gusto')).toEqual({ records: [], total: 0 });
        const grants = await store.recent('grant', 1);
        expect(grants.records.map((g) => g.id)).toEqual(['g2']);
        expect(grants.total).toBe(2);
      });

      it('forgets a removed record', async () => {
        const store = await makeStore();
        await store.upsert('code', code('c1', 'g1'));
        await store.remove('code', 'c1');
        expect(await store.find('code', 'c1')).toBeUndefined();
        expect(await store.list('code')).toEqual([]);
      });
    });

    describe('consume', () => {
      it('consumes a code exactly once and stamps when', async () => {
        const store = await makeStore();
        await store.upsert('code', code('c1', 'g1'));
        const first = await store.consume('code', 'c1', t0 + minute);
        expect(first).toEqual({ ok: true, record: { ...code('c1', 'g1'), consumedAt: t0 + minute } });
        const second = await store.consume('code', 'c1', t0 + 2 * minute);
        expect(second.ok).toBe(false);
        expect(second).toMatchObject({ reason: 'reused', record: { value: 'c1', consumedAt: t0 + minute } });
        expect((await store.find('code', 'c1'))?.consumedAt).toBe(t0 + minute);
      });

      it('consumes a refresh token exactly once', async () => {
        const store = await makeStore();
        await store.upsert('refreshToken', refreshToken('r1', 'g1'));
        expect((await store.consume('refreshToken', 'r1', t0)).ok).toBe(true);
        expect(await store.consume('refreshToken', 'r1', t0)).toMatchObject({ ok: false, reason: 'reused' });
      });

      it('lets exactly one of 100 concurrent consumers win', async () => {
        const store = await makeStore();
        await store.upsert('code', code('c1', 'g1'));
        const results = await Promise.all(
          Array.from({ length: 100 }, (_, i) => store.consume('code', 'c1', t0 + i)),
        );
        expect(results.filter((r) => r.ok)).toHaveLength(1);
        expect(results.filter((r) => !r.ok && r.reason === 'reused')).toHaveLength(99);
      });

      it('refuses an unknown value', async () => {
        const store = await makeStore();
        expect(await store.consume('code', 'never-issued', t0)).toEqual({ ok: false, reason: 'unknown' });
        expect(await store.consume('refreshToken', 'never-issued', t0)).toEqual({
          ok: false,
          reason: 'unknown',
        });
      });

      it('refuses a code at and after its expiry, but not a millisecond before', async () => {
        const store = await makeStore();
        const expiresAt = t0 + 10 * minute;
        await store.upsert('code', code('early', 'g1', expiresAt));
        await store.upsert('code', code('on-time', 'g1', expiresAt));
        await store.upsert('code', code('late', 'g1', expiresAt));
        expect((await store.consume('code', 'early', expiresAt - 1)).ok).toBe(true);
        expect(await store.consume('code', 'on-time', expiresAt)).toMatchObject({
          ok: false,
          reason: 'expired',
        });
        expect(await store.consume('code', 'late', expiresAt + minute)).toMatchObject({
          ok: false,
          reason: 'expired',
        });
      });

      it('never expires a refresh token without an expiry', async () => {
        const store = await makeStore();
        await store.upsert('refreshToken', refreshToken('forever', 'g1'));
        expect((await store.consume('refreshToken', 'forever', t0 + 10 * 365 * 86_400_000)).ok).toBe(true);
      });

      it('refuses a revoked code or refresh token', async () => {
        const store = await makeStore();
        await store.upsert('code', { ...code('c1', 'g1'), revokedAt: t0 });
        await store.upsert('refreshToken', { ...refreshToken('r1', 'g1'), revokedAt: t0 });
        expect(await store.consume('code', 'c1', t0)).toMatchObject({ ok: false, reason: 'revoked' });
        expect(await store.consume('refreshToken', 'r1', t0)).toMatchObject({ ok: false, reason: 'revoked' });
        expect((await store.find('code', 'c1'))?.consumedAt).toBeUndefined();
      });

      it('does not mark an expired code used', async () => {
        const store = await makeStore();
        await store.upsert('code', code('c1', 'g1', t0));
        await store.consume('code', 'c1', t0 + minute);
        expect((await store.find('code', 'c1'))?.consumedAt).toBeUndefined();
      });
    });

    describe('revokeByGrant', () => {
      it('revokes the grant and every token and code issued under it', async () => {
        const store = await makeStore();
        await store.upsert('grant', grant('g1'));
        await store.upsert('accessToken', accessToken('at-1', 'g1'));
        await store.upsert('refreshToken', refreshToken('rt-1', 'g1'));
        await store.upsert('code', code('code-1', 'g1'));
        const at = t0 + 5 * minute;
        expect(await store.revokeByGrant('g1', at)).toBe(4);
        expect((await store.find('grant', 'g1'))?.revokedAt).toBe(at);
        expect((await store.find('accessToken', 'at-1'))?.revokedAt).toBe(at);
        expect((await store.find('refreshToken', 'rt-1'))?.revokedAt).toBe(at);
        expect((await store.find('code', 'code-1'))?.revokedAt).toBe(at);
      });

      it('leaves other grants and tokens without a grant alone', async () => {
        const store = await makeStore();
        await store.upsert('grant', grant('g1'));
        await store.upsert('grant', grant('g2'));
        await store.upsert('accessToken', accessToken('mine', 'g1'));
        await store.upsert('accessToken', accessToken('theirs', 'g2'));
        await store.upsert('accessToken', accessToken('grantless', undefined));
        await store.revokeByGrant('g1', t0);
        expect((await store.find('grant', 'g2'))?.revokedAt).toBeUndefined();
        expect((await store.find('accessToken', 'theirs'))?.revokedAt).toBeUndefined();
        expect((await store.find('accessToken', 'grantless'))?.revokedAt).toBeUndefined();
      });

      it('keeps the first revocation time and counts nothing the second time', async () => {
        const store = await makeStore();
        await store.upsert('grant', grant('g1'));
        await store.upsert('accessToken', accessToken('at-1', 'g1'));
        await store.revokeByGrant('g1', t0);
        expect(await store.revokeByGrant('g1', t0 + minute)).toBe(0);
        expect((await store.find('accessToken', 'at-1'))?.revokedAt).toBe(t0);
      });

      it('revokes tokens issued under a grant that is not stored', async () => {
        const store = await makeStore();
        await store.upsert('refreshToken', refreshToken('orphan', 'missing-grant'));
        expect(await store.revokeByGrant('missing-grant', t0)).toBe(1);
        expect((await store.find('refreshToken', 'orphan'))?.revokedAt).toBe(t0);
      });

      it("lists a grant's access tokens oldest first, none of another grant's, and none swept", async () => {
        const store = await makeStore();
        for (const value of ['first', 'second', 'third'])
          await store.upsert('accessToken', accessToken(value, 'g1'));
        await store.upsert('accessToken', accessToken('other', 'g2'));
        await store.upsert('accessToken', accessToken('expired', 'g1', t0));
        await store.upsert('refreshToken', refreshToken('rt-1', 'g1'));
        expect((await store.accessTokensOfGrant('g1')).map((token) => token.value)).toEqual([
          'first',
          'second',
          'third',
          'expired',
        ]);
        await store.sweep(t0 + 1);
        expect((await store.accessTokensOfGrant('g1')).map((token) => token.value)).toEqual([
          'first',
          'second',
          'third',
        ]);
        expect(await store.accessTokensOfGrant('nobody')).toEqual([]);
      });

      it('revokes nothing for an unknown grant', async () => {
        const store = await makeStore();
        expect(await store.revokeByGrant('nobody', t0)).toBe(0);
      });

      it('makes a revoked code unconsumable', async () => {
        const store = await makeStore();
        await store.upsert('code', code('c1', 'g1'));
        await store.revokeByGrant('g1', t0);
        expect(await store.consume('code', 'c1', t0)).toMatchObject({ ok: false, reason: 'revoked' });
      });
    });

    describe('sweep', () => {
      it('forgets access tokens and codes that expired before the given time', async () => {
        const store = await makeStore();
        await store.upsert('accessToken', accessToken('old-token', 'g1', t0));
        await store.upsert('accessToken', accessToken('live-token', 'g1', t0 + 60 * minute));
        await store.upsert('code', code('old-code', 'g1', t0));
        await store.upsert('code', code('live-code', 'g1', t0 + 60 * minute));
        expect(await store.sweep(t0 + minute)).toBe(2);
        expect(await store.find('accessToken', 'old-token')).toBeUndefined();
        expect(await store.find('code', 'old-code')).toBeUndefined();
        expect(await store.find('accessToken', 'live-token')).toBeDefined();
        expect(await store.find('code', 'live-code')).toBeDefined();
      });

      it('keeps refresh tokens, grants, clients and users, expired or not', async () => {
        const store = await makeStore();
        await store.upsert('refreshToken', refreshToken('rt-old', 'g1', t0));
        await store.upsert('grant', grant('g1'));
        await store.upsert('client', client('tink', 'c'));
        await store.upsert('user', {
          provider: 'tink',
          id: 'u1',
          companies: [],
          status: 'active',
          createdAt: t0,
        });
        expect(await store.sweep(t0 + 365 * 86_400_000)).toBe(0);
        expect(await store.find('refreshToken', 'rt-old')).toBeDefined();
        expect(await store.find('grant', 'g1')).toBeDefined();
        expect(await store.find('client', scopedKey('tink', 'c'))).toBeDefined();
        expect(await store.find('user', scopedKey('tink', 'u1'))).toBeDefined();
      });

      it('still revokes what is left of a grant after a sweep', async () => {
        const store = await makeStore();
        await store.upsert('grant', grant('g1'));
        await store.upsert('accessToken', accessToken('old', 'g1', t0));
        await store.upsert('refreshToken', refreshToken('rt', 'g1'));
        await store.sweep(t0 + minute);
        expect(await store.revokeByGrant('g1', t0 + minute)).toBe(2);
        expect((await store.find('refreshToken', 'rt'))?.revokedAt).toBe(t0 + minute);
      });
    });

    describe('reset, snapshot and restore', () => {
      it('forgets everything on reset', async () => {
        const store = await makeStore();
        await store.upsert('client', client('tink', 'c'));
        await store.upsert('grant', grant('g1'));
        await store.upsert('accessToken', accessToken('at', 'g1'));
        await store.reset();
        expect(await store.list('client')).toEqual([]);
        expect(await store.list('grant')).toEqual([]);
        expect(await store.list('accessToken')).toEqual([]);
        expect(await store.revokeByGrant('g1', t0)).toBe(0);
      });

      it('restores a snapshot to exactly the state it was taken from', async () => {
        const store = await makeStore();
        await store.upsert('client', client('tink', 'c'));
        await store.upsert('grant', grant('g1'));
        await store.upsert('accessToken', accessToken('at', 'g1'));
        await store.upsert('refreshToken', refreshToken('rt', 'g1', t0 + 60 * minute));
        await store.upsert('code', code('code', 'g1'));
        await store.consume('code', 'code', t0);
        const snapshot = await store.snapshot();
        expect(snapshot.version).toBe(1);

        await store.upsert('accessToken', accessToken('later', 'g1'));
        await store.consume('refreshToken', 'rt', t0);
        await store.revokeByGrant('g1', t0);
        await store.restore(snapshot);

        expect(await store.snapshot()).toEqual(snapshot);
        expect(await store.find('accessToken', 'later')).toBeUndefined();
        expect((await store.consume('refreshToken', 'rt', t0)).ok).toBe(true);
      });

      it('takes a snapshot that survives JSON and restores into a fresh store', async () => {
        const store = await makeStore();
        await store.upsert('client', client('uphold', 'c'));
        await store.upsert('grant', grant('g1'));
        await store.upsert('accessToken', accessToken('at', 'g1'));
        const snapshot = await store.snapshot();
        const fresh = await makeStore();
        await fresh.restore(JSON.parse(JSON.stringify(snapshot)));
        expect(await fresh.snapshot()).toEqual(snapshot);
      });

      it('rebuilds the grant index on restore, so revokeByGrant still reaches the tokens', async () => {
        const store = await makeStore();
        await store.upsert('grant', grant('g1'));
        await store.upsert('accessToken', accessToken('at', 'g1'));
        const snapshot = await store.snapshot();
        const fresh = await makeStore();
        await fresh.restore(snapshot);
        expect(await fresh.revokeByGrant('g1', t0)).toBe(2);
        expect((await fresh.find('accessToken', 'at'))?.revokedAt).toBe(t0);
      });

      it('keeps a snapshot unchanged by later writes', async () => {
        const store = await makeStore();
        await store.upsert('grant', grant('g1'));
        await store.upsert('refreshToken', refreshToken('rt', 'g1'));
        const snapshot = await store.snapshot();
        const copy = structuredClone(snapshot);
        await store.consume('refreshToken', 'rt', t0);
        await store.revokeByGrant('g1', t0);
        expect(snapshot).toEqual(copy);
      });
    });
  });
}
