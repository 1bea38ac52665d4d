import { wallTimeMs } from './clock.js';
import type { ProviderId, SandboxRequest, SandboxResponse } from './http.js';
import { redactHeaders, redactQuery, redactRawBody, redactResponseBody, redactSecret } from './redact.js';
import { TextRing } from './text-ring.js';

/** What the journal keeps of one provider request; secrets are redacted only when read. */
interface RawEntry {
  seq: number;
  wallTime: number;
  sandboxTime: number;
  latencyMs: number;
  provider: ProviderId;
  method: string;
  path: string;
  status: number;
  grantId: string | undefined;
  token: string | undefined;
  /** Only for the newest entries (the journal's `detail`). */
  request?: SandboxRequest;
  response?: SandboxResponse;
}

export interface JournalEntry {
  seq: number;
  time: string;
  wallTime: string;
  provider: ProviderId;
  method: string;
  path: string;
  status: number;
  latencyMs: number;
  grantId?: string;
  token?: string;
  /** The request and response, for the newest entries only (the journal's `detail`). */
  request?: { headers: Record<string, string>; query: Record<string, string>; body?: unknown };
  response?: { headers: Record<string, string>; body?: unknown };
}

export interface JournalFilter {
  provider?: ProviderId;
  path?: string;
  status?: number;
  /** Only entries at or after this sandbox time (ms). */
  since?: number;
  limit?: number;
}

/** How many of the newest entries keep their request and response by default. */
export const defaultJournalDetail = 100;

/**
 * A bounded ring buffer of provider requests, newest last. Every entry keeps what identifies it (sequence
 * number, times, provider, method, path, status, latency, grant and token); the newest `detail` entries
 * also keep their request and response (headers and bodies).
 *
 * Recording is on every request's path and allocates nothing. What a journal keeps for a thousand requests
 * outlives the garbage collector's young generation, and each collection copies it: an entry's request and
 * response (two dozen objects) and its token (a JWT is ~450 bytes). So the request and response are kept
 * only for the newest entries, which mostly die young, and the path and token of every entry are written
 * into a ring of bytes (text-ring.ts) that the collector never copies; the numbers go in a typed array.
 */
export class Journal {
  private readonly requests: (SandboxRequest | undefined)[];
  private readonly responses: (SandboxResponse | undefined)[];
  private readonly providers: (ProviderId | undefined)[];
  private readonly methods: string[];
  private readonly grantIds: (string | undefined)[];
  /** Per slot: sequence number, wall time, sandbox time (ms), latency (ms), status, text position. */
  private readonly numbers: Float64Array;
  /** Per slot: the path's and the token's byte lengths in the ring (token -1: none). */
  private readonly textLengths: Int32Array;
  /** Per slot: path and token kept as strings when the ring could not take them (rare: very long ones). */
  private readonly heldTexts = new Map<number, { path: string; token: string | undefined }>();
  private readonly texts: TextRing;
  private readonly detail: number;
  /** Requests recorded so far: the newest entry's sequence number. */
  private seq = 0;
  /** `seq` when the journal was last cleared. */
  private clearedAt = 0;

  /**
   * @param capacity how many requests it keeps
   * @param detail how many of the newest keep their request and response (at most `capacity`)
   */
  constructor(
    private readonly capacity = 1000,
    detail = defaultJournalDetail,
  ) {
    this.detail = Math.min(detail, capacity);
    this.requests = new Array(this.detail).fill(undefined);
    this.responses = new Array(this.detail).fill(undefined);
    this.providers = new Array(capacity).fill(undefined);
    this.methods = new Array(capacity).fill('');
    this.grantIds = new Array(capacity).fill(undefined);
    this.numbers = new Float64Array(capacity * slotNumbers);
    this.textLengths = new Int32Array(capacity * 2);
    // A path and a JWT are ~500 bytes; 16 blocks to start with, as many as `capacity` need at most.
    this.texts = new TextRing(8 * 1024, Math.max(8 * 1024, capacity * maxRingBytesPerEntry));
  }

  record(
    request: SandboxRequest,
    response: SandboxResponse,
    sandboxTime: number,
    latencyMs: number,
    touched?: { grantId: string | undefined; token: string | undefined },
  ): void {
    if (this.capacity === 0) return;
    const slot = this.seq % this.capacity;
    this.seq++;
    if (this.detail > 0) {
      const detailSlot = this.seq % this.detail;
      this.requests[detailSlot] = request;
      this.responses[detailSlot] = response;
    }
    this.providers[slot] = request.provider;
    this.methods[slot] = request.method;
    this.grantIds[slot] = touched?.grantId;
    const at = slot * slotNumbers;
    this.numbers[at] = this.seq;
    this.numbers[at + 1] = wallTimeMs();
    this.numbers[at + 2] = sandboxTime;
    this.numbers[at + 3] = latencyMs;
    this.numbers[at + 4] = response.status;
    this.keepTexts(slot, request.path, touched?.token);
  }

  clear(): void {
    this.requests.fill(undefined);
    this.responses.fill(undefined);
    this.providers.fill(undefined);
    this.grantIds.fill(undefined);
    this.heldTexts.clear();
    this.texts.clear();
    this.clearedAt = this.seq;
  }

  get size(): number {
    return Math.min(this.capacity, this.seq - this.clearedAt);
  }

  list(filter: JournalFilter = {}): JournalEntry[] {
    const matching: RawEntry[] = [];
    for (let seq = this.seq - this.size + 1; seq <= this.seq; seq++) {
      const entry = this.entry(seq);
      if (matches(entry, filter)) matching.push(entry);
    }
    const limited =
      filter.limit === undefined ? matching : matching.slice(Math.max(0, matching.length - filter.limit));
    return limited.map(present);
  }

  /** The entry numbered `seq` (1-based), which the journal still keeps. */
  private entry(seq: number): RawEntry {
    const slot = (seq - 1) % this.capacity;
    const at = slot * slotNumbers;
    const { path, token } = this.textsOf(slot);
    const detailed = this.seq - seq < this.detail;
    const request = detailed ? this.requests[seq % this.detail] : undefined;
    const response = detailed ? this.responses[seq % this.detail] : undefined;
    return {
      seq,
      wallTime: this.numbers[at + 1] ?? 0,
      sandboxTime: this.numbers[at + 2] ?? 0,
      latencyMs: this.numbers[at + 3] ?? 0,
      provider: this.providers[slot] ?? 'tink',
      method: this.methods[slot] ?? '',
      path,
      status: this.numbers[at + 4] ?? 0,
      grantId: this.grantIds[slot],
      token,
      ...(request === undefined || response === undefined ? {} : { request, response }),
    };
  }

  /**
   * The path and token go into the ring, keeping the blocks of every entry still kept after this one
   * replaces the oldest; strings the ring cannot take (or cannot give back exactly: a lone surrogate) are
   * held as they are.
   */
  private keepTexts(slot: number, path: string, token: string | undefined): void {
    const at = slot * slotNumbers + 5;
    // The oldest entry kept once this one is in (this one, when it is the only one).
    const oldest = (this.seq - this.size) % this.capacity;
    const keepFrom = oldest === slot ? this.texts.position : (this.numbers[oldest * slotNumbers + 5] ?? 0);
    if (this.heldTexts.size > 0) this.heldTexts.delete(slot);
    const start =
      path.isWellFormed() && (token === undefined || token.isWellFormed())
        ? this.texts.write(path, token ?? '', keepFrom, this.textLengths, slot * 2)
        : -1;
    if (start >= 0) {
      if (token === undefined) this.textLengths[slot * 2 + 1] = -1;
      this.numbers[at] = start;
      return;
    }
    this.numbers[at] = this.texts.position;
    this.heldTexts.set(slot, { path, token });
  }

  private textsOf(slot: number): { path: string; token: string | undefined } {
    const held = this.heldTexts.get(slot);
    if (held !== undefined) return held;
    const start = this.numbers[slot * slotNumbers + 5] ?? 0;
    const pathBytes = this.textLengths[slot * 2] ?? 0;
    const tokenBytes = this.textLengths[slot * 2 + 1] ?? -1;
    return {
      path: this.texts.read(start, pathBytes),
      token: tokenBytes < 0 ? undefined : this.texts.read(start + pathBytes, tokenBytes),
    };
  }
}

const slotNumbers = 6;
/** Blocks bigger than the ring allows per entry on average are held as strings. */
const maxRingBytesPerEntry = 4 * 1024;

function matches(e: RawEntry, filter: JournalFilter): boolean {
  return (
    (filter.provider === undefined || e.provider === filter.provider) &&
    (filter.path === undefined || pathMatches(e, filter.path)) &&
    (filter.status === undefined || e.status === filter.status) &&
    (filter.since === undefined || e.sandboxTime >= filter.since)
  );
}

function present(e: RawEntry): JournalEntry {
  const entry: JournalEntry = {
    seq: e.seq,
    time: new Date(e.sandboxTime).toISOString(),
    wallTime: new Date(e.wallTime).toISOString(),
    provider: e.provider,
    method: e.method,
    path: e.path,
    status: e.status,
    latencyMs: Math.round(e.latencyMs * 1000) / 1000,
  };
  if (e.grantId !== undefined) entry.grantId = e.grantId;
  if (e.token !== undefined) entry.token = redactSecret(e.token);
  const { request, response } = e;
  if (request !== undefined && response !== undefined) {
    entry.request = {
      headers: redactHeaders(request.headers),
      query: redactQuery(request.query),
      body: redactRawBody(request.rawBody, request.headers['content-type']),
    };
    entry.response = {
      headers: redactHeaders(response.headers),
      body:
        typeof response.body === 'string'
          ? '[html page]'
          : redactResponseBody(response.body, response.status),
    };
  }
  return entry;
}

/** A path filter matches the provider's own path or the mounted one (`/tink/api/...`). */
function pathMatches(e: RawEntry, prefix: string): boolean {
  return e.path.startsWith(prefix) || `/${e.provider}${e.path}`.startsWith(prefix);
}
