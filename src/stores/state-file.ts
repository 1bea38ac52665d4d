import { open, readFile, rename, truncate } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ClockState } from '../engine/clock.js';
import { MemoryStore } from '../engine/memory-store.js';
import {
  emptySnapshot,
  isObject,
  readClockState,
  readSnapshot,
  replay,
  restoreNow,
  type SnapshotEntry,
  stateFileFormat,
} from './log-entry.js';
import { decodeLine, encodeLine } from './log-line.js';

export interface StoreLogger {
  warn(details: object, message: string): void;
}

/** A state file that cannot be loaded without losing something: names the file and line. */
export class StateFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    problem: string,
  ) {
    super(
      `${file}${line === undefined ? '' : `:${line}`}: ${problem}. The state file was left as it is so that ` +
        'nothing in it is lost; repair it, or move it away to start from the scenario again.',
    );
    this.name = 'StateFileError';
  }
}

export interface LoadedState {
  memory: MemoryStore;
  clock: ClockState | undefined;
  /** Sequence number of the last mutation in the file. */
  seq: number;
  snapshotBytes: number;
  /** Bytes of log after the snapshot line. */
  logBytes: number;
  /** Whether the file held any mutation (a resumed run) rather than being new or empty. */
  hasState: boolean;
}

export function emptySnapshotEntry(): SnapshotEntry {
  return {
    seq: 0,
    op: 'snapshot',
    format: stateFileFormat,
    clock: null,
    state: emptySnapshot(),
  };
}

/**
 * Writes `entry` as the whole new state file: to a temporary file, fsync'ed, then renamed over `path` and
 * the directory fsync'ed, so a crash leaves either the old file or the new one, never a mix.
 */
export async function writeSnapshotFile(path: string, entry: SnapshotEntry): Promise<number> {
  const line = Buffer.from(encodeLine(entry));
  const temporary = `${path}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(line);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, path);
  await syncDirectory(dirname(path));
  return line.length;
}

/** Makes a rename or a new file durable (POSIX: the directory entry lives in the directory). */
export async function syncDirectory(directory: string): Promise<void> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(directory, 'r');
    await handle.sync();
  } catch (error) {
    // Windows cannot open a directory; there the rename is as durable as it gets.
    if (
      !(
        error instanceof Error &&
        'code' in error &&
        ['EISDIR', 'EPERM', 'EINVAL'].includes(String(error.code))
      )
    )
      throw error;
  } finally {
    await handle?.close();
  }
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

/**
 * Loads a state file: its snapshot line, then every logged mutation after it, in order. A missing or empty
 * file starts a new one. The only damage tolerated is an incomplete final line (a crash mid-append, never
 * acknowledged): it is reported and cut off. Anything else is a StateFileError.
 */
export async function loadStateFile(path: string, logger?: StoreLogger): Promise<LoadedState> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if (!isMissing(error)) throw error;
    bytes = Buffer.alloc(0);
  }
  if (bytes.length === 0) {
    const snapshotBytes = await writeSnapshotFile(path, emptySnapshotEntry());
    return {
      memory: new MemoryStore(),
      clock: undefined,
      seq: 0,
      snapshotBytes,
      logBytes: 0,
      hasState: false,
    };
  }

  const memory = new MemoryStore();
  const fail = (line: number, problem: string) => new StateFileError(path, line, problem);
  let clock: ClockState | undefined;
  let seq = 0;
  let snapshotBytes = 0;
  let offset = 0;
  for (let line = 1; offset < bytes.length; line++) {
    const end = bytes.indexOf(0x0a, offset);
    if (end < 0) {
      if (line === 1) throw fail(line, 'corrupt snapshot: the first line is incomplete');
      // A crash mid-append: this line was never fsync'ed, so never acknowledged. Cut it off before appending.
      logger?.warn(
        { file: path, line, bytes: bytes.length - offset },
        'ignored the incomplete last line of the state file (the process stopped while writing it)',
      );
      await truncate(path, offset);
      break;
    }
    const decoded = decodeLine(bytes.toString('utf8', offset, end));
    offset = end + 1;
    if (!decoded.ok) throw fail(line, line === 1 ? `corrupt snapshot: ${decoded.problem}` : decoded.problem);
    const { entry } = decoded;
    if (line === 1) {
      const header = readHeader(entry);
      if (typeof header === 'string') throw fail(line, header);
      restoreNow(memory, header.state);
      clock = header.clock ?? undefined;
      seq = header.seq;
      snapshotBytes = offset;
      continue;
    }
    if (!isObject(entry) || entry.seq !== seq + 1) {
      const found = isObject(entry) ? JSON.stringify(entry.seq) : 'none';
      throw fail(
        line,
        `sequence number ${found} where ${seq + 1} was expected (a line is missing or out of order)`,
      );
    }
    const applied = await replay(memory, entry);
    if (!applied.ok) throw fail(line, applied.problem);
    if (applied.clock) clock = applied.clock;
    seq += 1;
  }
  return { memory, clock, seq, snapshotBytes, logBytes: offset - snapshotBytes, hasState: seq > 0 };
}

function readHeader(entry: unknown): Pick<SnapshotEntry, 'seq' | 'clock' | 'state'> | string {
  if (!isObject(entry) || entry.op !== 'snapshot' || entry.format !== stateFileFormat)
    return `not an auth-sandbox state file (the first line is no ${stateFileFormat} snapshot)`;
  const state = readSnapshot(entry.state);
  const clock = entry.clock === null ? null : readClockState(entry.clock);
  if (typeof entry.seq !== 'number' || !Number.isInteger(entry.seq) || !state || clock === undefined)
    return 'corrupt snapshot: its sequence number, clock or records are malformed';
  return { seq: entry.seq, clock, state };
}
