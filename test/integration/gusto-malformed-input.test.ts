import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/index.js';
import { acme, startGusto } from './gusto-sandbox.js';

function send(server: RunningServer, path: string, init: RequestInit & { headers?: Record<string, string> }) {
  return fetch(`${server.url}/gusto${path}`, { method: 'POST', redirect: 'manual', ...init });
}

async function oauthError(res: Response): Promise<string> {
  const body = (await res.json()) as { error: string; error_description: string };
  expect(typeof body.error_description).toBe('string');
  return body.error;
}

const creds = { client_id: 'gusto-client', client_secret: 'gusto-secret' };

describe('Gusto answers malformed input with 4xx in its own shapes', () => {
  it('refuses bodies the token endpoint cannot read with invalid_request', async () => {
    const server = await startGusto();
    const cases: { body: string; type?: string }[] = [
      { body: '{"grant_type":', type: 'application/json' },
      { body: '[1,2]', type: 'application/json' },
      { body: 'null', type: 'application/json' },
      { body: 'grant_type=system_access', type: 'text/plain' },
      { body: 'grant_type=system_access' },
      {
        body: 'grant_type=system_access&grant_type=refresh_token',
        type: 'application/x-www-form-urlencoded',
      },
      { body: JSON.stringify({ ...creds, grant_type: 7 }), type: 'application/json' },
      {
        body: JSON.stringify({ ...creds, grant_type: 'system_access', client_id: ['a'] }),
        type: 'application/json',
      },
      { body: JSON.stringify(creds), type: 'application/json' },
      { body: '', type: 'application/json' },
    ];
    for (const { body, type } of cases) {
      const res = await send(server, '/oauth/token', { body, headers: type ? { 'content-type': type } : {} });
      expect(res.status, `${type} ${body}`).toBe(400);
      expect(await oauthError(res)).toBe('invalid_request');
    }
  });

  it('takes a form body as well as JSON', async () => {
    const server = await startGusto();
    const res = await send(server, '/oauth/token', {
      body: new URLSearchParams({ ...creds, grant_type: 'system_access' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(200);
  });

  it('refuses an unknown grant type, a missing client and a secret in the URL', async () => {
    const server = await startGusto();
    const json = { 'content-type': 'application/json' };
    const unknown = await send(server, '/oauth/token', {
      body: JSON.stringify({ ...creds, grant_type: 'password' }),
      headers: json,
    });
    expect(unknown.status).toBe(400);
    expect(await oauthError(unknown)).toBe('unsupported_grant_type');
    const anonymous = await send(server, '/oauth/token', {
      body: JSON.stringify({ grant_type: 'system_access' }),
      headers: json,
    });
    expect(anonymous.status).toBe(401);
    expect(await oauthError(anonymous)).toBe('invalid_client');
    const inUrl = await send(server, '/oauth/token?client_secret=gusto-secret', {
      body: JSON.stringify({ ...creds, grant_type: 'system_access' }),
      headers: json,
    });
    expect(inUrl.status).toBe(400);
    expect(await oauthError(inUrl)).toBe('invalid_request');
  });

  it('answers bodies over 1 MiB with 413 (RFC 6749 at the OAuth endpoints) and wrong methods with 405', async () => {
    const server = await startGusto();
    const padding = JSON.stringify({ padding: 'x'.repeat(1024 * 1024 + 10) });
    for (const path of ['/oauth/token', '/oauth/revoke']) {
      const big = await send(server, path, {
        body: padding,
        headers: { 'content-type': 'application/json' },
      });
      expect(big.status).toBe(413);
      expect(await big.json()).toEqual({ error: 'invalid_request', error_description: expect.any(String) });
    }
    const bigApi = await send(server, '/v1/partner_managed_companies', {
      body: padding,
      headers: { 'content-type': 'application/json' },
    });
    expect(bigApi.status).toBe(413);
    expect(await bigApi.json()).toMatchObject({ errors: [{ category: 'invalid_parameter' }] });
    const wrongMethod = await fetch(`${server.url}/gusto/oauth/token`);
    expect(wrongMethod.status).toBe(405);
    expect(await wrongMethod.json()).toMatchObject({ errors: [{ error_key: 'request' }] });
    const put = await fetch(`${server.url}/gusto/v1/companies/${acme}`, { method: 'DELETE' });
    expect(put.status).toBe(405);
  });

  it('answers missing and malformed bearer credentials with 401 and a challenge', async () => {
    const server = await startGusto();
    for (const authorization of [undefined, 'Basic Z3VzdG86c2VjcmV0', 'Bearer', 'Bearer a b', 'bearer ???']) {
      const res = await fetch(`${server.url}/gusto/v1/token_info`, {
        headers: authorization === undefined ? {} : { authorization },
      });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm="Doorkeeper"/);
      expect(await res.json()).toMatchObject({ errors: [{ error_key: 'base', category: 'invalid_token' }] });
    }
  });

  it('never answers random requests with a 5xx or an unknown body shape', async () => {
    const server = await startGusto();
    const printable = fc.string({
      unit: fc.constantFrom(...' !#$%&()*+,-./0123456789:;<=>?@ABCXYZ[]^_`abcxyz{|}~'.split('')),
    });
    const request = fc.record({
      method: fc.constantFrom('GET', 'POST', 'PUT'),
      path: fc.constantFrom(
        '/oauth/token',
        '/oauth/revoke',
        '/oauth/authorize',
        '/v1/token_info',
        `/v1/companies/${acme}`,
        `/v1/companies/${acme}/employees`,
        '/v1/partner_managed_companies',
      ),
      query: fc.dictionary(
        fc.constantFrom('client_id', 'redirect_uri', 'response_type', 'company_uuid', 'auto_approve', 'x'),
        printable,
      ),
      contentType: fc.option(
        fc.constantFrom(
          'application/json',
          'application/x-www-form-urlencoded',
          'text/plain',
          'application/foo+json',
          'multipart/form-data',
        ),
      ),
      version: fc.option(
        fc.oneof(printable, fc.constantFrom('2023-04-01', '2025-06-15', '2099-01-01', '2024-02-30')),
      ),
      authorization: fc.option(
        fc.oneof(
          printable,
          printable.map((t) => `Bearer ${t}`),
        ),
      ),
      body: fc.oneof(
        fc.string(),
        fc.json(),
        fc
          .dictionary(
            fc.constantFrom(
              'grant_type',
              'client_id',
              'client_secret',
              'refresh_token',
              'access_token',
              'code',
              'token',
              'user',
              'company',
            ),
            fc.jsonValue(),
          )
          .map((o) => JSON.stringify(o)),
        fc.constant(JSON.stringify({ ...creds, grant_type: 'system_access' })),
      ),
    });
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const headers: Record<string, string> = {};
        if (r.contentType !== null) headers['content-type'] = r.contentType;
        if (r.version !== null) headers['x-gusto-api-version'] = r.version;
        if (r.authorization !== null) headers.authorization = r.authorization;
        const query = new URLSearchParams(r.query).toString();
        const res = await fetch(`${server.url}/gusto${r.path}${query ? `?${query}` : ''}`, {
          method: r.method,
          headers,
          redirect: 'manual',
          ...(r.method === 'GET' ? {} : { body: r.body }),
        });
        expect(res.status).toBeLessThan(500);
        expect(res.headers.get('x-gusto-api-version')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        const type = res.headers.get('content-type') ?? '';
        if (res.status >= 400 && type.includes('json')) {
          const body = (await res.json()) as Record<string, unknown>;
          const gusto = Array.isArray(body.errors) && body.errors.length > 0;
          const oauth = typeof body.error === 'string' && typeof body.error_description === 'string';
          expect(gusto || oauth, JSON.stringify(body)).toBe(true);
        } else {
          await res.arrayBuffer();
        }
      }),
      { numRuns: 250 },
    );
  });
});
