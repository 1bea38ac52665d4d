import { afterEach, describe, expect, it } from 'vitest';
import type { ClockState } from '../../src/engine/clock.js';
import { redactSecret } from '../../src/engine/redact.js';
import type { RunningServer } from '../../src/index.js';
import { RedisStore } from '../../src/stores/redis-store.js';
import { uniquePrefix, useRedis } from '../support/redis.js';
import { bearer, postJson, startTestServer } from '../support/server.js';
import { type TinkTokenBody, tinkClientToken, tinkToken, tinkUserTokens } from '../support/tink.js';
import { upholdClientToken } from '../support/tokens.js';
import { accessToken, call } from '../unit/providers/uphold/harness.js';

const redis = useRedis();
const stores: RedisStore[] = [];

afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
});

interface Replica {
  server: RunningServer;
  store: RedisStore;
}

/** Two servers behind an imaginary load balancer: separate processes' worth of state, one Redis keyspace. */
async function twoReplicas(): Promise<[Replica, Replica]> {
  const prefix = uniquePrefix('replicas');
  const replica = async (): Promise<Replica> => {
    const store = await RedisStore.open({ url: redis.url, prefix });
    stores.push(store);
    return { server: await startTestServer({ store }), store };
  };
  // One after the other, as a deployment would roll them out: the first seeds, the second resumes.
  const a = await replica();
  const b = await replica();
  return [a, b];
}

/** Resolves when `replica` has adopted a clock change made on another server. */
function clockChangeOn(replica: Replica): Promise<ClockState> {
  return new Promise((resolve) => {
    const stop = replica.store.watchClock((state) => {
      stop();
      resolve(state);
    });
  });
}

async function clockOf(server: RunningServer): Promise<{ now: string; frozen: boolean }> {
  const res = await fetch(`${server.url}/__sandbox/clock`);
  expect(res.status).toBe(200);
  return (await res.json()) as { now: string; frozen: boolean };
}

describe('two servers sharing one Redis store', () => {
  it('accepts on one server a token issued by the other', async () => {
    const [a, b] = await twoReplicas();
    const token = await tinkClientToken(a.server, 'user:create');
    const created = await postJson(
      `${b.server.url}/tink/api/v1/user/create`,
      { external_user_id: 'replicated-user', market: 'GB', locale: 'en_US' },
      bearer(token),
    );
    expect(created.status).toBe(200);
    // And the user B created is there on A: a second create of the same external id is a duplicate.
    const duplicate = await postJson(
      `${a.server.url}/tink/api/v1/user/create`,
      { external_user_id: 'replicated-user', market: 'GB', locale: 'en_US' },
      bearer(token),
    );
    expect(duplicate.status).toBe(409);
  });

  it('streams the shared state a page at a time: both servers list every token, oldest first', async () => {
    const [a, b] = await twoReplicas();
    const issuedAt = a.server.engine.clock.now();
    for (let i = 0; i < 1200; i++) {
      await a.store.upsert('accessToken', upholdClientToken('paged', i, issuedAt));
    }
    await tinkClientToken(b.server, 'user:create');
    const stored = (await a.store.list('accessToken')).map((token) => redactSecret(token.value));
    expect(stored.length).toBeGreaterThan(1200);
    for (const { server } of [a, b]) {
      const res = await fetch(`${server.url}/__sandbox/state`);
      const state = (await res.json()) as { accessTokens: { token: string }[] };
      expect(state.accessTokens.map((token) => token.token)).toEqual(stored);
    }
  });

  it('lets exactly one of 50 concurrent refreshes spread over both servers win', async () => {
    const [a, b] = await twoReplicas();
    const { refresh_token } = await tinkUserTokens(a.server, 'accounts:read');
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        tinkToken(i % 2 === 0 ? a.server : b.server, { grant_type: 'refresh_token', refresh_token }),
      ),
    );
    const statuses = results.map((res) => res.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 400)).toHaveLength(49);
    const winner = results.find((res) => res.status === 200);
    const pair = (await winner?.json()) as TinkTokenBody;
    expect(pair.refresh_token).not.toBe(refresh_token);
  });

  it('shares the clock: time advanced on one server is read on the other, and tokens expire there', async () => {
    const [a, b] = await twoReplicas();
    expect(await clockOf(b.server)).toEqual({ now: '2026-01-01T00:00:00.000Z', frozen: true });
    const token = await tinkClientToken(a.server, 'user:create');
    const create = (external_user_id: string) =>
      postJson(
        `${b.server.url}/tink/api/v1/user/create`,
        { external_user_id, market: 'GB', locale: 'en_US' },
        bearer(token),
      );
    expect((await create('before-expiry')).status).toBe(200);

    // Tink client tokens live 1800 s.
    const heardOnB = clockChangeOn(b);
    const advanced = await postJson(`${a.server.url}/__sandbox/clock`, { advanceSeconds: 1800 });
    expect(await advanced.json()).toEqual({ now: '2026-01-01T00:30:00.000Z', frozen: true });
    await heardOnB;
    expect(await clockOf(b.server)).toEqual({ now: '2026-01-01T00:30:00.000Z', frozen: true });
    const expired = await create('after-expiry');
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ errorCode: 'TOKEN_EXPIRED' });
  });

  it('creates one user when 40 creations of one Tink external id or one Uphold email race over both', async () => {
    const [a, b] = await twoReplicas();
    const servers = [a.server, b.server];
    const tink = await tinkClientToken(a.server, 'user:create');
    const tinkStatuses = await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const res = await postJson(
          `${servers[i % 2]?.url}/tink/api/v1/user/create`,
          { external_user_id: 'raced-user', market: 'GB', locale: 'en_US' },
          bearer(tink),
        );
        return res.status;
      }),
    );
    expect(tinkStatuses.filter((status) => status === 200)).toHaveLength(1);
    expect(tinkStatuses.filter((status) => status === 409)).toHaveLength(39);

    const uphold = await accessToken(b.server);
    const upholdStatuses = await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        // The same address in any case is the same email.
        const email = i % 3 === 0 ? 'Raced@Example.com' : 'raced@example.com';
        const res = await call(i % 2 === 0 ? a.server : b.server, 'POST', '/core/users', {
          token: uphold,
          body: { email, fullName: 'Raced User' },
        });
        return res.status;
      }),
    );
    expect(upholdStatuses.filter((status) => status === 201)).toHaveLength(1);
    expect(upholdStatuses.filter((status) => status === 409)).toHaveLength(39);
  });
});
