/** The plain request and response every adapter (node:http, msw, Prism) speaks with the engine. */

export const providerIds = ['tight', 'hurdlr', 'tink', 'uphold', 'gusto'] as const;
export type ProviderId = (typeof providerIds)[number];

export function isProviderId(value: string): value is ProviderId {
  return (providerIds as readonly string[]).includes(value);
}

export interface SandboxRequest {
  provider: ProviderId;
  /** Upper-case HTTP method. */
  method: string;
  /** The provider's own path, below its mount (`/api/v1/oauth/token`). */
  path: string;
  query: URLSearchParams;
  /** Lower-case header names. */
  headers: Readonly<Record<string, string | undefined>>;
  rawBody: Buffer;
}

/** The body of every request that has none; shared, as nothing writes to a request's body. */
export const emptyBody: Buffer = Buffer.alloc(0);

/**
 * A request as an adapter (node:http, msw) read it. Most provider routes never read the query string, so
 * it is parsed on first use.
 */
export class AdapterRequest implements SandboxRequest {
  private parsedQuery: URLSearchParams | undefined;

  constructor(
    readonly provider: ProviderId,
    readonly method: string,
    readonly path: string,
    /** The query string without its `?`. */
    private readonly rawQuery: string,
    readonly headers: Readonly<Record<string, string | undefined>>,
    readonly rawBody: Buffer,
  ) {}

  get query(): URLSearchParams {
    this.parsedQuery ??= new URLSearchParams(this.rawQuery);
    return this.parsedQuery;
  }
}

export interface SandboxResponse {
  status: number;
  headers: Record<string, string>;
  /** A string is written as is (set content-type); anything else is JSON; undefined is no body. */
  body?: unknown;
  /** A scripted fault: drop the connection instead of answering. */
  dropConnection?: boolean;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): SandboxResponse {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body };
}

export function html(status: number, page: string, headers: Record<string, string> = {}): SandboxResponse {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8', ...headers }, body: page };
}

export function redirect(location: string): SandboxResponse {
  return { status: 302, headers: { location }, body: undefined };
}

export function noContent(headers: Record<string, string> = {}): SandboxResponse {
  return { status: 204, headers, body: undefined };
}

/** Serialise a response body for the wire. */
export function encodeBody(response: SandboxResponse): string | undefined {
  if (response.body === undefined) return undefined;
  if (typeof response.body === 'string') return response.body;
  return JSON.stringify(response.body);
}
