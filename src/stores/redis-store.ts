import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis, type RedisOptions } from 'ioredis';
import type { ClockState } from '../engine/clock.js';
import type { ProviderId } from '../engine/http.js';
import {
  type AccessToken,
  grantOf,
  hasNames,
  type RecordKind,
  type RecordKinds,
  recordKey,
  recordKinds,
  recordNames,
} from '../engine/records.js';
import type { ConsumableKind, ConsumeResult, Recent, Store, StoreSnapshot } from '../engine/store.js';
import { RedisClock } from './redis-clock.js';
import {
  decodeConsumeReply,
  decodeCount,
  decodeInsertReply,
  decodeRecord,
  RedisDataError,
} from './redis-codec.js';
import { RedisKeys } from './redis-keys.js';
import { scripts } from './redis-scripts.js';

/** Where connection trouble is reported (pino's logger fits). */
export interface RedisStoreLogger {
  warn(details: object, message: string): void;
}

export interface RedisStoreOptions {
  /** `redis://HOST:PORT[/DB]`; default `redis://127.0.0.1:6379`. */
  url?: string;
  /** Every key lives under `{prefix}:`; servers share state by sharing a prefix. Default `auth-sandbox`. */
  prefix?: string;
  logger?: RedisStoreLogger;
  /** More ioredis options (timeouts, TLS, password). */
  redis?: RedisOptions;
  /** How long a starting server waits for the one seeding the keyspace to finish; default 10 s. */
  seedWaitMs?: number;
}

/** The kinds sweep forgets once expired (MemoryStore.sweep). */
const sweptKinds: ReadonlySet<RecordKind> = new Set(['accessToken', 'code']);
const mgetChunk = 500;

/**
 * A store in Redis shared by every server given the same URL and prefix, so that replicas behind a load
 * balancer are one sandbox: a token issued by one is valid on all, consume is single-use across them (a Lua
 * script), and the clock is shared (published on change). Single Redis only, not Cluster.
 */
export class RedisStore implements Store {
  readonly keys: RedisKeys;
  private readonly redis: Redis;
  private readonly subscriber: Redis;
  private readonly clock: RedisClock;
  private readonly seedWaitMs: number;
  /** The URL for messages, password masked. */
  private readonly url: string;

  constructor(options: RedisStoreOptions = {}) {
    this.url = withoutPassword(options.url ?? 'redis://127.0.0.1:6379');
    this.keys = new RedisKeys(options.prefix ?? 'auth-sandbox');
    this.seedWaitMs = options.seedWaitMs ?? 10_000;
    this.redis = new Redis(options.url ?? 'redis://127.0.0.1:6379', { lazyConnect: true, ...options.redis });
    this.subscriber = this.redis.duplicate();
    const { logger } = options;
    for (const connection of [this.redis, this.subscriber]) {
      // ioredis reconnects by itself; without a listener it would print every failed attempt.
      connection.on('error', (error: unknown) => logger?.warn({ err: error }, 'Redis connection error'));
    }
    this.clock = new RedisClock(this.redis, this.subscriber, this.keys, randomUUID(), logger);
  }

  /** A connected store, or a clear error if Redis cannot be reached (the CLI's `--store redis://...`). */
  static async open(options: RedisStoreOptions = {}): Promise<RedisStore> {
    const store = new RedisStore(options);
    try {
      await store.ready();
    } catch (error) {
      await store.close();
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`Cannot reach Redis at ${store.url} (${reason}). Is redis-server running there?`);
    }
    return store;
  }

  /**
   * The store `--store URL` names: `redis://HOST:PORT[/DB]` or `rediss://...`, with `?prefix=NAME` to run
   * several sandboxes on one Redis.
   */
  static async openUrl(
    url: string,
    options: Omit<RedisStoreOptions, 'url' | 'prefix'> = {},
  ): Promise<RedisStore> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error('--store: not a URL; expected redis://HOST:PORT');
    }
    if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
      throw new Error(`--store ${withoutPassword(url)}: only Redis is supported; expected redis://HOST:PORT`);
    }
    const prefix = parsed.searchParams.get('prefix') ?? undefined;
    parsed.searchParams.delete('prefix');
    return RedisStore.open({
      ...options,
      url: parsed.toString(),
      ...(prefix === undefined ? {} : { prefix }),
    });
  }

  /** Connected, and listening for clock changes from other servers (commands alone connect lazily). */
  async ready(): Promise<void> {
    if (this.redis.status === 'wait') await this.redis.connect();
    await this.clock.subscribe();
  }

  async upsert<K extends RecordKind>(kind: K, record: RecordKinds[K]): Promise<void> {
    await scripts.upsert.run(this.redis, this.putArguments(kind, record));
  }

  async insertNamed<K extends RecordKind>(
    kind: K,
    record: RecordKinds[K],
  ): Promise<RecordKinds[K] | undefined> {
    const reply = await scripts.insertNamed.run(this.redis, this.putArguments(kind, record));
    const held = decodeInsertReply(reply, this.keys.nameIndex(kind));
    return held === undefined
      ? undefined
      : decodeRecord(kind, held.key, held.json, this.keys.record(kind, held.key));
  }

  async findNamed<K extends RecordKind>(kind: K, name: string): Promise<RecordKinds[K] | undefined> {
    const key = await this.redis.hget(this.keys.nameIndex(kind), name);
    // A holder removed between the two reads is simply gone.
    return key === null ? undefined : this.find(kind, key);
  }

  /** The `put` arguments of the upsert and insertNamed scripts. */
  private putArguments<K extends RecordKind>(kind: K, record: RecordKinds[K]): string[] {
    const grantId = kind === 'grant' ? undefined : grantOf(kind, record);
    return [
      this.keys.prefix,
      kind,
      recordKey(kind, record),
      JSON.stringify(record),
      record.provider,
      grantId ?? '',
      String(sweptExpiry(kind, record) ?? ''),
      hasNames(kind) ? '1' : '',
      ...recordNames(kind, record),
    ];
  }

  async find<K extends RecordKind>(kind: K, key: string): Promise<RecordKinds[K] | undefined> {
    const where = this.keys.record(kind, key);
    const raw = await this.redis.get(where);
    return raw === null ? undefined : decodeRecord(kind, key, raw, where);
  }

  async list<K extends RecordKind>(kind: K, provider?: ProviderId): Promise<RecordKinds[K][]> {
    return this.records(kind, await this.redis.zrange(this.indexOf(kind, provider), 0, -1));
  }

  /**
   * A page of keys at a time, by the sequence numbers the kind's index files them under (given once, on
   * first insertion): a removal shifts no page, and an update keeps a record's place.
   */
  async *each<K extends RecordKind>(kind: K): AsyncIterable<RecordKinds[K]> {
    const index = this.keys.kindIndex(kind);
    for (let after = '-inf'; ; ) {
      const page = await this.redis.zrangebyscore(index, after, '+inf', 'WITHSCORES', 'LIMIT', 0, mgetChunk);
      if (page.length === 0) return;
      yield* await this.records(
        kind,
        page.filter((_, i) => i % 2 === 0),
      );
      after = `(${page.at(-1)}`;
    }
  }

  async recent<K extends RecordKind>(
    kind: K,
    limit: number,
    provider?: ProviderId,
  ): Promise<Recent<RecordKinds[K]>> {
    const index = this.indexOf(kind, provider);
    const [keys, total] = await Promise.all([
      limit > 0 ? this.redis.zrevrange(index, 0, limit - 1) : Promise.resolve([]),
      this.redis.zcard(index),
    ]);
    return { records: await this.records(kind, keys), total };
  }

  private indexOf(kind: RecordKind, provider: ProviderId | undefined): string {
    return provider === undefined ? this.keys.kindIndex(kind) : this.keys.providerIndex(kind, provider);
  }

  /** The records under these keys, in their order; a key removed meanwhile is left out. */
  private async records<K extends RecordKind>(kind: K, keys: readonly string[]): Promise<RecordKinds[K][]> {
    const records: RecordKinds[K][] = [];
    for (let start = 0; start < keys.length; start += mgetChunk) {
      const chunk = keys.slice(start, start + mgetChunk);
      const raws = await this.redis.mget(chunk.map((key) => this.keys.record(kind, key)));
      chunk.forEach((key, i) => {
        const raw = raws[i];
        // A record removed between ZRANGE and MGET is simply gone.
        if (raw !== null && raw !== undefined)
          records.push(decodeRecord(kind, key, raw, this.keys.record(kind, key)));
      });
    }
    return records;
  }

  async accessTokensOfGrant(grantId: string): Promise<AccessToken[]> {
    const prefix = 'accessToken:';
    const keys = (await this.redis.smembers(this.keys.grant(grantId)))
      .filter((member) => member.startsWith(prefix))
      .map((member) => member.slice(prefix.length));
    if (keys.length === 0) return [];
    // The set has no order: the kind index's insertion scores give it back.
    const order = this.redis.pipeline();
    for (const key of keys) order.zscore(this.keys.kindIndex('accessToken'), key);
    const scores = (await order.exec()) ?? [];
    const raws = await this.redis.mget(keys.map((key) => this.keys.record('accessToken', key)));
    const tokens: { seq: number; token: AccessToken }[] = [];
    keys.forEach((key, i) => {
      const raw = raws[i];
      // A token swept between SMEMBERS and MGET is simply gone.
      if (raw === null || raw === undefined) return;
      const where = this.keys.record('accessToken', key);
      tokens.push({ seq: Number(scores[i]?.[1] ?? 0), token: decodeRecord('accessToken', key, raw, where) });
    });
    return tokens.sort((a, b) => a.seq - b.seq).map(({ token }) => token);
  }

  async remove(kind: RecordKind, key: string): Promise<void> {
    await scripts.remove.run(this.redis, [this.keys.prefix, kind, key, hasNames(kind) ? '1' : '']);
  }

  async consume<K extends ConsumableKind>(
    kind: K,
    key: string,
    at: number,
  ): Promise<ConsumeResult<RecordKinds[K]>> {
    const where = this.keys.record(kind, key);
    const reply = await scripts.consume.run(this.redis, [this.keys.prefix, kind, key, instant(at)]);
    const { outcome, json } = decodeConsumeReply(reply, where);
    if (outcome === 'unknown') return { ok: false, reason: 'unknown' };
    if (json === undefined) throw new RedisDataError(where, 'consume replied without the record');
    const record = decodeRecord(kind, key, json, where);
    return outcome === 'ok' ? { ok: true, record } : { ok: false, reason: outcome, record };
  }

  async revokeByGrant(grantId: string, at: number): Promise<number> {
    const reply = await scripts.revokeByGrant.run(this.redis, [this.keys.prefix, grantId, instant(at)]);
    return decodeCount(reply, this.keys.grant(grantId));
  }

  async sweep(before: number): Promise<number> {
    const reply = await scripts.sweep.run(this.redis, [this.keys.prefix, instant(before)]);
    return decodeCount(reply, `${this.keys.prefix}:x:*`);
  }

  /** Deletes this prefix's records (never FLUSHALL: other sandboxes may share the Redis). */
  async reset(): Promise<void> {
    let cursor = '0';
    do {
      const [next, found] = await this.redis.scan(cursor, 'MATCH', this.keys.everything, 'COUNT', 1000);
      const doomed = found.filter((key) => !this.keys.keptOnReset(key));
      if (doomed.length > 0) await this.redis.unlink(...doomed);
      cursor = next;
    } while (cursor !== '0');
  }

  async snapshot(): Promise<StoreSnapshot> {
    return {
      version: 1,
      records: {
        client: await this.list('client'),
        user: await this.list('user'),
        company: await this.list('company'),
        grant: await this.list('grant'),
        accessToken: await this.list('accessToken'),
        refreshToken: await this.list('refreshToken'),
        code: await this.list('code'),
        resource: await this.list('resource'),
      },
    };
  }

  async restore(snapshot: StoreSnapshot): Promise<void> {
    await this.reset();
    // One connection runs commands in the order they were sent, so insertion order survives.
    for (const kind of recordKinds) await this.restoreKind(kind, snapshot);
  }

  private async restoreKind<K extends RecordKind>(kind: K, snapshot: StoreSnapshot): Promise<void> {
    const records: RecordKinds[K][] = snapshot.records[kind];
    await Promise.all(records.map((record) => this.upsert(kind, record)));
  }

  readClock(): Promise<ClockState | undefined> {
    return this.clock.read();
  }

  writeClock(state: ClockState): Promise<void> {
    return this.clock.write(state);
  }

  /** Tells of clock changes made by OTHER servers on this keyspace (never of this store's own writes). */
  watchClock(listener: (state: ClockState) => void): () => void {
    return this.clock.watch(listener);
  }

  /**
   * Whether another server already made this sandbox. The first server to find the keyspace empty claims it
   * and seeds it (false); the others wait until it has written the clock, which the engine does after
   * seeding, and resume (true). Listening for clock changes starts first, so none is missed.
   */
  async hasState(): Promise<boolean> {
    await this.clock.subscribe();
    const claimed = await this.redis.set(this.keys.claim, 'seeding', 'NX');
    const deadline = this.seedWaitMs;
    for (let waited = 0; ; waited += 25) {
      if ((await this.redis.exists(this.keys.clock)) === 1) return true;
      if (claimed === 'OK') return false;
      if (waited >= deadline) {
        throw new Error(
          `Another server claimed the Redis keyspace "${this.keys.prefix}" but has not finished seeding it after ${deadline} ms. If it crashed, delete the key ${this.keys.claim} and start again.`,
        );
      }
      await sleep(25);
    }
  }

  async close(): Promise<void> {
    await Promise.all([this.redis, this.subscriber].map(closeConnection));
  }
}

async function closeConnection(connection: Redis): Promise<void> {
  if (connection.status === 'ready') {
    try {
      await connection.quit();
      return;
    } catch {
      // Fall through: the connection is going anyway.
    }
  }
  connection.disconnect();
}

/** The expiry score for sweep, for the kinds sweep forgets. */
function sweptExpiry(kind: RecordKind, record: RecordKinds[RecordKind]): number | undefined {
  if (!sweptKinds.has(kind) || !('expiresAt' in record)) return undefined;
  return record.expiresAt;
}

/** A sandbox time as Lua gets it: the decimal JSON would write, so scripts can splice it into records. */
function instant(at: number): string {
  if (!Number.isFinite(at)) throw new RangeError(`not a time: ${at}`);
  return JSON.stringify(at);
}

/** A URL fit for an error message: a password in it (redis://:secret@host) is masked. */
function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password === '') return url;
    parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}
