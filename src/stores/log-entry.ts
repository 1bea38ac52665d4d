import type { ClockState } from '../engine/clock.js';
import { isProviderId } from '../engine/http.js';
import { MemoryStore } from '../engine/memory-store.js';
import type { RecordKind, RecordKinds } from '../engine/records.js';
import type { ConsumableKind, StoreSnapshot } from '../engine/store.js';

/** One store mutation as the log records it; replaying the log in order rebuilds the memory store. */
export type Mutation =
  | { op: 'upsert'; kind: RecordKind; record: RecordKinds[RecordKind] }
  | { op: 'remove'; kind: RecordKind; key: string }
  | { op: 'consume'; kind: ConsumableKind; key: string; at: number }
  | { op: 'revokeByGrant'; grantId: string; at: number }
  | { op: 'sweep'; before: number }
  | { op: 'reset' }
  | { op: 'restore'; snapshot: StoreSnapshot }
  | { op: 'clock'; state: ClockState };

/** The first line of every state file: the whole state as of `seq`. */
export interface SnapshotEntry {
  seq: number;
  op: 'snapshot';
  format: typeof stateFileFormat;
  clock: ClockState | null;
  state: StoreSnapshot;
}

export const stateFileFormat = 'auth-sandbox-state/1';

// Every record kind the store holds, read from an empty memory store, so that a kind added later needs no
// change here; a file written before a kind existed simply has none of it.
const emptyState: StoreSnapshot = await new MemoryStore().snapshot();

/** The snapshot of an empty store. */
export function emptySnapshot(): StoreSnapshot {
  return structuredClone(emptyState);
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRecordKind(value: unknown): value is RecordKind {
  return typeof value === 'string' && Object.hasOwn(emptyState.records, value);
}

function kindsOf(records: object): RecordKind[] {
  return Object.keys(records).filter(isRecordKind);
}

// The checksum already proves the line is what this process wrote from a typed record of `kind`; this only
// checks its shape, so that a hand-edited file fails here rather than deep in a handler.
function isRecordOf<K extends RecordKind>(_kind: K, value: unknown): value is RecordKinds[K] {
  return isObject(value) && typeof value.provider === 'string' && isProviderId(value.provider);
}

export function readSnapshot(value: unknown): StoreSnapshot | undefined {
  if (!isObject(value) || value.version !== 1 || !isObject(value.records)) return undefined;
  const snapshot = emptySnapshot();
  for (const [kind, records] of Object.entries(value.records)) {
    if (!isRecordKind(kind) || !fill(snapshot, kind, records)) return undefined;
  }
  return snapshot;
}

function fill<K extends RecordKind>(snapshot: StoreSnapshot, kind: K, value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  const target: RecordKinds[K][] = snapshot.records[kind];
  for (const item of value) {
    if (!isRecordOf(kind, item)) return false;
    target.push(item);
  }
  return true;
}

export function readClockState(value: unknown): ClockState | undefined {
  if (!isObject(value) || typeof value.offset !== 'number') return undefined;
  if (value.frozenAt === undefined) return { offset: value.offset };
  return typeof value.frozenAt === 'number' ? { offset: value.offset, frozenAt: value.frozenAt } : undefined;
}

/** Restores synchronously (MemoryStore.restore awaits midway, which would let a later mutation slip in). */
export function restoreNow(memory: MemoryStore, snapshot: StoreSnapshot): void {
  void memory.reset();
  for (const kind of kindsOf(snapshot.records)) restoreKind(memory, kind, snapshot);
}

function restoreKind<K extends RecordKind>(memory: MemoryStore, kind: K, snapshot: StoreSnapshot): void {
  const records: RecordKinds[K][] = snapshot.records[kind];
  for (const record of records) memory.upsertNow(kind, record);
}

function upsertChecked<K extends RecordKind>(memory: MemoryStore, kind: K, record: unknown): boolean {
  if (!isRecordOf(kind, record)) return false;
  memory.upsertNow(kind, record);
  return true;
}

const isNumber = (value: unknown): value is number => typeof value === 'number';
const isString = (value: unknown): value is string => typeof value === 'string';

/**
 * Applies one logged mutation to `memory` and returns the clock state it sets, if any. Returns a problem
 * string when the entry is not a mutation this version writes.
 */
export async function replay(
  memory: MemoryStore,
  entry: Record<string, unknown>,
): Promise<{ ok: true; clock?: ClockState } | { ok: false; problem: string }> {
  const bad = (what: string) => ({
    ok: false as const,
    problem: `malformed ${String(entry.op)} entry: ${what}`,
  });
  const { kind } = entry;
  switch (entry.op) {
    case 'upsert':
      if (!isRecordKind(kind)) return bad('unknown record kind');
      return upsertChecked(memory, kind, entry.record) ? { ok: true } : bad('record');
    case 'remove':
      if (!isRecordKind(kind) || !isString(entry.key)) return bad('kind or key');
      await memory.remove(kind, entry.key);
      return { ok: true };
    case 'consume':
      if ((kind !== 'code' && kind !== 'refreshToken') || !isString(entry.key) || !isNumber(entry.at))
        return bad('kind, key or at');
      await memory.consume(kind, entry.key, entry.at);
      return { ok: true };
    case 'revokeByGrant':
      if (!isString(entry.grantId) || !isNumber(entry.at)) return bad('grantId or at');
      await memory.revokeByGrant(entry.grantId, entry.at);
      return { ok: true };
    case 'sweep':
      if (!isNumber(entry.before)) return bad('before');
      await memory.sweep(entry.before);
      return { ok: true };
    case 'reset':
      await memory.reset();
      return { ok: true };
    case 'restore': {
      const snapshot = readSnapshot(entry.snapshot);
      if (!snapshot) return bad('snapshot');
      restoreNow(memory, snapshot);
      return { ok: true };
    }
    case 'clock': {
      const clock = readClockState(entry.state);
      return clock ? { ok: true, clock } : bad('clock state');
    }
    default:
      return { ok: false, problem: `unknown operation ${JSON.stringify(entry.op)}` };
  }
}
