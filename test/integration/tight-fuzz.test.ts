import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { basic, postForm } from '../support/server.js';
import { startWithoutContract } from '../unit/providers/tight/harness.js';

const endpoints = [
  ['POST', '/v6/auth/token'],
  ['POST', '/v6/auth/authorize'],
  ['GET', '/v6/auth/authorize'],
  ['POST', '/v6/banks/transactions'],
  ['POST', '/v6/banks/transactions/query'],
  ['POST', '/v6/company/query'],
  ['GET', '/v6/company/co_acme'],
  ['DELETE', '/v6/company/query'],
] as const;

const contentTypes = [
  'application/json',
  'application/x-www-form-urlencoded',
  'text/plain',
  'application/json; charset=utf-8',
  'multipart/form-data; boundary=x',
  '',
];

const json = fc.jsonValue().map((value) => JSON.stringify(value));
const form = fc
  .dictionary(
    fc.constantFrom('grant_type', 'scope', 'userId', 'code', 'refresh_token', 'client_id', 'data', 'x'),
    fc.string(),
  )
  .map((fields) => new URLSearchParams(fields).toString());
const bodies = fc.oneof(
  json,
  form,
  fc.string(),
  fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b).toString('latin1')),
);

function isTightEnvelope(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const { result, data, error } = body as Record<string, unknown>;
  return (
    result === 'FAILURE' &&
    data === null &&
    Array.isArray(error) &&
    error.length > 0 &&
    error.every(
      (e) =>
        typeof e === 'object' && e !== null && typeof (e as Record<string, unknown>).message === 'string',
    )
  );
}

describe('Tight endpoints under random input', () => {
  it('never answer 5xx, and answer every JSON error in the Tight envelope', async () => {
    const server = await startWithoutContract('tight');
    const issued = await postForm(
      `${server.url}/tight/v6/auth/token`,
      {},
      { authorization: basic('tight-client', 'tight-secret') },
    );
    const { access_token } = (await issued.json()) as { access_token: string };
    const authorizations = fc.constantFrom(
      undefined,
      `Bearer ${access_token}`,
      'Bearer x',
      basic('tight-client', 'tight-secret'),
      'Basic !!!',
      'Bearer',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...endpoints),
        fc.constantFrom(...contentTypes),
        bodies,
        authorizations,
        fc.string({ maxLength: 20 }),
        async ([method, path], contentType, body, authorization, query) => {
          const headers: Record<string, string> = {};
          if (contentType) headers['content-type'] = contentType;
          if (authorization) headers.authorization = authorization;
          const url = `${server.url}/tight${path}?${new URLSearchParams({ q: query, client_id: query })}`;
          const res = await fetch(url, {
            method,
            headers,
            redirect: 'manual',
            ...(method === 'GET' ? {} : { body }),
          });
          expect(res.status).toBeLessThan(500);
          const type = res.headers.get('content-type') ?? '';
          if (res.status >= 400 && type.includes('json'))
            expect(isTightEnvelope(await res.json())).toBe(true);
          else await res.arrayBuffer();
        },
      ),
      { numRuns: 200 },
    );
  });
});
