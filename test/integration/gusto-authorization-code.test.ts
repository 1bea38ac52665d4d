import { describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/index.js';
import { advanceClock } from '../support/server.js';
import { acme, api, globex, gustoScenario, postToken, startGusto, type TokenBody } from './gusto-sandbox.js';

const callback = 'http://localhost:3000/callback';

function authorizeUrl(server: RunningServer, params: Record<string, string>): string {
  const query = new URLSearchParams({
    client_id: 'gusto-client',
    redirect_uri: callback,
    response_type: 'code',
    ...params,
  });
  return `${server.url}/gusto/oauth/authorize?${query}`;
}

function approve(server: RunningServer, fields: Record<string, string>): Promise<Response> {
  return fetch(`${server.url}/gusto/oauth/authorize`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_id: 'gusto-client',
      redirect_uri: callback,
      response_type: 'code',
      decision: 'approve',
      ...fields,
    }).toString(),
  });
}

function location(res: Response): URL {
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location') ?? '');
}

/** The CI way: GET with company_uuid and auto_approve=true redirects at once. */
async function codeFor(server: RunningServer, company: string): Promise<string> {
  const res = await fetch(
    authorizeUrl(server, { company_uuid: company, auto_approve: 'true', state: 's1' }),
    {
      redirect: 'manual',
    },
  );
  const url = location(res);
  expect(url.searchParams.get('state')).toBe('s1');
  return url.searchParams.get('code') ?? '';
}

function exchange(server: RunningServer, code: string, redirectUri = callback): Promise<Response> {
  return postToken(server, { grant_type: 'authorization_code', code, redirect_uri: redirectUri });
}

describe('Gusto authorization code flow', () => {
  it('shows a consent page with the client, its scopes and one radio button per company', async () => {
    const server = await startGusto();
    const res = await fetch(authorizeUrl(server, { state: 'xyz' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const page = await res.text();
    expect(page).toContain('gusto-client');
    expect(page).toContain('companies:read');
    expect(page.match(/type="radio" name="company_uuid"/g)).toHaveLength(3);
    expect(page).toContain(`value="${acme}"`);
    expect(page).toContain('name="state" value="xyz"');
  });

  it('escapes HTML in what it shows', async () => {
    const companies = gustoScenario.providers.gusto.companies.map((c) =>
      c.uuid === acme ? { ...c, name: '<script>alert(1)</script>' } : c,
    );
    const server = await startGusto({
      providers: { gusto: { ...gustoScenario.providers.gusto, companies } },
    });
    const page = await (await fetch(authorizeUrl(server, { state: '"><img src=x>' }))).text();
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toContain('"><img src=x>');
  });

  it('issues a code for the one company picked and redirects with code and state', async () => {
    const server = await startGusto();
    const url = location(await approve(server, { company_uuid: globex, state: 'abc' }));
    expect(`${url.origin}${url.pathname}`).toBe(callback);
    expect(url.searchParams.get('state')).toBe('abc');
    const res = await exchange(server, url.searchParams.get('code') ?? '');
    expect(res.status).toBe(200);
    const body = (await res.json()) as Required<TokenBody>;
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 7200 });
    expect(body.refresh_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The token is strict: it works on the newest API version, on its company only.
    const latest = { 'x-gusto-api-version': '2025-06-15' };
    expect((await api(server, `/v1/companies/${globex}`, body.access_token, latest)).status).toBe(200);
    expect((await api(server, `/v1/companies/${acme}`, body.access_token, latest)).status).toBe(403);
  });

  it('refuses a second use of a code and revokes what the first use issued (RFC 6749 §4.1.2)', async () => {
    const server = await startGusto();
    const code = await codeFor(server, acme);
    const first = (await (await exchange(server, code)).json()) as Required<TokenBody>;
    const again = await exchange(server, code);
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ error: 'invalid_grant' });
    expect((await api(server, `/v1/companies/${acme}`, first.access_token)).status).toBe(401);
  });

  it('lets a code live 10 minutes', async () => {
    const server = await startGusto();
    const late = await codeFor(server, acme);
    const inTime = await codeFor(server, acme);
    await advanceClock(server, 599);
    expect((await exchange(server, inTime)).status).toBe(200);
    await advanceClock(server, 1);
    const res = await exchange(server, late);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('binds the code to its redirect_uri and client', async () => {
    const server = await startGusto();
    const wrongUri = await exchange(server, await codeFor(server, acme), 'http://localhost:3000/other');
    expect(wrongUri.status).toBe(400);
    expect(await wrongUri.json()).toMatchObject({ error: 'invalid_grant' });
    const otherClient = await postToken(server, {
      client_id: 'old-client',
      client_secret: 'old-secret',
      grant_type: 'authorization_code',
      code: await codeFor(server, acme),
    });
    expect(otherClient.status).toBe(400);
  });

  it('answers an unknown client or an unregistered redirect_uri with a 400 page, never a redirect', async () => {
    const server = await startGusto();
    for (const params of [
      { client_id: 'nobody' },
      { redirect_uri: 'https://evil.example/cb' },
      { redirect_uri: 'not a url' },
    ]) {
      const res = await fetch(authorizeUrl(server, params), { redirect: 'manual' });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(res.headers.get('location')).toBeNull();
    }
  });

  it('sends other problems back to the client as RFC 6749 §4.1.2.1 errors', async () => {
    const server = await startGusto();
    const badType = location(
      await fetch(authorizeUrl(server, { response_type: 'token', state: 's' }), { redirect: 'manual' }),
    );
    expect(badType.searchParams.get('error')).toBe('unsupported_response_type');
    expect(badType.searchParams.get('state')).toBe('s');
    const badScope = location(
      await fetch(authorizeUrl(server, { scope: 'payrolls:run' }), { redirect: 'manual' }),
    );
    expect(badScope.searchParams.get('error')).toBe('invalid_scope');
    const denied = location(await approve(server, { decision: 'deny', company_uuid: acme, state: 'd' }));
    expect(denied.searchParams.get('error')).toBe('access_denied');
    expect(denied.searchParams.get('state')).toBe('d');
  });

  it('asks again when no company or an unknown company is picked', async () => {
    const server = await startGusto();
    for (const fields of [{}, { company_uuid: 'not-a-company' }]) {
      const res = await approve(server, fields);
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('type="radio"');
    }
    const auto = await fetch(authorizeUrl(server, { auto_approve: 'true' }), { redirect: 'manual' });
    expect(auto.status).toBe(400);
  });

  it('supports PKCE (RFC 7636)', async () => {
    const server = await startGusto();
    const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
    const challenge = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
    const res = await fetch(
      authorizeUrl(server, {
        company_uuid: acme,
        auto_approve: 'true',
        code_challenge: challenge,
        code_challenge_method: 'S256',
      }),
      { redirect: 'manual' },
    );
    const code = location(res).searchParams.get('code') ?? '';
    const without = await exchange(server, code);
    expect(without.status).toBe(400);
    const code2 = location(
      await fetch(
        authorizeUrl(server, {
          company_uuid: acme,
          auto_approve: 'true',
          code_challenge: challenge,
          code_challenge_method: 'S256',
        }),
        { redirect: 'manual' },
      ),
    ).searchParams.get('code');
    const withVerifier = await postToken(server, {
      grant_type: 'authorization_code',
      code: code2,
      redirect_uri: callback,
      code_verifier: verifier,
    });
    expect(withVerifier.status).toBe(200);
  });
});
