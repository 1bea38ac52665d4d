import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RegisteredDialect } from '../engine/dialect.js';
import type { HandleOptions } from '../engine/engine.js';
import type { ProviderError } from '../engine/errors.js';
import type { Eventually } from '../engine/eventually.js';
import { namedError } from '../engine/fault-response.js';
import {
  AdapterRequest,
  emptyBody,
  encodeBody,
  type ProviderId,
  type SandboxRequest,
  type SandboxResponse,
} from '../engine/http.js';
import type { Tenants } from '../tenants.js';

/** Bodies over this size get a 413 in the provider's shape (PRODUCT.md). */
export const maxBodyBytes = 1024 * 1024;

/** The two ways a body arrives (shared: an object per request is garbage to collect). */
const readWhole: HandleOptions = { bodyTooLarge: false };
const refusedForSize: HandleOptions = { bodyTooLarge: true };

/**
 * node:http -> the engine's plain request, and its plain response -> node:http. Callbacks rather than
 * awaits up to the engine: this runs for every provider request, and each await is a promise and a turn
 * of the microtask queue.
 */
export function serveProviderRequest(
  tenants: Tenants,
  provider: ProviderId,
  providerPath: string,
  query: string,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  readBody(req, (data, tooLarge) => {
    const request = sandboxRequest(provider, providerPath, query, req, data);
    let response: Eventually<SandboxResponse>;
    try {
      response = tenants.respond(request, tooLarge ? refusedForSize : readWhole);
    } catch (error) {
      fail(res, error);
      return;
    }
    if (!(response instanceof Promise)) answer(req, res, response, tooLarge);
    else
      response.then(
        (answered) => answer(req, res, answered, tooLarge),
        (error: unknown) => fail(res, error),
      );
  });
}

function answer(
  req: IncomingMessage,
  res: ServerResponse,
  response: SandboxResponse,
  tooLarge: boolean,
): void {
  if (response.dropConnection) req.socket.destroy();
  else responseWrites.add(res, response, req.method === 'HEAD', tooLarge);
}

function fail(res: ServerResponse, error: unknown): void {
  res.destroy(error instanceof Error ? error : undefined);
}

/**
 * The responses that became ready during a turn of the event loop and the next, written back to back
 * (setImmediate, twice). Each write to a socket whose client is asleep pays for waking it, and on a
 * virtual machine that wake-up cost more than the rest of the write (profile: the write syscall took
 * twice as long per response as in the bare node:http ceiling, whose client never sleeps). Writes that
 * follow one another find the client awake: 5-10% more opaque tokens per second than a write per response
 * (alternating runs with and without). Waiting one turn more also collects the requests that arrived while
 * the first ones were handled: 2-13% less server CPU per opaque token (median 4%; paired slices of
 * alternating runs), no change to a lone request's round trip (~170 µs either way). An idle server pays
 * two turns of its loop, a few microseconds.
 */
class ResponseWrites {
  /** Flat triples (res, response, flags) rather than an object per response. */
  private readonly pending: (ServerResponse | SandboxResponse | number)[] = [];
  private readonly writeBatch = () => this.writeAll();
  private readonly flush = () => setImmediate(this.writeBatch);

  add(res: ServerResponse, response: SandboxResponse, head: boolean, tooLarge: boolean): void {
    if (this.pending.length === 0) setImmediate(this.flush);
    this.pending.push(res, response, (head ? 1 : 0) | (tooLarge ? 2 : 0));
  }

  private writeAll(): void {
    const { pending } = this;
    for (let i = 0; i < pending.length; i += 3) {
      const res = pending[i] as ServerResponse;
      const flags = pending[i + 2] as number;
      try {
        writeResponse(res, pending[i + 1] as SandboxResponse, (flags & 1) !== 0);
      } catch (error) {
        res.destroy(error instanceof Error ? error : undefined);
        continue;
      }
      // A body cut short is not drained: close the connection rather than read the rest.
      if ((flags & 2) !== 0) {
        // node:http detaches the socket from the response on 'finish': keep hold of it first.
        const { socket } = res;
        res.once('finish', () => socket?.destroySoon());
      }
    }
    pending.length = 0;
  }
}

const responseWrites = new ResponseWrites();

/**
 * A connection over its request rate gets the provider's own 429 (its `rate_limited` error), without the
 * body being read or the engine (journal, faults, state) being touched.
 */
export function serveRateLimited(
  tenants: Tenants,
  provider: ProviderId,
  providerPath: string,
  query: string,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const request = sandboxRequest(provider, providerPath, query, req, emptyBody);
  const response = providerError(tenants, request, (dialect) => namedError('rate_limited', request, dialect));
  writeResponse(res, response ?? { status: 429, headers: { 'retry-after': '1' } }, req.method === 'HEAD');
}

/**
 * A provider's own error for a request answered without the engine (nothing journaled, no fault, no
 * state), decorated as the engine decorates every answer (Uphold's request id, Gusto's API version);
 * undefined when no dialect serves that provider.
 */
export function providerError(
  tenants: Tenants,
  request: SandboxRequest,
  error: (dialect: RegisteredDialect) => ProviderError,
): SandboxResponse | undefined {
  const engine = tenants.main;
  const dialect = engine.dialect(request.provider);
  if (!dialect) return undefined;
  const response = error(dialect).toResponse();
  dialect.decorate?.(request, response, engine.services);
  return response;
}

function sandboxRequest(
  provider: ProviderId,
  providerPath: string,
  query: string,
  req: IncomingMessage,
  rawBody: Buffer,
): SandboxRequest {
  return new AdapterRequest(
    provider,
    req.method ?? 'GET',
    providerPath === '' ? '/' : providerPath,
    query,
    // node:http joins repeated headers itself, all but set-cookie (an array), which no client sends.
    req.headers['set-cookie'] === undefined
      ? (req.headers as Record<string, string | undefined>)
      : flattenHeaders(req.headers),
    rawBody,
  );
}

/**
 * The headers go to node:http as one flat list (name, value, name, value...) rather than a copy of the
 * response's object with content-length added: V8 gives a spread copy a hidden class of its own that no
 * later property addition is cached on, so each response made a new class (and enum cache), and every
 * place that read headers went megamorphic (measured: 12-15% less server CPU per Uphold token).
 */
export function writeResponse(res: ServerResponse, response: SandboxResponse, head = false): void {
  const payload = encodeBody(response);
  const { headers } = response;
  const raw: (string | number)[] = [];
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined || (payload !== undefined && isContentLength(name))) continue;
    raw.push(name, value);
  }
  const bytes = payload === undefined ? 0 : Buffer.byteLength(payload);
  if (payload !== undefined) raw.push('content-length', bytes);
  res.writeHead(response.status, raw);
  if (payload === undefined || head) res.end();
  // A body of as many bytes as characters is ASCII: written as latin1, it is copied as it is rather than
  // encoded character by character as UTF-8 (every token answer; the same bytes either way).
  else res.end(payload, bytes === payload.length ? 'latin1' : 'utf8');
}

function isContentLength(name: string): boolean {
  return name.length === 14 && name.toLowerCase() === 'content-length';
}

function flattenHeaders(headers: IncomingMessage['headers']): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const name in headers) {
    const value = headers[name];
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** Reads the body (up to maxBodyBytes; beyond it, none and `tooLarge`), then calls `done` once. */
function readBody(req: IncomingMessage, done: (data: Buffer, tooLarge: boolean) => void): void {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBodyBytes) {
    done(emptyBody, true);
    return;
  }
  if (req.method === 'GET' && declared === 0 && req.headers['transfer-encoding'] === undefined) {
    done(emptyBody, false);
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let finished = false;
  const finish = (tooLarge: boolean) => {
    if (finished) return;
    finished = true;
    req.removeListener('data', onData);
    if (tooLarge || size === 0) done(emptyBody, tooLarge);
    // node:http hands each chunk over as a buffer of its own: a body in one chunk is used as it is.
    else done(chunks.length === 1 ? (chunks[0] ?? emptyBody) : Buffer.concat(chunks, size), false);
  };
  const onData = (chunk: Buffer) => {
    size += chunk.length;
    if (size > maxBodyBytes) {
      req.pause();
      finish(true);
      return;
    }
    chunks.push(chunk);
  };
  req.on('data', onData);
  req.on('end', () => finish(false));
  // An aborted request ends here (node:http destroys it with an error); its answer goes nowhere.
  req.on('error', () => finish(false));
}
