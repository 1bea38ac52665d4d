import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/engine/memory-store.js';
import { accessToken, code, storeContract, t0 } from './store-contract.js';

storeContract('MemoryStore', () => new MemoryStore());

describe('MemoryStore sweep', () => {
  it('walks a large table in slices, letting other work run in between', async () => {
    const store = new MemoryStore();
    const count = 50_000;
    for (let i = 0; i < count; i++) store.upsertNow('accessToken', accessToken(`token-${i}`, undefined, t0));
    const sweeping = store.sweep(t0 + 1);
    await new Promise((resolve) => setImmediate(resolve));
    const midway = (await store.list('accessToken')).length;
    expect(midway).toBeGreaterThan(0);
    expect(midway).toBeLessThan(count);
    expect(await sweeping).toBe(count);
    expect(await store.list('accessToken')).toEqual([]);
  });
});

describe('MemoryStore sweep with nothing due', () => {
  const hour = 3_600_000;
  const many = 50_000; // more than one slice: a walk would yield to the event loop at least once

  /** The sweep's result, and whether it settled before a turn of the event loop (so walked nothing). */
  async function sweepNow(store: MemoryStore, before: number): Promise<{ removed: number; walked: boolean }> {
    let turned = false;
    setImmediate(() => {
      turned = true;
    });
    const removed = await store.sweep(before);
    return { removed, walked: turned };
  }

  function storeWithLiveTokens(expiresAt: number): MemoryStore {
    const store = new MemoryStore();
    for (let i = 0; i < many; i++)
      store.upsertNow('accessToken', accessToken(`live-${i}`, undefined, expiresAt));
    return store;
  }

  it('returns at once when no token or code expired before the given time', async () => {
    const store = storeWithLiveTokens(t0 + hour);
    expect(await sweepNow(store, t0)).toEqual({ removed: 0, walked: false });
    expect(await sweepNow(store, t0 + hour)).toEqual({ removed: 0, walked: false });
  });

  it('walks once something is due, then knows when the next one is', async () => {
    const store = storeWithLiveTokens(t0 + 2 * hour);
    store.upsertNow('code', code('due-code', 'g1', t0 + hour));
    expect(await sweepNow(store, t0 + hour + 1)).toEqual({ removed: 1, walked: true });
    expect(await sweepNow(store, t0 + 2 * hour)).toEqual({ removed: 0, walked: false });
    expect(await sweepNow(store, t0 + 2 * hour + 1)).toEqual({ removed: many, walked: true });
    expect(await store.list('accessToken')).toEqual([]);
  });

  it('sweeps a token whose expiry was brought forward (replaced with an earlier one)', async () => {
    const store = storeWithLiveTokens(t0 + hour);
    await store.upsert('accessToken', accessToken('live-7', undefined, t0));
    expect(await sweepNow(store, t0 + 1)).toEqual({ removed: 1, walked: true });
    expect(await store.find('accessToken', 'live-7')).toBeUndefined();
  });

  it('keeps track of tokens written while a walk is under way', async () => {
    const store = storeWithLiveTokens(t0);
    const sweeping = store.sweep(t0 + 1);
    store.upsertNow('accessToken', accessToken('written-meanwhile', undefined, t0 + hour));
    expect(await sweeping).toBe(many);
    expect(await sweepNow(store, t0 + hour)).toEqual({ removed: 0, walked: false });
    expect((await sweepNow(store, t0 + hour + 1)).removed).toBe(1);
  });

  it('forgets the earliest expiry on reset', async () => {
    const store = storeWithLiveTokens(t0);
    await store.reset();
    store.upsertNow('accessToken', accessToken('after-reset', undefined, t0 + hour));
    expect(await sweepNow(store, t0 + 1)).toEqual({ removed: 0, walked: false });
  });
});
