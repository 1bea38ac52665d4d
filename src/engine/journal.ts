import { wallTimeMs } from './clock.js';
import type { ProviderId, SandboxRequest, SandboxResponse } from './http.js';
import { redactHeaders, redactQuery, redactRawBody, redactSecret, redactValue } from './redact.js';

/** What the journal is given of one provider request; secrets are redacted only when read. */
export interface RecordedRequest {
  sandboxTime: number;
  latencyMs: number;
  request: SandboxRequest;
  response: SandboxResponse;
  grantId: string | undefined;
  token: string | undefined;
}

interface RawEntry extends RecordedRequest {
  seq: number;
  wallTime: number;
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
 * copies nothing: the entry is kept as given, and its sequence number and wall time go into a typed array.
 */
export class Journal {
  private readonly entries: (RecordedRequest | undefined)[];
  /** Per slot: wall time (ms) and sequence number. */
  private readonly stamps: Float64Array;
  /** Requests recorded so far: the newest entry's sequence number. */
  private seq = 0;
  /** `seq` when the journal was last cleared. */
  private clearedAt = 0;

  constructor(private readonly capacity = 1000) {
    this.entries = new Array(capacity).fill(undefined);
    this.stamps = new Float64Array(capacity * 2);
  }

  record(entry: RecordedRequest): void {
    if (this.capacity === 0) return;
    const slot = this.seq % this.capacity;
    this.seq++;
    this.entries[slot] = entry;
    this.stamps[slot * 2] = wallTimeMs();
    this.stamps[slot * 2 + 1] = this.seq;
  }

  clear(): void {
    this.entries.fill(undefined);
    this.clearedAt = this.seq;
  }

  get size(): number {
    return Math.min(this.capacity, this.seq - this.clearedAt);
  }

  list(filter: JournalFilter = {}): JournalEntry[] {
    const matching: RawEntry[] = [];
    for (let seq = this.seq - this.size; seq < this.seq; seq++) {
      const slot = seq % this.capacity;
      const entry = this.entries[slot];
      if (entry === undefined || !matches(entry, filter)) continue;
      matching.push({
        ...entry,
        wallTime: this.stamps[slot * 2] ?? 0,
        seq: this.stamps[slot * 2 + 1] ?? 0,
      });
    }
    const limited =
      filter.limit === undefined ? matching : matching.slice(Math.max(0, matching.length - filter.limit));
    return limited.map(present);
  }
}

function matches(e: RecordedRequest, filter: JournalFilter): boolean {
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
