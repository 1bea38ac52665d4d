import type { RegisteredDialect } from '../engine/dialect.js';
import {
  AdapterRequest,
  emptyBody,
  encodeBody,
  type ProviderId,
  type SandboxRequest,
  type SandboxResponse,
} from '../engine/http.js';
import { maxBodyBytes } from '../server/provider-request.js';
import type { Tenants } from '../tenants.js';

/** Where a real provider host is served: the dialect and the path prefix its real base URL carries. */
export interface ProviderHost {
  host: string;
  provider: ProviderId;
  /** Stripped before the engine sees the path (Hurdlr's real base URL is https://sandbox.hurdlr.com/rest). */
  basePath: string;
}

// PRODUCT.md "Provider mounts": the real base URLs; only Hurdlr's has a path of its own.
const basePaths: Partial<Record<ProviderId, string>> = { hurdlr: '/rest' };

/** Every real host the dialects stand in for (each dialect's `hosts`). */
export function providerHosts(dialects: readonly RegisteredDialect[]): ProviderHost[] {
  return dialects.flatMap((dialect) =>
    dialect.hosts.map((host) => ({ host, provider: dialect.id, basePath: basePaths[dialect.id] ?? '' })),
  );
}

function stripBasePath(path: string, basePath: string): string {
  if (basePath === '' || !(path === basePath || path.startsWith(`${basePath}/`))) return path;
  return path.slice(basePath.length) || '/';
}

/** A request's provider host with the path and query string of its URL, parsed once per request. */
export interface ProviderTarget {
  host: ProviderHost;
  path: string;
  /** The query string without its `?`. */
  query: string;
}

/** The provider a URL is addressed to, or undefined for a host no dialect stands in for. */
export function targetOf(url: string, byHost: ReadonlyMap<string, ProviderHost>): ProviderTarget | undefined {
  const { hostname, pathname, search } = new URL(url);
  const host = byHost.get(hostname);
  return host && { host, path: pathname, query: search.slice(1) };
}

/** A Fetch API request to a real provider URL -> the engine's plain request (lower-case headers, raw body). */
export async function toSandboxRequest(
  request: Request,
  target: ProviderTarget,
): Promise<{ request: SandboxRequest; bodyTooLarge: boolean }> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  let rawBody = emptyBody;
  let bodyTooLarge = Number(headers['content-length'] ?? 0) > maxBodyBytes;
  if (!bodyTooLarge && request.body !== null) {
    const data = Buffer.from(await request.arrayBuffer());
    if (data.length > maxBodyBytes) bodyTooLarge = true;
    else if (data.length > 0) rawBody = data;
  }
  const { provider, basePath } = target.host;
  return {
    request: new AdapterRequest(
      provider,
      request.method.toUpperCase(),
      stripBasePath(target.path, basePath),
      target.query,
      headers,
      rawBody,
    ),
    bodyTooLarge,
  };
}

/** Sends a Fetch API request through the tenants' engines, as the node:http server does. */
export async function serveFetchRequest(
  tenants: Tenants,
  request: Request,
  target: ProviderTarget,
): Promise<SandboxResponse> {
  const converted = await toSandboxRequest(request, target);
  return tenants.handle(converted.request, { bodyTooLarge: converted.bodyTooLarge });
}

const nullBodyStatuses = new Set([101, 204, 205, 304]);

/** The engine's plain response as a Fetch API Response (a dropped connection is the caller's to handle). */
export function toFetchResponse(response: SandboxResponse, method: string): Response {
  const payload =
    nullBodyStatuses.has(response.status) || method === 'HEAD' ? undefined : encodeBody(response);
  return new Response(payload ?? null, { status: response.status, headers: response.headers });
}
