/**
 * The sandbox clock: the only place that reads wall time. Every expiry, `iat` and `created_at`
 * reads `now()` from here, so a test can freeze, set or advance time instead of sleeping.
 */
export interface Clock {
  /** Milliseconds since the epoch, on the sandbox clock. */
  now(): number;
  /** Whole seconds since the epoch, on the sandbox clock. */
  nowSeconds(): number;
  readonly frozen: boolean;
  advance(seconds: number): void;
  set(at: number): void;
  freeze(frozen: boolean): void;
  /** Back to the state it was created (or last configured) with. */
  reset(): void;
  /** New start settings (a newly loaded scenario's), applied at once. */
  configure(settings: { start?: number | undefined; frozen?: boolean | undefined }): void;
  /** The clock's state relative to wall time, to persist or share (file and Redis stores). */
  state(): ClockState;
  /** Adopt a persisted or shared state; listeners are not told (it came from outside). */
  restore(state: ClockState): void;
  /** Called after every local change (advance, set, freeze, reset, configure). Returns an unsubscribe. */
  onChange(listener: (state: ClockState) => void): () => void;
}

/** Sandbox time = wall time + offset, unless frozen at a fixed instant. */
export interface ClockState {
  offset: number;
  frozenAt?: number;
}

export interface ClockOptions {
  /** Start time in ms since the epoch; default: the wall clock. */
  start?: number;
  frozen?: boolean;
  /** Wall-time source; injectable for tests. */
  wallTime?: () => number;
}

const systemWallTime = (): number => Date.now();

export function createClock(initial: ClockOptions = {}): Clock {
  const wallTime = initial.wallTime ?? systemWallTime;
  let options: { start?: number | undefined; frozen?: boolean | undefined } = initial;
  // now() = frozenAt when frozen, otherwise wallTime() + offset.
  let offset = 0;
  let frozenAt: number | undefined;

  const init = (): void => {
    const start = options.start ?? wallTime();
    offset = start - wallTime();
    frozenAt = options.frozen ? start : undefined;
  };
  init();

  const listeners = new Set<(state: ClockState) => void>();
  const state = (): ClockState => (frozenAt === undefined ? { offset } : { offset, frozenAt });
  const changed = (): void => {
    for (const listener of listeners) listener(state());
  };

  const now = (): number => frozenAt ?? wallTime() + offset;
  const set = (at: number): void => {
    checkInstant(at);
    if (frozenAt !== undefined) frozenAt = at;
    else offset = at - wallTime();
    changed();
  };

  return {
    now,
    nowSeconds: () => Math.floor(now() / 1000),
    get frozen() {
      return frozenAt !== undefined;
    },
    advance: (seconds) => {
      if (!Number.isFinite(seconds))
        throw new RangeError(`advance needs a number of seconds, not ${seconds}.`);
      set(now() + seconds * 1000);
    },
    set,
    freeze(frozen) {
      if (frozen && frozenAt === undefined) frozenAt = now();
      if (!frozen && frozenAt !== undefined) {
        offset = frozenAt - wallTime();
        frozenAt = undefined;
      }
      changed();
    },
    reset() {
      init();
      changed();
    },
    configure(settings) {
      options = settings;
      init();
      changed();
    },
    state,
    restore(restored) {
      offset = restored.offset;
      frozenAt = restored.frozenAt;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The span of a JavaScript Date (ECMA-262 §21.4.1.1): 8.64e15 ms either side of 1970. */
export const latestInstant = 8.64e15;

/** Throws a RangeError for a time no Date can hold (the sandbox clock would show "Invalid Date"). */
function checkInstant(at: number): void {
  if (!Number.isFinite(at) || Math.abs(at) > latestInstant) {
    throw new RangeError(
      `The sandbox clock can only show times from the year -271821 to 275760, not ${at} ms.`,
    );
  }
}

/**
 * A time as Date.parse reads it (ISO 8601 first of all), in ms; undefined when it reads none, or when
 * the date it starts with does not exist (Date.parse rolls 2026-02-30 over to March).
 */
export function parseInstant(text: string): number | undefined {
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  const date = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!date) return at;
  const [year, month, day] = date.slice(1).map(Number);
  const probe = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1));
  return probe.getUTCMonth() === (month ?? 1) - 1 && probe.getUTCDate() === day ? at : undefined;
}

/** A clock frozen at `iso`, for unit tests. */
export function fixedClock(iso: string): Clock {
  return createClock({ start: Date.parse(iso), frozen: true });
}

/** The wall clock in ms, for records that must say when something really happened (the journal). */
export function wallTimeMs(): number {
  return systemWallTime();
}
