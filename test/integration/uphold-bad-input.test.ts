import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { basic } from '../support/server.js';
import { accessToken, activeUser, startUphold } from '../unit/providers/uphold/harness.js';

// Every exchange, random ones included, is also checked against openapi/uphold.yaml.
const start = startUphold;

// Header values fetch will send: visible ASCII and spaces, no leading or trailing space.
const headerValue = fc.stringMatching(/^[!-~]([ -~]{0,60}[!-~])?$/);
const contentType = fc.constantFrom(
  'application/json',
  'application/x-www-form-urlencoded',
  'text/plain',
  'application/json; charset=utf-8',
  'multipart/form-data; boundary=x',
);
const body = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.json().map((text) => text),
  fc
    .dictionary(fc.string({ maxLength: 12 }), fc.oneof(fc.string(), fc.integer(), fc.constant(null)))
    .map((o) => JSON.stringify(o)),
  fc
    .dictionary(fc.constantFrom('grant_type', 'scope', 'client_id', 'x'), fc.string({ maxLength: 40 }))
    .map((o) => new URLSearchParams(o).toString()),
);
const onBehalfOf = fc.oneof(
  headerValue,
  fc.constant(`user ${activeUser}`),
  fc.uuid().map((id) => `user ${id}`),
  fc.uuid().map((id) => `client ${id}`),
);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

describe('Uphold under random input', () => {
  it('answers random token requests with 200 or a 4xx RFC 6749 body, never a 5xx', async () => {
    const server = await start();
    await fc.assert(
      fc.asyncProperty(
        body,
        contentType,
        fc.option(fc.oneof(headerValue, fc.constant(basic('uphold-client', 'uphold-secret')))),
        async (text, type, authorization) => {
          const headers: Record<string, string> = { 'content-type': type };
          if (authorization !== null) headers.authorization = authorization;
          const res = await fetch(`${server.url}/uphold/core/oauth2/token`, {
            method: 'POST',
            headers,
            body: text,
          });
          const answer: unknown = await res.json();
          expect(res.status).toBeLessThan(500);
          expect(res.headers.get('x-uphold-request-id')).toBeTruthy();
          if (res.status !== 200) {
            expect(isObject(answer) && typeof answer.error === 'string').toBe(true);
            expect(isObject(answer) && typeof answer.error_description === 'string').toBe(true);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('answers random Core calls with a 2xx or a 4xx {code, message}, never a 5xx', async () => {
    const server = await start();
    const token = await accessToken(server);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          ['POST', '/core/users'],
          ['GET', '/core/users/me'],
          ['GET', '/core/accounts'],
          ['POST', '/core/accounts'],
          ['DELETE', '/core/accounts'],
          ['PUT', '/core/users/me'],
        ),
        body,
        contentType,
        fc.option(onBehalfOf),
        fc.option(fc.oneof(headerValue, fc.constant(`Bearer ${token}`))),
        async ([method, path], text, type, subject, authorization) => {
          const headers: Record<string, string> = { 'content-type': type };
          if (subject !== null) headers['x-on-behalf-of'] = subject;
          if (authorization !== null) headers.authorization = authorization;
          const init: RequestInit = { method, headers };
          if (method !== 'GET') init.body = text;
          const res = await fetch(`${server.url}/uphold${path}`, init);
          const answer: unknown = await res.json();
          expect(res.status).toBeLessThan(500);
          if (res.status >= 400) {
            expect(isObject(answer) && typeof answer.code === 'string').toBe(true);
            expect(isObject(answer) && typeof answer.message === 'string').toBe(true);
          }
        },
      ),
      { numRuns: 80 },
    );
  });

  it('answers a body over 1 MiB with 413 in the Core error shape, and in RFC 6749 at the token endpoint', async () => {
    const server = await start();
    const res = await fetch(`${server.url}/uphold/core/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"email":"${'a'.repeat(1024 * 1024 + 10)}"}`,
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('x-uphold-request-id')).toBeTruthy();
    expect(await res.json()).toMatchObject({ code: 'content_too_large', message: expect.any(String) });
    // The token endpoint answers it, as every error of its own, in RFC 6749's shape.
    const token = await fetch(`${server.url}/uphold/core/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `grant_type=client_credentials&scope=${'a'.repeat(1024 * 1024 + 10)}`,
    });
    expect(token.status).toBe(413);
    expect(token.headers.get('x-uphold-request-id')).toBeTruthy();
    expect(await token.json()).toEqual({ error: 'invalid_request', error_description: expect.any(String) });
  });
});
