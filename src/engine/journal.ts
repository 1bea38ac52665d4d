import { wallTimeMs } from './clock.js';
import type { ProviderId, SandboxRequest, SandboxResponse } from './http.js';
import { redactHeaders, redactQuery, redactRawBody, redactSecret, redactValue } from './redact.js';

/** What the journal keeps of one provider request; secrets are redacted only when read. */
interface RawEntry {
  seq: number;
  wallTime: number;
  sandboxTime: number;
  latencyMs: number;
  request: SandboxRequest;
  response: SandboxResponse;
  grantId: string | undefined;
  token: string | undefined;
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
  request: { headers: Record<string, string>; query: Record<string, string>; body?: unknown };
  response: { headers: Record<string, string>; body?: unknown };
}

export interface JournalFilter {
  provider?: ProviderId;
  path?: string;
  status?: number;
  /** Only entries at or after this sandbox time (ms). */
  since?: number;
  limit?: number;
}

/**
 * A bounded ring buffer of provider requests, newest last. Recording is on every request's path, so it
 * allocates nothing: the request and response are kept as given in per-slot arrays, the numbers in a typed
 * array. (Each object kept per request is one more for the garbage collector to copy while the entry is
 * young; an entry object of its own measured at 10% of the opaque-token throughput.)
 */
export class Journal {
  private readonly requests: (SandboxRequest | undefined)[];
  private readonly responses: (SandboxResponse | undefined)[];
  private readonly grantIds: (string | undefined)[];
  private readonly tokens: (string | undefined)[];
  /** Per slot: sequence number, wall time, sandbox time (ms) and latency (ms). */
  private readonly numbers: Float64Array;
  /** Requests recorded so far: the newest entry's sequence number. */
  private seq = 0;
  /** `seq` when the journal was last cleared. */
  private clearedAt = 0;

  constructor(private readonly capacity = 1000) {
    this.requests = new Array(capacity).fill(undefined);
    this.responses = new Array(capacity).fill(undefined);
    this.grantIds = new Array(capacity).fill(undefined);
    this.tokens = new Array(capacity).fill(undefined);
    this.numbers = new Float64Array(capacity * 4);
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
    this.requests[slot] = request;
    this.responses[slot] = response;
    this.grantIds[slot] = touched?.grantId;
    this.tokens[slot] = touched?.token;
    const at = slot * 4;
    this.numbers[at] = this.seq;
    this.numbers[at + 1] = wallTimeMs();
    this.numbers[at + 2] = sandboxTime;
    this.numbers[at + 3] = latencyMs;
  }

  clear(): void {
    for (const slots of [this.requests, this.responses, this.grantIds, this.tokens]) slots.fill(undefined);
    this.clearedAt = this.seq;
  }

  get size(): number {
    return Math.min(this.capacity, this.seq - this.clearedAt);
  }

  list(filter: JournalFilter = {}): JournalEntry[] {
    const matching: RawEntry[] = [];
    for (let seq = this.seq - this.size; seq < this.seq; seq++) {
      const entry = this.entry(seq % this.capacity);
      if (entry !== undefined && matches(entry, filter)) matching.push(entry);
    }
    const limited =
      filter.limit === undefined ? matching : matching.slice(Math.max(0, matching.length - filter.limit));
    return limited.map(present);
  }

  private entry(slot: number): RawEntry | undefined {
    const request = this.requests[slot];
    const response = this.responses[slot];
    if (request === undefined || response === undefined) return undefined;
    const at = slot * 4;
    return {
      seq: this.numbers[at] ?? 0,
      wallTime: this.numbers[at + 1] ?? 0,
      sandboxTime: this.numbers[at + 2] ?? 0,
      latencyMs: this.numbers[at + 3] ?? 0,
      request,
      response,
      grantId: this.grantIds[slot],
      token: this.tokens[slot],
    };
  }
}

function matches(e: RawEntry, filter: JournalFilter): boolean {
  return (
    (filter.provider === undefined || e.request.provider === filter.provider) &&
    (filter.path === undefined || pathMatches(e.request, filter.path)) &&
    (filter.status === undefined || e.response.status === filter.status) &&
    (filter.since === undefined || e.sandboxTime >= filter.since)
  );
}

function present(e: RawEntry): JournalEntry {
  const { request, response } = e;
  const entry: JournalEntry = {
    seq: e.seq,
    time: new Date(e.sandboxTime).toISOString(),
    wallTime: new Date(e.wallTime).toISOString(),
    provider: request.provider,
    method: request.method,
    path: request.path,
    status: response.status,
    latencyMs: Math.round(e.latencyMs * 1000) / 1000,
    request: {
      headers: redactHeaders(request.headers),
      query: redactQuery(request.query),
      body: redactRawBody(request.rawBody, request.headers['content-type']),
    },
    response: {
      headers: redactHeaders(response.headers),
      body: typeof response.body === 'string' ? '[html page]' : redactValue(response.body),
    },
  };
  if (e.grantId !== undefined) entry.grantId = e.grantId;
  if (e.token !== undefined) entry.token = redactSecret(e.token);
  return entry;
}

/** A path filter matches the provider's own path or the mounted one (`/tink/api/...`). */
function pathMatches(request: SandboxRequest, prefix: string): boolean {
  return request.path.startsWith(prefix) || `/${request.provider}${request.path}`.startsWith(prefix);
}
