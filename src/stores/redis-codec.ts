import type { ClockState } from '../engine/clock.js';
import type { ConsumeRejection } from '../engine/errors.js';
import { isProviderId } from '../engine/http.js';
import { type RecordKind, type RecordKinds, recordKey } from '../engine/records.js';

/** What Redis holds is written only by this store, but it crosses a process boundary: check it on the way in. */
export class RedisDataError extends Error {
  constructor(where: string, problem: string) {
    super(`Redis key ${where}: ${problem} (was the key written by something other than auth-sandbox?)`);
    this.name = 'RedisDataError';
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parse(raw: string, where: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new RedisDataError(where, 'not JSON');
  }
}

/**
 * A record read back from Redis. Checked: an object of a known provider whose key fields give back the key
 * it was stored under. The rest of its shape is trusted: only RedisStore writes these keys, from typed records.
 */
export function decodeRecord<K extends RecordKind>(
  kind: K,
  key: string,
  raw: string,
  where: string,
): RecordKinds[K] {
  const value = parse(raw, where);
  if (!isObject(value) || typeof value.provider !== 'string' || !isProviderId(value.provider)) {
    throw new RedisDataError(where, `not a ${kind} record`);
  }
  // Narrowing at the storage boundary: the JSON was written by upsert() from a RecordKinds[K], and the
  // key check below catches a record of another kind or a foreign value.
  const record = value as unknown as RecordKinds[K];
  let stored: unknown;
  try {
    stored = recordKey(kind, record);
  } catch {
    stored = undefined;
  }
  if (stored !== key) throw new RedisDataError(where, `holds a record whose ${kind} key is not "${key}"`);
  return record;
}

/** The shared clock state, fully checked. */
export function decodeClockState(value: unknown, where: string): ClockState {
  if (!isObject(value) || typeof value.offset !== 'number' || !Number.isFinite(value.offset)) {
    throw new RedisDataError(where, 'not a clock state');
  }
  const { offset, frozenAt } = value;
  if (frozenAt === undefined) return { offset };
  if (typeof frozenAt !== 'number' || !Number.isFinite(frozenAt)) {
    throw new RedisDataError(where, 'frozenAt is not a time');
  }
  return { offset, frozenAt };
}

export function parseClockState(raw: string, where: string): ClockState {
  return decodeClockState(parse(raw, where), where);
}

/** A clock change published by a server: who sent it (to ignore our own) and the new state. */
export interface ClockMessage {
  origin: string;
  state: ClockState;
}

export function parseClockMessage(raw: string, where: string): ClockMessage {
  const value = parse(raw, where);
  if (!isObject(value) || typeof value.origin !== 'string')
    throw new RedisDataError(where, 'not a clock message');
  return { origin: value.origin, state: decodeClockState(value.state, where) };
}

export type ConsumeOutcome = { outcome: 'ok' | ConsumeRejection; json?: string };

const outcomes: ReadonlySet<string> = new Set(['ok', 'unknown', 'expired', 'revoked', 'reused']);

function isOutcome(value: unknown): value is ConsumeOutcome['outcome'] {
  return typeof value === 'string' && outcomes.has(value);
}

/** The consume script's reply: `{ outcome, json? }`. */
export function decodeConsumeReply(reply: unknown, where: string): ConsumeOutcome {
  if (!Array.isArray(reply))
    throw new RedisDataError(where, 'consume replied with something other than a list');
  const [outcome, json]: unknown[] = reply;
  if (!isOutcome(outcome)) throw new RedisDataError(where, `consume replied with an unknown outcome`);
  if (json === undefined) return { outcome };
  if (typeof json !== 'string') throw new RedisDataError(where, 'consume replied with a non-string record');
  return { outcome, json };
}

export function decodeCount(reply: unknown, where: string): number {
  if (typeof reply !== 'number')
    throw new RedisDataError(where, 'a script replied with something other than a count');
  return reply;
}

/** The insertNamed script's reply: undefined when stored, else the key and JSON of the record holding a name. */
export function decodeInsertReply(reply: unknown, where: string): { key: string; json: string } | undefined {
  if (!Array.isArray(reply))
    throw new RedisDataError(where, 'insertNamed replied with something other than a list');
  const [outcome, key, json]: unknown[] = reply;
  if (outcome === 'stored') return undefined;
  if (outcome !== 'held' || typeof key !== 'string' || typeof json !== 'string') {
    throw new RedisDataError(where, 'insertNamed replied with an unknown outcome');
  }
  return { key, json };
}
