import type { SandboxRequest, SandboxResponse } from '../engine/http.js';
import type { PrismMethod, PrismRequest, PrismResponse } from './runtime.js';

/** JSON media types: `application/json` and any `+json` suffix (`application/problem+json`). */
function isJsonMediaType(contentType: string | undefined): boolean {
  const essence = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  return essence === 'application/json' || essence.endsWith('+json');
}

function parseJsonOr(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Prism then reports the body's type against the schema, which is the violation it is.
    return text;
  }
}

/** The sandbox's plain request in Prism's in-process shape. */
export function toPrismRequest(req: SandboxRequest, method: PrismMethod): PrismRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers[name] = value;
  const query: Record<string, string | string[]> = {};
  for (const name of new Set(req.query.keys())) {
    const values = req.query.getAll(name);
    query[name] = values.length === 1 && values[0] !== undefined ? values[0] : values;
  }
  const request: PrismRequest = { method, url: { path: req.path, query }, headers };
  if (req.rawBody.length === 0) return request;
  // Prism checks the content type against the document only when content-length says there is a
  // body; msw and some clients send none, so state the real length.
  headers['content-length'] = String(req.rawBody.length);
  const text = req.rawBody.toString('utf8');
  // Form and multipart bodies are validated as the raw string (Prism parses them with the schema's
  // encodings); JSON is parsed here.
  return { ...request, body: isJsonMediaType(headers['content-type']) ? parseJsonOr(text) : text };
}

/** A stateful response in Prism's shape, for validation against the document. */
export function toPrismResponse(res: SandboxResponse): PrismResponse {
  const response: PrismResponse = { statusCode: res.status, headers: { ...res.headers } };
  if (res.body === undefined) return response;
  const body =
    typeof res.body === 'string' && isJsonMediaType(lowerCaseHeaders(res.headers)['content-type'])
      ? parseJsonOr(res.body)
      : res.body;
  return { ...response, body };
}

function lowerCaseHeaders(headers: object | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    // Mocked headers without an example come back as null; numbers come from numeric examples.
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      result[name.toLowerCase()] = String(value);
    }
  }
  return result;
}

/** Prism's mocked response as a sandbox response. */
export function fromPrismResponse(res: PrismResponse): SandboxResponse {
  const headers = lowerCaseHeaders(res.headers);
  if (res.body === undefined || res.body === null)
    return { status: res.statusCode, headers, body: undefined };
  if (typeof res.body !== 'string' && headers['content-type'] === undefined) {
    headers['content-type'] = 'application/json; charset=utf-8';
  }
  return { status: res.statusCode, headers, body: res.body };
}

/** The RFC 9457 problem Prism raised for a client mistake (401, 406, 415, 422 ...). */
export interface PrismProblem {
  name: string;
  message: string;
  status: number;
  detail: string;
  additional?: Readonly<Record<string, unknown>> | undefined;
}

export function problemResponse(problem: PrismProblem): SandboxResponse {
  const { headers, ...extensions } = problem.additional ?? {};
  const type = problem.name;
  const body = {
    type,
    title: problem.message,
    status: problem.status,
    detail: problem.detail,
    ...extensions,
  };
  const extraHeaders = typeof headers === 'object' && headers !== null ? lowerCaseHeaders(headers) : {};
  return {
    status: problem.status,
    headers: { ...extraHeaders, 'content-type': 'application/problem+json; charset=utf-8' },
    body,
  };
}
