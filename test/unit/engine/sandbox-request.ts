import type { ProviderId, SandboxRequest } from '../../../src/engine/http.js';

/** A plain engine request for unit tests: GET / on Tink with no headers and no body unless told. */
export function sandboxRequest(
  overrides: Partial<Omit<SandboxRequest, 'rawBody' | 'query'>> & {
    provider?: ProviderId;
    body?: string;
    query?: string;
  } = {},
): SandboxRequest {
  const { body, query, ...rest } = overrides;
  return {
    provider: 'tink',
    method: 'GET',
    path: '/',
    headers: {},
    ...rest,
    query: new URLSearchParams(query ?? ''),
    rawBody: Buffer.from(body ?? '', 'utf8'),
  };
}
