import { setupServer } from 'msw/node';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, fixedClock, type InProcessSandbox, packageRoot } from '../../src/index.js';
import { createPrismLayer } from '../../src/prism/layer.js';
import { dialects } from '../../src/providers/registry.js';

// Every stateful exchange is validated against the provider's document, as in the HTTP suite.
const prism = createPrismLayer({ root: packageRoot, mode: 'collect' });
beforeAll(() => prism.warm(dialects), 60_000);

const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
  expect(prism.takeViolations()).toEqual([]);
});

/** A sandbox of its own for each test, its handlers installed with msw; unhandled requests fail the test. */
async function inProcess(): Promise<InProcessSandbox> {
  const sandbox = await createSandbox({
    scenario: 'scenarios/default.yaml',
    clock: fixedClock('2026-01-01T00:00:00Z'),
    inspector: prism.inspector,
  });
  const server = setupServer(...sandbox.mswHandlers());
  server.listen({ onUnhandledRequest: 'error' });
  closers.push(() => server.close());
  return sandbox;
}

function postForm(url: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

const tinkToken = 'https://api.tink.com/api/v1/oauth/token';
const tinkClient = { client_id: 'tink-client', client_secret: 'tink-secret' };
const hurdlrToken = 'https://sandbox.hurdlr.com/rest/v4/auth/token';
const hurdlrClient = { client_id: 'hurdlr-client', client_secret: 'hurdlr-secret' };
const seededHurdlrRefreshToken =
  '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0.00112233445566778899aabbccddeeff';

async function tinkClientToken(scope = 'user:create', host = 'api.tink.com'): Promise<Response> {
  return postForm(`https://${host}/api/v1/oauth/token`, {
    ...tinkClient,
    grant_type: 'client_credentials',
    scope,
  });
}

async function accessToken(res: Response): Promise<string> {
  expect(res.status).toBe(200);
  const body: unknown = await res.json();
  if (typeof body !== 'object' || body === null || !('access_token' in body)) throw new Error('no token');
  return String(body.access_token);
}

function createTinkUser(token: string, externalUserId: string): Promise<Response> {
  return fetch('https://api.tink.com/api/v1/user/create', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ external_user_id: externalUserId, market: 'GB', locale: 'en_US' }),
  });
}

describe('in-process mode (msw)', () => {
  it('answers Tink’s real token URL on api.tink.com and api.us.tink.com from the same engine', async () => {
    const sandbox = await inProcess();
    const res = await tinkClientToken();
    expect(await res.json()).toEqual({
      access_token: expect.any(String),
      token_type: 'bearer',
      expires_in: 1800,
      scope: 'user:create',
    });
    const us = await tinkClientToken('user:create', 'api.us.tink.com');
    const token = await accessToken(us);
    expect((await createTinkUser(token, 'ext-in-process')).status).toBe(200);
    expect(await sandbox.engine.store.list('user', 'tink')).toContainEqual(
      expect.objectContaining({ externalUserId: 'ext-in-process' }),
    );
  });

  it('strips Hurdlr’s /rest base path: refresh, then use the token, on sandbox.hurdlr.com/rest', async () => {
    const sandbox = await inProcess();
    const res = await postForm(hurdlrToken, {
      ...hurdlrClient,
      grant_type: 'refresh_token',
      refresh_token: seededHurdlrRefreshToken,
    });
    const body = await res.clone().json();
    expect(body).toMatchObject({ expires_in: 7776000, scope: 'token' });
    const token = await accessToken(res);
    const info = await fetch('https://sandbox.hurdlr.com/rest/v4/auth/userInfo', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(info.status).toBe(200);
    expect(sandbox.journal.list({ provider: 'hurdlr' }).map((e) => e.path)).toEqual([
      '/v4/auth/token',
      '/v4/auth/userInfo',
    ]);
  });

  it('serves every provider’s real host', async () => {
    await inProcess();
    const basic = (id: string, secret: string) =>
      `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
    const tight = await postForm(
      'https://sandbox.tight.com/v6/auth/token',
      { grant_type: 'client_credentials' },
      { authorization: basic('tight-client', 'tight-secret') },
    );
    expect(tight.status).toBe(200);
    const uphold = await postForm(
      'https://api.enterprise.sandbox.uphold.com/core/oauth2/token',
      { grant_type: 'client_credentials', scope: 'core.users:read' },
      { authorization: basic('uphold-client', 'uphold-secret') },
    );
    expect(uphold.status).toBe(200);
    expect(uphold.headers.get('x-uphold-request-id')).toEqual(expect.any(String));
    for (const host of ['api.gusto-demo.com', 'api.gusto.com']) {
      const gusto = await fetch(`https://${host}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          client_id: 'gusto-client',
          client_secret: 'gusto-secret',
          grant_type: 'system_access',
        }),
      });
      expect(gusto.status).toBe(200);
    }
  });

  it('expires a token when the sandbox clock moves past its lifetime', async () => {
    const sandbox = await inProcess();
    const token = await accessToken(await tinkClientToken());
    sandbox.clock.advance(1799);
    expect((await createTinkUser(token, 'ext-before')).status).toBe(200);
    sandbox.clock.advance(1);
    const expired = await createTinkUser(token, 'ext-after');
    expect(expired.status).toBe(401);
    expect(sandbox.clock.now().toISOString()).toBe('2026-01-01T00:30:00.000Z');
  });

  it('resets state, clock, faults and journal, even when reset() is not awaited', async () => {
    const sandbox = await inProcess();
    const token = await accessToken(await tinkClientToken());
    expect((await createTinkUser(token, 'ext-reset')).status).toBe(200);
    sandbox.faults.add({ provider: 'tink', status: 503, times: 0 });
    sandbox.clock.advance(3600);
    // The pinned usage: no await. Requests through the handlers wait for the re-seed.
    void sandbox.reset();
    expect(sandbox.clock.now().toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(sandbox.faults.list()).toEqual([]);
    const fresh = await accessToken(await tinkClientToken());
    expect((await createTinkUser(fresh, 'ext-reset')).status).toBe(200);
    expect((await createTinkUser(token, 'ext-other')).status).toBe(401);
    expect(sandbox.journal.list().map((e) => e.path)).toEqual([
      '/api/v1/oauth/token',
      '/api/v1/user/create',
      '/api/v1/user/create',
    ]);
  });

  it('answers a scripted 429 with Retry-After, then recovers', async () => {
    const sandbox = await inProcess();
    const id = sandbox.faults.add({
      provider: 'tink',
      method: 'POST',
      path: '/api/v1/oauth/token',
      status: 429,
    });
    expect(sandbox.faults.list()).toEqual([expect.objectContaining({ id, status: 429, remaining: 1 })]);
    const limited = await tinkClientToken();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(await limited.json()).toMatchObject({ errorCode: 'TOO_MANY_REQUESTS' });
    expect((await tinkClientToken()).status).toBe(200);
    expect(sandbox.faults.list()).toEqual([]);
  });

  it('drops the connection for reset-connection: fetch rejects, and the next call works', async () => {
    const sandbox = await inProcess();
    sandbox.faults.add({ provider: 'hurdlr', path: '/v4/auth/token', action: 'reset-connection' });
    const fields = { ...hurdlrClient, grant_type: 'refresh_token', refresh_token: seededHurdlrRefreshToken };
    await expect(postForm(hurdlrToken, fields)).rejects.toThrow(TypeError);
    expect((await postForm(hurdlrToken, fields)).status).toBe(200);
  });

  it('serves a provider-shaped named error for the next refresh', async () => {
    const sandbox = await inProcess();
    sandbox.faults.add({ provider: 'hurdlr', path: '/v4/auth/token', error: 'invalid_grant' });
    const fields = { ...hurdlrClient, grant_type: 'refresh_token', refresh_token: seededHurdlrRefreshToken };
    const failed = await postForm(hurdlrToken, fields);
    expect(failed.status).toBe(400);
    expect(await failed.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses an invalid fault with every problem named', async () => {
    const sandbox = await inProcess();
    expect(() => sandbox.faults.add({ status: 50, delayMs: -1 })).toThrow(
      /fault is not valid:\n {2}status: .*\n {2}delayMs: /,
    );
  });

  it('answers 413 in the provider’s shape for a body over 1 MiB', async () => {
    await inProcess();
    const res = await postForm(tinkToken, {
      ...tinkClient,
      grant_type: 'client_credentials',
      pad: 'x'.repeat(1024 * 1024),
    });
    expect(res.status).toBe(413);
  });

  it('journals each request with its status and filters, secrets redacted', async () => {
    const sandbox = await inProcess();
    const token = await accessToken(await tinkClientToken());
    await createTinkUser(token, 'ext-journal');
    sandbox.clock.advance(1800);
    await createTinkUser(token, 'ext-late');
    const entries = sandbox.journal.list({ provider: 'tink' });
    expect(entries.map((e) => [e.method, e.path, e.status, e.time])).toEqual([
      ['POST', '/api/v1/oauth/token', 200, '2026-01-01T00:00:00.000Z'],
      ['POST', '/api/v1/user/create', 200, '2026-01-01T00:00:00.000Z'],
      ['POST', '/api/v1/user/create', 401, '2026-01-01T00:30:00.000Z'],
    ]);
    expect(sandbox.journal.list({ status: 401 })).toHaveLength(1);
    expect(sandbox.journal.list({ since: '2026-01-01T00:10:00Z' })).toHaveLength(1);
    expect(sandbox.journal.list({ limit: 1 })[0]?.status).toBe(401);
    const json = JSON.stringify(entries);
    expect(json).not.toContain('tink-secret');
    expect(json).not.toContain(token);
  });

  it('keeps tenants’ clocks and faults apart, routed by their client ids', async () => {
    const sandbox = await inProcess();
    const [a, b] = await Promise.all([sandbox.tenants.create(), sandbox.tenants.create()]);
    const clientOf = (tenant: typeof a) => tenant.credentials.tink?.[0] ?? { clientId: '', clientSecret: '' };
    const tokenFor = (tenant: typeof a) =>
      postForm(tinkToken, {
        client_id: clientOf(tenant).clientId,
        client_secret: clientOf(tenant).clientSecret,
        grant_type: 'client_credentials',
        scope: 'user:create',
      });
    for (const tenant of [a, b]) {
      // Freeze first: set-then-freeze would keep the milliseconds that pass in between.
      sandbox.tenants.get(tenant.id)?.clock.freeze(true);
      sandbox.tenants.get(tenant.id)?.clock.set(Date.parse('2026-01-01T00:00:00Z'));
    }
    sandbox.tenants.get(a.id)?.faults.add({ provider: 'tink', status: 503 });
    sandbox.tenants.get(b.id)?.clock.advance(86_400);
    const [inA, inB] = await Promise.all([tokenFor(a), tokenFor(b)]);
    expect(inA.status).toBe(503);
    const tokenB = await accessToken(inB);
    expect((await createTinkUser(tokenB, 'ext-b')).status).toBe(200);
    expect(
      sandbox.tenants
        .get(b.id)
        ?.journal.list()
        .map((e) => e.time),
    ).toEqual(['2026-01-02T00:00:00.000Z', '2026-01-02T00:00:00.000Z']);
    expect(sandbox.journal.list()).toEqual([]);
  });
});

describe('the URL of an in-process request', () => {
  const consent = `https://api.gusto-demo.com/oauth/authorize?${new URLSearchParams({
    client_id: 'gusto-client',
    redirect_uri: 'http://localhost:3000/callback',
    response_type: 'code',
    state: 'query-state',
  })}`;
  const secretInUrl = 'https://api.gusto-demo.com/oauth/token?client_secret=gusto-secret';
  const systemToken = {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: 'gusto-client', grant_type: 'system_access' }),
  };

  it('reaches the provider with its path and query string through msw', async () => {
    await inProcess();
    const page = await fetch(consent);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('query-state');
    const refused = await fetch(secretInUrl, systemToken);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('reaches the provider with its path and query string through sandbox.fetch', async () => {
    const sandbox = await createSandbox({ clock: fixedClock('2026-01-01T00:00:00Z') });
    const page = await sandbox.fetch(consent);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('query-state');
    const refused = await sandbox.fetch(secretInUrl, systemToken);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: 'invalid_request' });
  });
});

describe('in-process mode without msw', () => {
  it('serves the real provider URLs through sandbox.fetch, for clients that take a custom fetch', async () => {
    const sandbox = await createSandbox({ clock: fixedClock('2026-01-01T00:00:00Z') });
    const res = await sandbox.fetch(tinkToken, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...tinkClient, grant_type: 'client_credentials', scope: 'user:create' }),
    });
    expect(res.status).toBe(200);
    sandbox.faults.add({ provider: 'tink', action: 'reset-connection' });
    await expect(sandbox.fetch(tinkToken, { method: 'POST' })).rejects.toThrow('fetch failed');
    expect(sandbox.journal.list()).toHaveLength(2);
  });

  it('also serves the same sandbox over HTTP with listen()', async () => {
    const sandbox = await createSandbox({ clock: fixedClock('2026-01-01T00:00:00Z') });
    const server = await sandbox.listen();
    try {
      const res = await postForm(`${server.url}/tink/api/v1/oauth/token`, {
        ...tinkClient,
        grant_type: 'client_credentials',
        scope: 'user:create',
      });
      expect(res.status).toBe(200);
      expect(sandbox.journal.list()).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});
