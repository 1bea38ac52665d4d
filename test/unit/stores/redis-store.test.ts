import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClockState } from '../../../src/engine/clock.js';
import { RedisDataError } from '../../../src/stores/redis-codec.js';
import { RedisStore, type RedisStoreOptions } from '../../../src/stores/redis-store.js';
import { uniquePrefix, useRedis } from '../../support/redis.js';
import { accessToken, code, grant, refreshToken, storeContract } from '../engine/store-contract.js';

const redis = useRedis();
const open: RedisStore[] = [];
const t0 = Date.parse('2026-01-01T00:00:00Z');

afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
});

/** A store on the test file's redis-server; a fresh prefix unless one is given (then it shares state). */
function redisStore(options: RedisStoreOptions = {}): RedisStore {
  const store = new RedisStore({ url: redis.url, prefix: uniquePrefix('unit'), ...options });
  open.push(store);
  return store;
}

/** The next clock state `store` hears of from another server. */
function nextClockChange(store: RedisStore): Promise<ClockState> {
  return new Promise((resolve) => {
    const stop = store.watchClock((state) => {
      stop();
      resolve(state);
    });
  });
}

storeContract('RedisStore', () => redisStore());

describe('RedisStore shared between servers', () => {
  it('shows a record written through one connection to another on the same prefix', async () => {
    const a = redisStore();
    const b = redisStore({ prefix: a.keys.prefix });
    await a.upsert('accessToken', accessToken('at-1', 'g1'));
    expect(await b.find('accessToken', 'at-1')).toEqual(accessToken('at-1', 'g1'));
  });

  it('lets exactly one of 100 consumers spread over two servers win', async () => {
    const a = redisStore();
    const b = redisStore({ prefix: a.keys.prefix });
    await a.upsert('refreshToken', refreshToken('rt', 'g1'));
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? a : b).consume('refreshToken', 'rt', t0 + i)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === 'reused')).toHaveLength(99);
  });

  it('keeps a revocation made by another server when a stale copy of the token is written back', async () => {
    const a = redisStore();
    const b = redisStore({ prefix: a.keys.prefix });
    await a.upsert('grant', grant('g1'));
    await a.upsert('accessToken', accessToken('at', 'g1'));
    const stale = await a.find('accessToken', 'at');
    if (!stale) throw new Error('the token was not stored');
    await b.revokeByGrant('g1', t0);
    await a.upsert('accessToken', { ...stale, firstUsedAt: t0 + 1 });
    expect(await b.find('accessToken', 'at')).toEqual({ ...stale, firstUsedAt: t0 + 1, revokedAt: t0 });
  });

  it('keeps other prefixes on the same Redis untouched by reset', async () => {
    const mine = redisStore();
    const theirs = redisStore();
    await mine.upsert('code', code('c1', 'g1'));
    await theirs.upsert('code', code('c1', 'g1'));
    await mine.reset();
    expect(await mine.find('code', 'c1')).toBeUndefined();
    expect(await theirs.find('code', 'c1')).toEqual(code('c1', 'g1'));
  });

  it('names the key when Redis holds something it did not write', async () => {
    const store = redisStore();
    const raw = new Redis(redis.url);
    try {
      await raw.set(store.keys.record('grant', 'g3'), 'not json');
      await raw.set(store.keys.record('grant', 'g4'), JSON.stringify(accessToken('g4', undefined)));
    } finally {
      raw.disconnect();
    }
    await expect(store.find('grant', 'g3')).rejects.toThrow(RedisDataError);
    await expect(store.find('grant', 'g3')).rejects.toThrow(`${store.keys.prefix}:r:grant:g3: not JSON`);
    // An access token under a grant key: its key fields do not give back the key it sits under.
    await expect(store.find('grant', 'g4')).rejects.toThrow('whose grant key is not "g4"');
  });
});

describe('RedisStore clock', () => {
  it('keeps the clock state for a server that starts later, and through reset', async () => {
    const a = redisStore();
    expect(await a.readClock()).toBeUndefined();
    await a.writeClock({ offset: 5000, frozenAt: t0 });
    await a.reset();
    const b = redisStore({ prefix: a.keys.prefix });
    expect(await b.readClock()).toEqual({ offset: 5000, frozenAt: t0 });
  });

  it('tells a server of clock changes made by another, never of its own', async () => {
    const a = redisStore();
    const b = redisStore({ prefix: a.keys.prefix });
    await Promise.all([a.ready(), b.ready()]);
    const heardByA = nextClockChange(a);
    const heardByB = nextClockChange(b);
    await a.writeClock({ offset: 1 });
    await b.writeClock({ offset: 2 });
    // Pub/sub keeps order: had A heard its own change, offset 1 would have come first.
    expect(await heardByA).toEqual({ offset: 2 });
    expect(await heardByB).toEqual({ offset: 1 });
  });

  it('replays a change heard before anyone listened', async () => {
    const a = redisStore();
    const b = redisStore({ prefix: a.keys.prefix });
    const probe = redisStore({ prefix: a.keys.prefix });
    await Promise.all([b.ready(), probe.ready()]);
    const heardByProbe = nextClockChange(probe);
    await a.writeClock({ offset: 7, frozenAt: t0 });
    await heardByProbe; // delivered by now to every subscriber, b included
    expect(await nextClockChange(b)).toEqual({ offset: 7, frozenAt: t0 });
  });
});

describe('RedisStore start-up', () => {
  it('lets the first server seed and the next resume once the clock is written', async () => {
    const first = redisStore();
    const second = redisStore({ prefix: first.keys.prefix });
    expect(await first.hasState()).toBe(false);
    const resumed = second.hasState();
    await first.upsert('grant', grant('g1'));
    await first.writeClock({ offset: 0 });
    expect(await resumed).toBe(true);
  });

  it('says which key to delete when the seeding server never finishes', async () => {
    const first = redisStore();
    const second = redisStore({ prefix: first.keys.prefix, seedWaitMs: 100 });
    expect(await first.hasState()).toBe(false);
    await expect(second.hasState()).rejects.toThrow(`delete the key ${first.keys.claim}`);
  });

  it('fails to open with the address when no Redis listens there', async () => {
    const { port } = new URL(redis.url);
    await redisStore().close();
    await expect(
      RedisStore.open({ url: `redis://127.0.0.1:${Number(port) === 1 ? 2 : 1}`, prefix: uniquePrefix() }),
    ).rejects.toThrow(/Cannot reach Redis at redis:\/\/127\.0\.0\.1:\d+ .*Is redis-server running there\?/);
  });

  it('opens the store --store names, with the prefix from ?prefix=', async () => {
    const prefix = uniquePrefix('url');
    const store = await RedisStore.openUrl(`${redis.url}?prefix=${prefix}`);
    open.push(store);
    expect(store.keys.prefix).toBe(prefix);
    await store.upsert('grant', grant('g1'));
    expect(await redisStore({ prefix }).find('grant', 'g1')).toEqual(grant('g1'));
  });

  it('refuses a --store that is not a Redis URL', async () => {
    await expect(RedisStore.openUrl('http://127.0.0.1:6379')).rejects.toThrow('expected redis://HOST:PORT');
    await expect(RedisStore.openUrl('127.0.0.1:6379')).rejects.toThrow('expected redis://HOST:PORT');
  });

  it('masks a password in the URL when it cannot connect', async () => {
    const failure = RedisStore.open({ url: 'redis://:hunter2@127.0.0.1:1', prefix: uniquePrefix() });
    await expect(failure).rejects.toThrow('redis://:***@127.0.0.1:1');
    await expect(failure).rejects.not.toThrow('hunter2');
  });

  it('refuses a prefix with glob characters, which reset could not scan for exactly', () => {
    expect(() => new RedisStore({ url: redis.url, prefix: 'a*b' })).toThrow('glob characters');
  });
});
