import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/engine/memory-store.js';
import { accessToken, storeContract, t0 } from './store-contract.js';

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
