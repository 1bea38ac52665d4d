import type { IncomingMessage, ServerResponse } from 'node:http';
import { namedError } from '../engine/fault-response.js';
import { encodeBody, type ProviderId, type SandboxRequest, type SandboxResponse } from '../engine/http.js';
import type { Tenants } from '../tenants.js';

/** Bodies over this size get a 413 in the provider's shape (PRODUCT.md). */
export const maxBodyBytes = 1024 * 1024;

/** node:http -> the engine's plain request, and its plain response -> node:http. */
export async function serveProviderRequest(
  tenants: Tenants,
  provider: ProviderId,
  providerPath: string,
  query: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const body = await readBody(req);
  const request = sandboxRequest(provider, providerPath, query, req, body.tooLarge ? noBody : body.data);
  const engine = await tenants.route(request);
  const response = await engine.handle(request, { bodyTooLarge: body.tooLarge });
  if (response.dropConnection) {
    req.socket.destroy();
    return;
  }
  writeResponse(res, response, req.method === 'HEAD');
  // A body cut short is not drained: close the connection rather than read the rest.
  if (body.tooLarge) res.once('finish', () => req.socket.destroySoon());
}

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
  const request = sandboxRequest(provider, providerPath, query, req, noBody);
  const engine = tenants.main;
  const dialect = engine.dialect(provider);
  if (!dialect) {
    writeResponse(res, { status: 429, headers: { 'retry-after': '1' } });
    return;
  }
  const response = namedError('rate_limited', request, dialect).toResponse();
  dialect.decorate?.(request, response, engine.services);
  writeResponse(res, response, req.method === 'HEAD');
}

/** A request without a body shares this one (nothing writes to a request's body). */
const noBody = Buffer.alloc(0);

function sandboxRequest(
  provider: ProviderId,
  providerPath: string,
  query: string,
  req: IncomingMessage,
  rawBody: Buffer,
): SandboxRequest {
  return new NodeSandboxRequest(
    provider,
    req.method ?? 'GET',
    providerPath === '' ? '/' : providerPath,
    query,
    // node:http joins repeated headers itself, all but set-cookie (an array), which no client sends.
    req.headers['set-cookie'] === undefined
      ? (req.headers as Record<string, string | undefined>)
      : flattenHeaders(req.headers),
    rawBody.length === 0 ? noBody : rawBody,
  );
}

/** Most provider routes never read the query string: it is parsed on first use. */
class NodeSandboxRequest implements SandboxRequest {
  private parsedQuery: URLSearchParams | undefined;

  constructor(
    readonly provider: ProviderId,
    readonly method: string,
    readonly path: string,
    private readonly rawQuery: string,
    readonly headers: Readonly<Record<string, string | undefined>>,
    readonly rawBody: Buffer,
  ) {}

  get query(): URLSearchParams {
    this.parsedQuery ??= new URLSearchParams(this.rawQuery);
    return this.parsedQuery;
  }
}

export function writeResponse(res: ServerResponse, response: SandboxResponse, head = false): void {
  const payload = encodeBody(response);
  const headers: Record<string, string | number> = { ...response.headers };
  if (payload !== undefined) headers['content-length'] = Buffer.byteLength(payload);
  res.writeHead(response.status, headers);
  res.end(head ? undefined : payload);
}

function flattenHeaders(headers: IncomingMessage['headers']): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const name in headers) {
    const value = headers[name];
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

interface Body {
  data: Buffer;
  tooLarge: boolean;
}

function readBody(req: IncomingMessage): Promise<Body> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBodyBytes) return Promise.resolve({ data: noBody, tooLarge: true });
  if (req.method === 'GET' && declared === 0 && req.headers['transfer-encoding'] === undefined) {
    return Promise.resolve({ data: noBody, tooLarge: false });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (tooLarge: boolean) => {
      if (done) return;
      done = true;
      req.removeListener('data', onData);
      resolve({ data: tooLarge ? noBody : Buffer.concat(chunks, size), tooLarge });
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
    req.once('end', () => finish(false));
    req.once('error', () => finish(false));
    req.once('aborted', () => finish(false));
  });
}
