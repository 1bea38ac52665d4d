import type { ClockState } from '../engine/clock.js';
import type { ProviderId } from '../engine/http.js';
import type { MemoryStore } from '../engine/memory-store.js';
import type { AccessToken, RecordKind, RecordKinds } from '../engine/records.js';
import type { ConsumableKind, ConsumeResult, Recent, Store, StoreSnapshot } from '../engine/store.js';
import { AppendLog } from './append-log.js';
import { type Mutation, restoreNow, type SnapshotEntry, stateFileFormat } from './log-entry.js';
import { loadStateFile, type StoreLogger } from './state-file.js';

export { StateFileError, type StoreLogger } from './state-file.js';

export interface FileStoreOptions {
  /** Told about an incomplete last line that was cut off (a crash mid-append). */
  logger?: StoreLogger;
  /** Compact into a snapshot once the log passes this many bytes (default 8 MiB). */
  compactAfterBytes?: number;
}

const defaultCompactAfterBytes = 8 * 1024 * 1024;

/**
 * A durable store in one file (`--state-file`): reads are served by a MemoryStore; every mutation is applied
 * to it at once (so consume stays an atomic check-and-mark) and appended to the file's log, and its promise
 * resolves only after the fsync that covers it, so a change the engine awaited before answering survives a
 * crash. The file's first line is a snapshot; the log after it is compacted into a new snapshot as it grows.
 */
export class FileStore implements Store {
  private constructor(
    private readonly memory: MemoryStore,
    private readonly log: AppendLog,
    private clock: ClockState | undefined,
    private readonly resumed: boolean,
  ) {}

  /** Opens (or creates) `path`; throws a StateFileError naming the line if it is corrupt. */
  static async open(path: string, options: FileStoreOptions = {}): Promise<FileStore> {
    const loaded = await loadStateFile(path, options.logger);
    let store: FileStore | undefined;
    const log = await AppendLog.open({
      path,
      seq: loaded.seq,
      snapshotBytes: loaded.snapshotBytes,
      logBytes: loaded.logBytes,
      compactAfterBytes: options.compactAfterBytes ?? defaultCompactAfterBytes,
      captureSnapshot: () => {
        if (!store) throw new Error('the state file compacted before the store was open');
        return store.capture();
      },
    });
    store = new FileStore(loaded.memory, log, loaded.clock, loaded.hasState);
    return store;
  }

  // Each mutation below calls the memory store first (its body runs to completion synchronously) and then
  // logs, within one synchronous run: memory and log stay in the same order whatever interleaves later.
  private async mutate<T>(applied: Promise<T>, mutation: Mutation): Promise<T> {
    const durable = this.log.append(mutation);
    const result = await applied;
    await durable;
    return result;
  }

  upsert<K extends RecordKind>(kind: K, record: RecordKinds[K]): Promise<void> {
    return this.mutate(this.memory.upsert(kind, record), { op: 'upsert', kind, record });
  }

  find<K extends RecordKind>(kind: K, key: string): Promise<RecordKinds[K] | undefined> {
    return this.memory.find(kind, key);
  }

  list<K extends RecordKind>(kind: K, provider?: ProviderId): Promise<RecordKinds[K][]> {
    return this.memory.list(kind, provider);
  }

  each<K extends RecordKind>(kind: K): Iterable<RecordKinds[K]> {
    return this.memory.each(kind);
  }

  recent<K extends RecordKind>(
    kind: K,
    limit: number,
    provider?: ProviderId,
  ): Promise<Recent<RecordKinds[K]>> {
    return this.memory.recent(kind, limit, provider);
  }

  accessTokensOfGrant(grantId: string): Promise<AccessToken[]> {
    return this.memory.accessTokensOfGrant(grantId);
  }

  remove(kind: RecordKind, key: string): Promise<void> {
    return this.mutate(this.memory.remove(kind, key), { op: 'remove', kind, key });
  }

  findNamed<K extends RecordKind>(kind: K, name: string): Promise<RecordKinds[K] | undefined> {
    return this.memory.findNamed(kind, name);
  }

  /** Only a stored record is logged (as an upsert): a refusal changes nothing to replay. */
  insertNamed<K extends RecordKind>(kind: K, record: RecordKinds[K]): Promise<RecordKinds[K] | undefined> {
    const holder = this.memory.insertNamedNow(kind, record);
    if (holder !== undefined) return Promise.resolve(holder);
    return this.mutate(Promise.resolve(undefined), { op: 'upsert', kind, record });
  }

  /** Logged whatever the outcome (the result is not known synchronously); replaying a refusal changes nothing. */
  consume<K extends ConsumableKind>(
    kind: K,
    key: string,
    at: number,
  ): Promise<ConsumeResult<RecordKinds[K]>> {
    return this.mutate(this.memory.consume(kind, key, at), { op: 'consume', kind, key, at });
  }

  revokeByGrant(grantId: string, at: number): Promise<number> {
    return this.mutate(this.memory.revokeByGrant(grantId, at), { op: 'revokeByGrant', grantId, at });
  }

  sweep(before: number): Promise<number> {
    // The server sweeps every minute: with nothing due, no log line and no fsync (replay is the same).
    if (!this.memory.hasDue(before)) return Promise.resolve(0);
    return this.mutate(this.memory.sweep(before), { op: 'sweep', before });
  }

  reset(): Promise<void> {
    return this.mutate(this.memory.reset(), { op: 'reset' });
  }

  snapshot(): Promise<StoreSnapshot> {
    return this.memory.snapshot();
  }

  restore(snapshot: StoreSnapshot): Promise<void> {
    // A copy, so that the caller changing its snapshot later changes neither memory nor the log.
    const copy = structuredClone(snapshot);
    restoreNow(this.memory, copy);
    return this.mutate(Promise.resolve(), { op: 'restore', snapshot: copy });
  }

  async readClock(): Promise<ClockState | undefined> {
    return this.clock;
  }

  writeClock(state: ClockState): Promise<void> {
    this.clock = state;
    return this.log.append({ op: 'clock', state });
  }

  async hasState(): Promise<boolean> {
    return this.resumed;
  }

  close(): Promise<void> {
    return this.log.close();
  }

  /** How many fsync'ed commits made the mutations so far durable (several mutations share one). */
  get commits(): number {
    return this.log.commits;
  }

  private async capture(): Promise<Omit<SnapshotEntry, 'seq'>> {
    const clock = this.clock ?? null;
    const state = await this.memory.snapshot();
    return { op: 'snapshot', format: stateFileFormat, clock, state };
  }
}
