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

/** A bounded ring buffer of provider requests, newest last. */
export class Journal {
  private entries: RawEntry[] = [];
  private next = 0;
  private seq = 0;

  constructor(private readonly capacity = 1000) {}

  record(entry: Omit<RawEntry, 'seq' | 'wallTime'>): void {
    const full: RawEntry = { ...entry, seq: ++this.seq, wallTime: wallTimeMs() };
    if (this.entries.length < this.capacity) this.entries.push(full);
    else {
      this.entries[this.next] = full;
      this.next = (this.next + 1) % this.capacity;
    }
  }

  clear(): void {
    this.entries = [];
    this.next = 0;
  }

  get size(): number {
    return this.entries.length;
  }

  list(filter: JournalFilter = {}): JournalEntry[] {
    const ordered = [...this.entries.slice(this.next), ...this.entries.slice(0, this.next)];
    const matching = ordered.filter(
      (e) =>
        (filter.provider === undefined || e.request.provider === filter.provider) &&
        (filter.path === undefined || pathMatches(e.request, filter.path)) &&
        (filter.status === undefined || e.response.status === filter.status) &&
        (filter.since === undefined || e.sandboxTime >= filter.since),
    );
    const limited =
      filter.limit === undefined ? matching : matching.slice(Math.max(0, matching.length - filter.limit));
    return limited.map(present);
  }
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
