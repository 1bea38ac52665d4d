import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../../src/engine/clock.js';
import type { SandboxRequest } from '../../../../src/engine/http.js';
import { createEngine } from '../../../../src/sandbox.js';
import { activeUser, blockedUser, upholdScenario } from './harness.js';

const paths = ['/core/oauth2/token', '/core/users', '/core/users/me', '/core/accounts', '/core/x', '/'];
const methods = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD'];

function request(
  method: string,
  path: string,
  headers: SandboxRequest['headers'],
  rawBody: Buffer,
): SandboxRequest {
  return { provider: 'uphold', method, path, query: new URLSearchParams(), headers, rawBody };
}

describe('the Uphold dialect under random bytes', () => {
  it('never answers 5xx, and always in one of its two error shapes with a request id', async () => {
    const engine = await createEngine({
      scenario: upholdScenario(),
      clock: fixedClock('2026-01-01T00:00:00Z'),
    });
    const basic = `Basic ${Buffer.from('uphold-client:uphold-secret').toString('base64')}`;
    const form = { 'content-type': 'application/x-www-form-urlencoded', authorization: basic };
    const issued = await engine.handle(
      request('POST', '/core/oauth2/token', form, Buffer.from('grant_type=client_credentials')),
    );
    const token =
      typeof issued.body === 'object' && issued.body !== null && 'access_token' in issued.body
        ? issued.body.access_token
        : '';
    const headers = fc.record(
      {
        authorization: fc.oneof(
          fc.string({ maxLength: 80 }),
          fc.constant(`Bearer ${String(token)}`),
          fc.constant(basic),
        ),
        'content-type': fc.oneof(
          fc.string({ maxLength: 40 }),
          fc.constantFrom('application/json', 'application/x-www-form-urlencoded'),
        ),
        'x-on-behalf-of': fc.oneof(
          fc.string({ maxLength: 60 }),
          fc.constantFrom(`user ${activeUser}`, `user ${blockedUser}`),
        ),
      },
      { requiredKeys: [] },
    );
    const bodies = fc.oneof(
      fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
      fc.json().map((text) => Buffer.from(text)),
      fc.string({ maxLength: 100 }).map((text) => Buffer.from(text)),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...methods),
        fc.constantFrom(...paths),
        headers,
        bodies,
        async (method, path, headerValues, rawBody) => {
          const res = await engine.handle(request(method, path, headerValues, rawBody));
          expect(res.status).toBeLessThan(500);
          expect(res.headers['x-uphold-request-id']).toBeDefined();
          if (res.status >= 400) {
            const body: unknown = res.body;
            const shaped =
              typeof body === 'object' &&
              body !== null &&
              (('code' in body && 'message' in body) || ('error' in body && 'error_description' in body));
            expect(shaped).toBe(true);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
