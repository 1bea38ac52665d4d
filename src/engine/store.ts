import type { ClockState } from './clock.js';
import type { ConsumeRejection } from './errors.js';
import type { ProviderId } from './http.js';
import type { AccessToken, RecordKind, RecordKinds } from './records.js';

export type ConsumableKind = 'code' | 'refreshToken';

export type ConsumeResult<T> = { ok: true; record: T } | { ok: false; reason: ConsumeRejection; record?: T };

/** The newest records of a kind, newest first, and how many the store holds in all. */
export interface Recent<T> {
  records: T[];
  total: number;
}

export interface StoreSnapshot {
  version: 1;
  records: { [K in RecordKind]: RecordKinds[K][] };
}

/**
 * Where all sandbox state lives. The memory store is the default; other stores implement the same
 * contract (and run the same contract tests). Every method may be async so that a networked store fits.
 */
export interface Store {
  upsert<K extends RecordKind>(kind: K, record: RecordKinds[K]): Promise<void>;
  find<K extends RecordKind>(kind: K, key: string): Promise<RecordKinds[K] | undefined>;
  list<K extends RecordKind>(kind: K, provider?: ProviderId): Promise<RecordKinds[K][]>;
  /**
   * The newest `limit` records of a kind (or of one provider's), newest first by first insertion (an
   * update keeps a record's place), and how many there are in all: what a page can show of a store
   * holding a million tokens without reading them all.
   */
  recent<K extends RecordKind>(
    kind: K,
    limit: number,
    provider?: ProviderId,
  ): Promise<Recent<RecordKinds[K]>>;
  /** The live record of a kind known by `name` (records.ts recordNames: a user's e-mail or external id). */
  findNamed<K extends RecordKind>(kind: K, name: string): Promise<RecordKinds[K] | undefined>;
  /**
   * Stores a new record unless another live record of its kind holds one of its names, atomically: of
   * concurrent creations under one name, on any server sharing the store, exactly one is stored. Returns
   * undefined when it stored the record, else the record holding the name.
   */
  insertNamed<K extends RecordKind>(kind: K, record: RecordKinds[K]): Promise<RecordKinds[K] | undefined>;
  remove(kind: RecordKind, key: string): Promise<void>;
  /**
   * Atomically marks a code or refresh token used. Exactly one caller gets `ok: true`; the others get
   * `reused` (with the record, so the caller can revoke what it issued), `expired`, `revoked` or `unknown`.
   */
  consume<K extends ConsumableKind>(kind: K, key: string, at: number): Promise<ConsumeResult<RecordKinds[K]>>;
  /** The access tokens issued under a grant (through the grant index revokeByGrant uses), oldest first. */
  accessTokensOfGrant(grantId: string): Promise<AccessToken[]>;
  /** Revokes a grant and every token and code issued under it; returns how many records changed. */
  revokeByGrant(grantId: string, at: number): Promise<number>;
  /** Forgets access tokens and codes that expired before `before`. Returns how many went. */
  sweep(before: number): Promise<number>;
  reset(): Promise<void>;
  snapshot(): Promise<StoreSnapshot>;
  restore(snapshot: StoreSnapshot): Promise<void>;
  /**
   * Durable and shared stores keep the sandbox clock with the state (a restart resumes the same sandbox
   * time; replicas share one clock). `watchClock` tells of changes made elsewhere.
   */
  readClock?(): Promise<ClockState | undefined>;
  writeClock?(state: ClockState): Promise<void>;
  watchClock?(listener: (state: ClockState) => void): () => void;
  /**
   * Synchronous `find` and `upsert`, for a store whose state is in this process and whose writes need no
   * I/O (the memory store). The token endpoints use them when present: a promise and a turn of the
   * microtask queue less per call, on every token issued and every bearer checked.
   */
  findNow?<K extends RecordKind>(kind: K, key: string): RecordKinds[K] | undefined;
  upsertNow?<K extends RecordKind>(kind: K, record: RecordKinds[K]): void;
  /**
   * Every record of a kind, oldest first, read as the caller iterates: one at a time from memory, a page
   * at a time from a networked store (for a stream of millions: `list` would hold them all at once). A
   * record stored or changed while the iteration is under way may be in it or not (a changed one as it
   * was, as it is, or both); none left alone is left out or listed twice. The stores here all have it;
   * without it, `list` stands in.
   */
  each?<K extends RecordKind>(kind: K): Iterable<RecordKinds[K]> | AsyncIterable<RecordKinds[K]>;
  /** Whether the store already holds state from an earlier run (then the scenario is not re-seeded). */
  hasState?(): Promise<boolean>;
  close?(): Promise<void>;
}
