import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gustoEngine, legacyRefresh } from './gusto-sandbox.js';

const paths = [
  '/oauth/token',
  '/oauth/revoke',
  '/oauth/authorize',
  '/v1/token_info',
  '/v1/companies/7b1d0df1-6a6b-4c1e-9b0e-2f8a5c3d4e51',
  '/v1/companies/%E0%A4%A/employees',
  '/v1/partner_managed_companies',
];

function shapeIsGusto(body: unknown): boolean {
  if (body === null || typeof body !== 'object') return false;
  const fields = new Map(Object.entries(body));
  const errors = fields.get('errors');
  if (Array.isArray(errors)) return errors.length > 0;
  return typeof fields.get('error') === 'string' && typeof fields.get('error_description') === 'string';
}

describe('Gusto dialect under random bytes (engine level)', () => {
  it('answers every request below 500, errors in the Gusto or RFC 6749 shape', async () => {
    const engine = await gustoEngine();
    const bodies = fc.oneof(
      fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
      fc.jsonValue().map((value) => Buffer.from(JSON.stringify(value) ?? '')),
      fc
        .record({
          grant_type: fc.constantFrom(
            'refresh_token',
            'strict_access',
            'system_access',
            'authorization_code',
            'x',
          ),
          refresh_token: fc.constantFrom(legacyRefresh, ''),
        })
        .map((fields) =>
          Buffer.from(
            JSON.stringify({ client_id: 'gusto-client', client_secret: 'gusto-secret', ...fields }),
          ),
        ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.constantFrom('GET', 'POST', 'PATCH', 'HEAD'),
        fc.dictionary(
          fc.constantFrom('content-type', 'authorization', 'x-gusto-api-version', 'accept'),
          fc.string(),
        ),
        fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 20 })),
        bodies,
        async (path, method, headers, query, rawBody) => {
          const res = await engine.handle({
            provider: 'gusto',
            method,
            path,
            query: new URLSearchParams(query),
            headers,
            rawBody,
          });
          expect(res.status).toBeLessThan(500);
          expect(res.headers['x-gusto-api-version']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          if (res.status >= 400 && typeof res.body !== 'string')
            expect(shapeIsGusto(res.body), JSON.stringify(res.body)).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
