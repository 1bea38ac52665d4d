import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AccessToken } from '../../../src/engine/records.js';
import { TokenTable } from '../../../src/engine/token-table.js';
import { accessToken, t0 } from './store-contract.js';

const values = [
  '',
  'a',
  'b',
  'token-1',
  'token-2',
  'x'.repeat(700),
  `${'y'.repeat(499)}z`,
  `${'y'.repeat(499)}w`,
  'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln',
  // Differ only where the hash does not look (neither the tail nor a sampled character): same hash.
  `${'q'.repeat(5)}A${'q'.repeat(294)}`,
  `${'q'.repeat(5)}B${'q'.repeat(294)}`,
  'tökén',
  '令牌',
  'emoji-\u{1F511}',
];

const someText = fc.oneof(fc.constantFrom('rt-1', 'rt-22', 'é', ''), fc.string({ maxLength: 12 }));

const anyToken: fc.Arbitrary<AccessToken> = fc
  .record(
    {
      value: fc.constantFrom(...values),
      provider: fc.constantFrom('tink', 'gusto', 'uphold'),
      kind: fc.constantFrom('user', 'client', 'strict'),
      clientId: fc.constantFrom('c1', 'c2', 'ç3'),
      grantId: fc.constantFrom('g1', 'g2', 'g3'),
      userId: fc.constantFrom('u1', 'u2'),
      companies: fc.oneof(fc.constant([]), fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 })),
      scopes: fc.array(fc.constantFrom('a:read', 'b:write', 'a\u0000b', ''), { maxLength: 3 }),
      issuedAt: fc.integer({ min: 0, max: 2 ** 42 }),
      expiresAt: fc.double({ min: 0, max: 2 ** 42, noNaN: true }),
      revokedAt: fc.integer({ min: 0, max: 2 ** 42 }),
      firstUsedAt: fc.integer({ min: 0, max: 2 ** 42 }),
      revokesOnFirstUse: someText,
      refreshToken: someText,
    },
    {
      requiredKeys: ['value', 'provider', 'kind', 'clientId', 'companies', 'scopes', 'issuedAt', 'expiresAt'],
    },
  )
  .map((token): AccessToken => ({ ...token }));

type Step =
  | { op: 'set'; token: AccessToken }
  | { op: 'delete'; value: string }
  | { op: 'get'; value: string }
  | { op: 'revokeGrant'; grantId: string; at: number }
  | { op: 'sweep'; before: number; slice: number };

const anyStep: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: anyToken.map((token) => ({ op: 'set' as const, token })), weight: 6 },
  { arbitrary: fc.constantFrom(...values).map((value) => ({ op: 'delete' as const, value })), weight: 2 },
  { arbitrary: fc.constantFrom(...values).map((value) => ({ op: 'get' as const, value })), weight: 3 },
  {
    arbitrary: fc.record({
      op: fc.constant('revokeGrant' as const),
      grantId: fc.constantFrom('g1', 'g2', 'g4'),
      at: fc.integer({ min: 0, max: 2 ** 42 }),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      op: fc.constant('sweep' as const),
      before: fc.double({ min: 0, max: 2 ** 42, noNaN: true }),
      slice: fc.integer({ min: 1, max: 5 }),
    }),
    weight: 1,
  },
);

/** A sweep as the memory store walks it: slices of `slice` slots, then the end of the walk. */
function sweep(table: TokenTable, before: number, slice: number): { removed: number; kept: number } {
  let removed = 0;
  let kept = Number.POSITIVE_INFINITY;
  table.beginWalk();
  for (let slot = 0; slot < Number.POSITIVE_INFINITY; ) {
    const step = table.sweepSlots(slot, slice, before);
    removed += step.removed;
    kept = Math.min(kept, step.kept);
    slot = step.next;
  }
  table.endWalk();
  return { removed, kept };
}

const byValue = (a: AccessToken, b: AccessToken) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);

describe('TokenTable', () => {
  it('behaves as a map of tokens under any sequence of reads, writes, removals, revocations and sweeps', () => {
    fc.assert(
      fc.property(
        fc.array(anyStep, { maxLength: 80 }),
        fc.constantFrom(2, 3, 4, 1024),
        // A small arena: the tokens past it are kept as objects.
        fc.constantFrom(2 ** 30, 1500),
        // Small chunks: blocks at chunk ends, blocks larger than a chunk, compaction across chunks.
        fc.constantFrom(undefined, 16, 128, 512),
        (steps, size, arenaBytes, chunkBytes) => {
          const table = new TokenTable(size, arenaBytes, chunkBytes);
          const model = new Map<string, AccessToken>();
          for (const step of steps) {
            if (step.op === 'set') {
              table.set(step.token.value, step.token);
              model.set(step.token.value, step.token);
            } else if (step.op === 'delete') {
              expect(table.delete(step.value)).toBe(model.delete(step.value));
            } else if (step.op === 'get') {
              expect(table.get(step.value)).toEqual(model.get(step.value));
            } else if (step.op === 'revokeGrant') {
              let changed = 0;
              for (const [value, token] of model) {
                if (token.grantId === step.grantId && token.revokedAt === undefined) {
                  model.set(value, { ...token, revokedAt: step.at });
                  changed++;
                }
              }
              expect(table.revokeGrant(step.grantId, step.at)).toBe(changed);
            } else {
              let removed = 0;
              let kept = Number.POSITIVE_INFINITY;
              for (const [value, token] of model) {
                if (token.expiresAt < step.before) {
                  model.delete(value);
                  removed++;
                } else {
                  kept = Math.min(kept, token.expiresAt);
                }
              }
              expect(sweep(table, step.before, step.slice)).toEqual({ removed, kept });
            }
            expect(table.size).toBe(model.size);
          }
          for (const value of values) expect(table.get(value)).toEqual(model.get(value));
          expect([...table.values()].sort(byValue)).toEqual([...model.values()].sort(byValue));
          for (const grantId of ['g1', 'g2', 'g3']) {
            expect(table.ofGrant(grantId).sort(byValue)).toEqual(
              [...model.values()].filter((token) => token.grantId === grantId).sort(byValue),
            );
          }
          for (const provider of ['tink', 'gusto'] as const) {
            expect([...table.values(provider)].sort(byValue)).toEqual(
              [...model.values()].filter((token) => token.provider === provider).sort(byValue),
            );
          }
          // The newest first: the order `values` lists them in, reversed (unpacked ones included).
          for (const provider of [undefined, 'tink', 'uphold'] as const) {
            const listed = [...table.values(provider)].reverse();
            expect(table.recent(3, provider)).toEqual({ records: listed.slice(0, 3), total: listed.length });
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds nothing for a value that differs from a kept one in its last character or its length', () => {
    const table = new TokenTable();
    table.set('', accessToken(`${'y'.repeat(499)}z`, undefined));
    expect(table.get(`${'y'.repeat(499)}w`)).toBeUndefined();
    expect(table.get('y'.repeat(499))).toBeUndefined();
    expect(table.get(`${'y'.repeat(499)}z`)?.value).toBe(`${'y'.repeat(499)}z`);
  });

  it('tells apart values the hash does not (they differ only between the characters it samples)', () => {
    const table = new TokenTable();
    const first = `${'q'.repeat(5)}A${'q'.repeat(294)}`;
    const second = `${'q'.repeat(5)}B${'q'.repeat(294)}`;
    table.set(first, accessToken(first, 'g1', t0 + 1));
    expect(table.get(second)).toBeUndefined();
    table.set(second, accessToken(second, 'g2', t0 + 2));
    expect(table.get(first)?.expiresAt).toBe(t0 + 1);
    expect(table.get(second)?.expiresAt).toBe(t0 + 2);
    expect(table.delete(first)).toBe(true);
    expect(table.get(first)).toBeUndefined();
    expect(table.get(second)?.grantId).toBe('g2');
  });

  it('finds, deletes and misses each of thousands of long values that share their sampled hash', () => {
    // Three unsampled characters vary (the hash samples every 8th before the last 64): one sampled hash.
    const sameSampledHash = (n: number) => `q${n.toString(36).padStart(3, '0')}${'q'.repeat(296)}`;
    const table = new TokenTable();
    for (let n = 0; n < 3000; n++) table.set('', accessToken(sameSampledHash(n), undefined, t0 + n));
    for (let n = 0; n < 3000; n++) expect(table.get(sameSampledHash(n))?.expiresAt).toBe(t0 + n);
    expect(table.get(sameSampledHash(3000))).toBeUndefined();
    expect(table.delete(sameSampledHash(7))).toBe(true);
    expect(table.get(sameSampledHash(7))).toBeUndefined();
    expect(table.size).toBe(2999);
  });

  it('keeps insertion order through growth, updates, removals and compaction', () => {
    const table = new TokenTable(4);
    for (let i = 0; i < 100; i++) table.set('', accessToken(`token-${i}`, undefined, t0 + i));
    table.set('', { ...accessToken('token-3', undefined, t0 + 3), revokedAt: t0 });
    table.set('', {
      ...accessToken('token-5', undefined, t0 + 5),
      refreshToken: 'a longer string than before',
    });
    expect(sweep(table, t0 + 60, 7).removed).toBe(60);
    const kept = [...table.values()];
    expect(kept.map((token) => token.value)).toEqual(Array.from({ length: 40 }, (_, i) => `token-${i + 60}`));
    table.set('', accessToken('token-new', undefined, t0));
    expect([...table.values()].at(-1)?.value).toBe('token-new');
    expect(table.get('token-61')?.expiresAt).toBe(t0 + 61);
    expect(table.get('token-5')).toBeUndefined();
  });

  it('finds a token again after a compaction moved it (the last token found is remembered)', () => {
    const table = new TokenTable(2);
    for (let i = 0; i < 9; i++) table.set('', accessToken(`gone-${i}`, undefined, t0));
    table.set('', accessToken('kept', 'g1', t0 + 5));
    table.beginWalk();
    expect(table.sweepSlots(0, 100, t0 + 1).removed).toBe(9);
    // Found between the last removal and the compaction at the walk's end.
    expect(table.get('kept')?.expiresAt).toBe(t0 + 5);
    table.endWalk();
    table.set('', accessToken('after', undefined, t0 + 6));
    expect(table.get('kept')).toEqual(accessToken('kept', 'g1', t0 + 5));
    expect(table.get('gone-0')).toBeUndefined();
  });

  it('tells the last token found from values of the same hash or length (the remembered one is gated by its hash)', () => {
    const table = new TokenTable(4);
    // Same length, same sampled hash (they differ where the hash does not look), and a one-character change.
    const a = `${'q'.repeat(5)}A${'q'.repeat(294)}`;
    const b = `${'q'.repeat(5)}B${'q'.repeat(294)}`;
    const c = `${a.slice(0, -1)}r`;
    table.set('', accessToken(a, 'g1', t0 + 1));
    table.set('', accessToken(b, 'g2', t0 + 2));
    for (let round = 0; round < 3; round++) {
      expect(table.get(a)?.expiresAt).toBe(t0 + 1);
      expect(table.get(b)?.expiresAt).toBe(t0 + 2);
      expect(table.get(`${b}`)?.grantId).toBe('g2');
      expect(table.get(c)).toBeUndefined();
    }
  });

  it('keeps every token in its slot while a walk is paused: most swept meanwhile, the rest listed once each', () => {
    const table = new TokenTable(4);
    const name = (i: number) => `token-${i}`;
    const kept = (value: string) => Number(value.slice(6)) % 3 === 0;
    // One token in three lives on, the others expire: swept, they outnumber the rest (a compaction is due).
    for (let i = 0; i < 900; i++) table.set('', accessToken(name(i), undefined, i % 3 === 0 ? t0 + 10 : t0));
    const walk = table.values();
    const seen: string[] = [];
    for (let i = 0; i < 300; i++) seen.push(walk.next().value?.value ?? 'missing');
    expect(sweep(table, t0 + 1, 100).removed).toBe(600);
    expect(table.footprint().slots).toBe(900);
    for (let step = walk.next(); !step.done; step = walk.next()) seen.push(step.value.value);
    expect(seen.filter(kept)).toEqual(Array.from({ length: 300 }, (_, i) => name(3 * i)));
    expect(seen.slice(300).every(kept)).toBe(true);
    // The walk's end compacts what the sweep could not.
    expect(table.footprint().slots).toBe(300);
  });

  it('ends a walk left early, so that a later sweep compacts the table', () => {
    const table = new TokenTable(4);
    for (let i = 0; i < 100; i++) table.set('', accessToken(`token-${i}`, undefined, i < 90 ? t0 : t0 + 10));
    for (const token of table.values()) {
      expect(token.value).toBe('token-0');
      break;
    }
    expect(sweep(table, t0 + 1, 1000).removed).toBe(90);
    expect(table.footprint().slots).toBe(10);
  });

  it('gives back the slots, bytes and interned values of swept tokens once a sweep compacts the table', () => {
    const table = new TokenTable(4);
    const empty = table.footprint();
    for (let i = 0; i < 5000; i++) {
      const token = {
        ...accessToken(`token-${i}`, `grant-${i}`, t0),
        scopes: [`scope-${i}`],
        userId: `user-${i}`,
      };
      table.set('', token);
    }
    table.set('', accessToken('kept', 'g1', t0 + 1));
    expect(table.footprint().interned).toBeGreaterThan(15_000);
    expect(sweep(table, t0 + 1, 1000).removed).toBe(5000);
    // What the kept token needs: its slot; its client and grant ids; its company and scope lists.
    expect(table.footprint()).toEqual({ ...empty, slots: 1, interned: 4 });
    expect(table.get('kept')).toEqual(accessToken('kept', 'g1', t0 + 1));
    expect(table.revokeGrant('g1', t0)).toBe(1);
    expect(table.revokeGrant('grant-7', t0)).toBe(0);
  });

  it('keeps tokens past its arena as objects, and finds, revokes and sweeps them like the others', () => {
    const table = new TokenTable(4, 1000);
    const value = (i: number) => `${String(i).padStart(3, '0')}${'v'.repeat(97)}`;
    for (let i = 0; i < 30; i++) table.set('', accessToken(value(i), 'g1', t0 + i));
    expect(table.size).toBe(30);
    for (let i = 0; i < 30; i++) expect(table.get(value(i))?.expiresAt).toBe(t0 + i);
    expect(table.revokeGrant('g1', t0)).toBe(30);
    expect(sweep(table, t0 + 15, 4).removed).toBe(15);
    expect([...table.values()].map((token) => token.value).sort()).toEqual(
      Array.from({ length: 15 }, (_, i) => value(i + 15)),
    );
  });

  it('compacts after removals, also when an update moved the strings of a token past later ones', () => {
    const table = new TokenTable(2);
    for (let i = 0; i < 6; i++)
      table.set('', { ...accessToken(`token-${i}`, 'g1', t0 + i), refreshToken: `rt-${i}` });
    const longer = {
      ...accessToken('token-0', 'g1', t0),
      refreshToken: 'a refresh token longer than before',
    };
    table.set('', longer);
    // token-0's strings now follow token-5's; moved down in place, they would land on token-1's.
    for (let i = 2; i < 6; i++) expect(table.delete(`token-${i}`)).toBe(true);
    expect(table.footprint().slots).toBe(2);
    expect(table.get('token-0')).toEqual(longer);
    expect(table.get('token-1')).toEqual({ ...accessToken('token-1', 'g1', t0 + 1), refreshToken: 'rt-1' });
    expect(table.revokeGrant('g1', t0)).toBe(2);
  });

  it('lists the tokens of a grant oldest first', () => {
    const table = new TokenTable(2);
    for (const [value, grantId] of [
      ['a', 'g1'],
      ['b', 'g2'],
      ['c', 'g1'],
      ['d', 'g1'],
    ] as const) {
      table.set('', accessToken(value, grantId));
    }
    table.delete('c');
    expect(table.ofGrant('g1').map((token) => token.value)).toEqual(['a', 'd']);
    expect(table.ofGrant('g3')).toEqual([]);
  });

  it('hands out a fresh record on each read, so that changing one changes nothing kept', () => {
    const table = new TokenTable();
    table.set('', accessToken('t', 'g1'));
    const read = table.get('t');
    if (!read) throw new Error('not found');
    read.revokedAt = 1;
    expect(table.get('t')?.revokedAt).toBeUndefined();
    // Lists are shared between records with the same contents, and frozen.
    expect(() => Reflect.apply(Array.prototype.push, read.scopes, ['admin'])).toThrow(TypeError);
    expect(table.get('t')).not.toBe(read);
  });

  it('keeps slot numbers during a walk: writes between slices are walked, and nothing is compacted', () => {
    const table = new TokenTable(2);
    for (let i = 0; i < 10; i++) table.set('', accessToken(`old-${i}`, undefined, t0));
    table.beginWalk();
    const first = table.sweepSlots(0, 5, t0 + 1);
    for (let i = 0; i < 3; i++) table.set('', accessToken(`new-${i}`, undefined, t0 + 10));
    let removed = first.removed;
    let kept = first.kept;
    for (let slot = first.next; slot < Number.POSITIVE_INFINITY; ) {
      const step = table.sweepSlots(slot, 5, t0 + 1);
      removed += step.removed;
      kept = Math.min(kept, step.kept);
      slot = step.next;
    }
    table.endWalk();
    expect(removed).toBe(10);
    expect(kept).toBe(t0 + 10);
    expect([...table.values()].map((token) => token.value)).toEqual(['new-0', 'new-1', 'new-2']);
  });
});
