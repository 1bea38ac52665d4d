import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { postForm } from '../support/server.js';
import { startWithoutContract } from '../unit/providers/tight/harness.js';

const endpoints = [
  ['POST', '/v4/auth/token'],
  ['POST', '/v4/auth/account'],
  ['GET', '/v4/auth/userInfo'],
  ['GET', '/oauth/authorize'],
  ['POST', '/oauth/authorize'],
  ['PUT', '/v4/auth/token'],
] as const;
const contentTypes = [
  'application/json',
  'application/x-www-form-urlencoded',
  'text/plain',
  'application/xml',
  '',
];
const fields = fc.constantFrom(
  'client_id',
  'client_secret',
  'grant_type',
  'refresh_token',
  'code',
  'userId',
  'redirect_uri',
);
const bodies = fc.oneof(
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc
    .dictionary(
      fields,
      fc.oneof(fc.string(), fc.constantFrom('hurdlr-client', 'hurdlr-secret', 'refresh_token')),
    )
    .map((f) => new URLSearchParams(f).toString()),
  fc.string(),
);

/** RFC 6749 errors, or /v4/auth/account's own `{result, error}` failures. */
function isHurdlrError(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const record = body as Record<string, unknown>;
  const oauth = typeof record.error === 'string' && typeof record.error_description === 'string';
  const account =
    (record.result === 'FAILURE' || record.result === 'INVALID_CREDENTIALS') &&
    typeof record.error === 'string';
  return oauth || account;
}

describe('Hurdlr endpoints under random input', () => {
  it('never answer 5xx, and answer every JSON error in a Hurdlr error shape', async () => {
    const server = await startWithoutContract('hurdlr');
    const issued = await postForm(`${server.url}/hurdlr/v4/auth/token`, {
      client_id: 'hurdlr-client',
      client_secret: 'hurdlr-secret',
      grant_type: 'client_credentials',
      userId: 'hurdlr-user-1',
    });
    const { access_token } = (await issued.json()) as { access_token: string };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...endpoints),
        fc.constantFrom(...contentTypes),
        bodies,
        fc.constantFrom(undefined, `Bearer ${access_token}`, 'Bearer nope', 'Basic xyz', ''),
        fc.string({ maxLength: 20 }),
        async ([method, path], contentType, body, authorization, query) => {
          const headers: Record<string, string> = {};
          if (contentType) headers['content-type'] = contentType;
          if (authorization !== undefined) headers.authorization = authorization;
          const url = `${server.url}/hurdlr${path}?${new URLSearchParams({ client_id: query, redirect_uri: query })}`;
          const res = await fetch(url, {
            method,
            headers,
            redirect: 'manual',
            ...(method === 'GET' ? {} : { body }),
          });
          expect(res.status).toBeLessThan(500);
          const type = res.headers.get('content-type') ?? '';
          if (res.status >= 400 && type.includes('json')) expect(isHurdlrError(await res.json())).toBe(true);
          else await res.arrayBuffer();
        },
      ),
      { numRuns: 200 },
    );
  });
});
