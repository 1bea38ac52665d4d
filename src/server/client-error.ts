import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { type Refusal, refusals } from '../engine/dialect.js';
import { AdapterRequest, emptyBody, encodeBody, json, type SandboxResponse } from '../engine/http.js';
import type { Tenants } from '../tenants.js';
import { providerError } from './provider-request.js';
import { originForm, type ProviderTarget, providerTarget } from './target.js';

/** What node:http hands a 'clientError' listener. */
export interface ClientError extends Error {
  code?: string;
  /** The bytes being parsed when it failed (parse errors only). */
  rawPacket?: Buffer;
}

/**
 * node:http refuses some requests before any handler sees them: headers over its maxHeaderSize (431), a
 * request it cannot parse (400), one that does not arrive within its requestTimeout (408). Left alone it
 * writes a bare status line. Here a request whose request line names a provider gets that provider's own
 * error body (the control plane's `{error, message}` otherwise), then the connection closes.
 */
export function answerClientError(tenants: Tenants, error: ClientError, socket: Duplex): void {
  // Bytes after a request that asked to close the connection: the answer to that request closes it.
  if (error.code === 'HPE_CLOSED_CONNECTION') return;
  const refusal = refusalOf(error.code);
  // A reset connection has nobody to answer, and an answer to an earlier request still on its way (or
  // waiting in the batch of writes) must not be preceded by this one: then the connection just closes.
  if (refusal !== undefined && socket.writable && !responseInFlight(socket)) {
    // The request line, when the bytes that failed begin with one: its method and the target up to the
    // first space (a target with raw spaces in it is one reason to fail).
    const line = /^(\S+) (\S+)/.exec(error.rawPacket?.toString('latin1', 0, 8192) ?? '');
    const method = line?.[1] ?? 'GET';
    const target = line?.[2] === undefined ? undefined : providerTarget(tenants, originForm(line[2]));
    socket.write(httpText(refusedResponse(tenants, refusal, method, target), method === 'HEAD'));
  }
  socket.destroy();
}

function refusalOf(code: string | undefined): Refusal | undefined {
  if (code === 'HPE_HEADER_OVERFLOW') return 'headers-too-large';
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return 'timeout';
  return code?.startsWith('HPE_') ? 'malformed' : undefined;
}

/** Whether node:http holds a response to an earlier request of this connection, written or not. */
function responseInFlight(socket: Duplex): boolean {
  const current: unknown = Reflect.get(socket, '_httpMessage');
  return typeof current === 'object' && current !== null;
}

function refusedResponse(
  tenants: Tenants,
  refusal: Refusal,
  method: string,
  target: ProviderTarget | undefined,
): SandboxResponse {
  if (target) {
    const request = new AdapterRequest(target.provider, method, target.path, target.query, {}, emptyBody);
    const response = providerError(tenants, request, (dialect) => dialect.errors.refused(request, refusal));
    if (response) return response;
  }
  const { status, message } = refusals[refusal];
  return json(status, {
    error: refusal === 'malformed' ? 'invalid_request' : refusal.replaceAll('-', '_'),
    message,
  });
}

/** A whole HTTP/1.1 response that closes the connection (a HEAD request's without its body). */
function httpText(response: SandboxResponse, head: boolean): string {
  const body = encodeBody(response) ?? '';
  let lines = `HTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? ''}\r\n`;
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined && name.toLowerCase() !== 'content-length') lines += `${name}: ${value}\r\n`;
  }
  return `${lines}content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${head ? '' : body}`;
}
