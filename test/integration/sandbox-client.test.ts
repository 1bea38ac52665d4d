import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createSandboxClient, type SandboxClient, SandboxControlError } from '../../src/index.js';
import { bearer, postForm, postJson, startTestServer } from '../support/server.js';
import { upholdClientToken } from '../support/tokens.js';

async function sandbox(): Promise<{ url: string; client: SandboxClient }> {
  const server = await startTestServer();
  return { url: server.url, client: createSandboxClient(server.url) };
}

interface Credential {
  clientId: string;
  clientSecret: string;
}

function tinkToken(url: string, client: Credential, scope = 'user:create'): Promise<Response> {
  return postForm(`${url}/tink/api/v1/oauth/token`, {
    client_id: client.clientId,
    client_secret: client.clientSecret,
    grant_type: 'client_credentials',
    scope,
  });
}

async function accessToken(res: Response): Promise<string> {
  expect(res.status).toBe(200);
  const body = (await res.json()) as { access_token: string };
  return body.access_token;
}

const tinkDefault = { clientId: 'tink-client', clientSecret: 'tink-secret' };
const createUser = (url: string, token: string, externalUserId: string) =>
  postJson(
    `${url}/tink/api/v1/user/create`,
    { external_user_id: externalUserId, market: 'GB', locale: 'en_US' },
    bearer(token),
  );

describe('the typed control-plane client', () => {
  it('checks health and moves, sets and freezes the clock', async () => {
    const { client } = await sandbox();
    expect(await client.health()).toEqual({ status: 'ok' });
    expect(await client.clock()).toEqual({ now: '2026-01-01T00:00:00.000Z', frozen: true });
    expect(await client.advanceClock(90 * 86_400)).toEqual({ now: '2026-04-01T00:00:00.000Z', frozen: true });
    expect((await client.setClock('2026-06-01T12:00:00Z')).now).toBe('2026-06-01T12:00:00.000Z');
    expect((await client.freezeClock(false)).frozen).toBe(false);
    expect((await client.freezeClock()).frozen).toBe(true);
  });

  it('is an openapi-fetch client itself, and also hands it over as `api`', async () => {
    const { client } = await sandbox();
    const { data, response } = await client.GET('/__sandbox/health');
    expect(response.status).toBe(200);
    expect(data).toEqual({ status: 'ok' });
    const advanced = await client.POST('/__sandbox/clock', { body: { advanceSeconds: 60 } });
    expect(advanced.data?.now).toBe('2026-01-01T00:01:00.000Z');
    const state = await client.api.GET('/__sandbox/state');
    expect(state.response.status).toBe(200);
    expect(state.data?.accessTokens).toEqual([]);
  });

  it('injects a fault, lists it, and the provider answers 429 once then recovers', async () => {
    const { url, client } = await sandbox();
    const id = await client.injectFault({ provider: 'tink', path: '/api/v1/oauth/token', status: 429 });
    expect(await client.listFaults()).toEqual([expect.objectContaining({ id, status: 429 })]);
    expect((await tinkToken(url, tinkDefault)).status).toBe(429);
    expect((await tinkToken(url, tinkDefault)).status).toBe(200);
    await client.injectFault({ provider: 'tink', times: 0, action: 'reset-connection' });
    await expect(tinkToken(url, tinkDefault)).rejects.toThrow();
    await client.clearFaults();
    expect(await client.listFaults()).toEqual([]);
    expect((await tinkToken(url, tinkDefault)).status).toBe(200);
  });

  it('deletes one fault by id', async () => {
    const { client } = await sandbox();
    const id = await client.injectFault({ provider: 'gusto', status: 503, times: 0 });
    await client.deleteFault(id);
    expect(await client.listFaults()).toEqual([]);
  });

  it('reads the journal with filters', async () => {
    const { url, client } = await sandbox();
    const token = await accessToken(await tinkToken(url, tinkDefault));
    await client.advanceClock(1800);
    expect((await createUser(url, token, 'ext-1')).status).toBe(401);
    const all = await client.requests();
    expect(all.map((e) => [e.provider, e.path, e.status])).toEqual([
      ['tink', '/api/v1/oauth/token', 200],
      ['tink', '/api/v1/user/create', 401],
    ]);
    expect(await client.requests({ status: 401 })).toHaveLength(1);
    expect(await client.requests({ since: new Date(Date.parse('2026-01-01T00:10:00Z')) })).toHaveLength(1);
    expect(await client.requests({ path: '/tink/api/v1/oauth', limit: 5 })).toHaveLength(1);
    expect(await client.requests({ provider: 'gusto' })).toEqual([]);
  });

  it('expires and revokes tokens', async () => {
    const { url, client } = await sandbox();
    const first = await accessToken(await tinkToken(url, tinkDefault));
    expect(await client.expireToken(first)).toEqual({ token: expect.any(String), status: 'expired' });
    expect((await createUser(url, first, 'ext-expired')).status).toBe(401);
    const second = await accessToken(await tinkToken(url, tinkDefault));
    expect((await client.revokeToken(second)).status).toBe('revoked');
    expect((await createUser(url, second, 'ext-revoked')).status).toBe(401);
  });

  it('throws the control plane’s own message on a non-2xx answer', async () => {
    const { client } = await sandbox();
    const unknown = client.expireToken('no-such-token');
    await expect(unknown).rejects.toThrow(SandboxControlError);
    await expect(unknown).rejects.toThrow(
      'auth-sandbox: POST /__sandbox/tokens/expire answered 404 not_found: No such token in this sandbox.',
    );
    await expect(client.injectFault({ status: 50 })).rejects.toMatchObject({
      status: 400,
      code: 'invalid_fault',
      problems: [expect.objectContaining({ path: 'status' })],
    });
    await expect(createSandboxClient(client.baseUrl, { tenant: 't_missing' }).clock()).rejects.toThrow(
      /404 not_found: No tenant t_missing/,
    );
  });

  it('loads a scenario from YAML text or data, and names every problem of a bad one', async () => {
    const { url, client } = await sandbox();
    const yaml =
      'providers:\n  tink:\n    clients: [{ clientId: yaml-client, clientSecret: yaml-secret, scopes: [user:create] }]\n';
    expect(await client.loadScenario(yaml)).toEqual({ status: 'loaded', providers: ['tink'] });
    expect((await tinkToken(url, { clientId: 'yaml-client', clientSecret: 'yaml-secret' })).status).toBe(200);
    await client.loadScenario({
      providers: {
        tink: {
          clients: [{ clientId: 'data-client', clientSecret: 'data-secret', scopes: ['user:create'] }],
        },
      },
    });
    expect((await tinkToken(url, { clientId: 'data-client', clientSecret: 'data-secret' })).status).toBe(200);
    expect((await tinkToken(url, { clientId: 'yaml-client', clientSecret: 'yaml-secret' })).status).toBe(401);
    await expect(client.loadScenario({ providers: { tink: { clients: [{}] } } })).rejects.toThrow(
      /400 invalid_scenario: The scenario is not valid\.\n {2}providers\.tink\.clients\[0\]\.clientId: is required/,
    );
  });

  it('reads the state whole, or only the newest of each list, still oldest first', async () => {
    const { url, client } = await sandbox();
    const tokens: string[] = [];
    for (let i = 0; i < 5; i++) tokens.push(await accessToken(await tinkToken(url, tinkDefault)));
    const token = (t: { token: string }) => t.token;
    const all = (await client.state()).accessTokens.map(token);
    expect(all).toHaveLength(5);
    const newest = (await client.state({ limit: 2 })).accessTokens.map(token);
    expect(newest).toEqual(all.slice(3));
    expect((await client.state({ limit: 0 })).accessTokens).toEqual([]);
    expect((await fetch(`${url}/__sandbox/state?limit=many`)).status).toBe(400);
    expect((await fetch(`${url}/__sandbox/state?limit=1&limit=2`)).status).toBe(400);
  });

  it('streams a large state a chunk at a time, and goes on serving when a client leaves mid-way', async () => {
    const server = await startTestServer();
    const issuedAt = server.engine.clock.now();
    const count = 30_000;
    for (let i = 0; i < count; i++) {
      await server.engine.store.upsert('accessToken', upholdClientToken('streamed', i, issuedAt));
    }
    const res = await fetch(`${server.url}/__sandbox/state`);
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    const state = (await res.json()) as { accessTokens: { status: string; expiresInSeconds: number }[] };
    expect(state.accessTokens).toHaveLength(count);
    expect(state.accessTokens.every((t) => t.status === 'active' && t.expiresInSeconds === 600)).toBe(true);
    // A client that reads the first bytes and hangs up: the server stops writing and serves on.
    const { port } = server;
    await new Promise<void>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write('GET /__sandbox/state HTTP/1.1\r\nHost: localhost\r\n\r\n');
      });
      socket.once('data', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', reject);
    });
    expect((await fetch(`${server.url}/__sandbox/health`)).status).toBe(200);
    expect((await createSandboxClient(server.url).state({ limit: 1 })).accessTokens).toHaveLength(1);
  });

  it('reads the store as it streams: a sweep while the reader waits leaves each token that stays listed once', async () => {
    const server = await startTestServer();
    const issuedAt = server.engine.clock.now();
    // More JSON (~45 MB) than loopback socket buffers hold (at most 32 + 4 MB on these machines): the server waits.
    const count = 150_000;
    // Two tokens in three expire after a minute, the third lives on: swept, they outnumber the rest.
    for (let i = 0; i < count; i++) {
      const lifetime = i % 3 === 0 ? 600_000 : 60_000;
      server.engine.store.upsertNow?.(
        'accessToken',
        upholdClientToken('walked', i, issuedAt, lifetime, `client-${i}`),
      );
    }
    const res = await fetch(`${server.url}/__sandbox/state`);
    const reader = res.body?.getReader();
    if (!reader) throw new Error('no body');
    const first = await reader.read();
    // The reader waits; the server, its socket full, waits mid-list. Meanwhile the minute passes.
    server.engine.clock.advance(61);
    expect(await server.engine.store.sweep(server.engine.clock.now())).toBe(count - count / 3);
    const chunks = [Buffer.from(first.value ?? new Uint8Array())];
    for (let next = await reader.read(); !next.done; next = await reader.read())
      chunks.push(Buffer.from(next.value));
    const state = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
      accessTokens: { clientId: string }[];
    };
    const listed = state.accessTokens.map((t) => Number(t.clientId.slice(7)));
    const kept = listed.filter((i) => i % 3 === 0);
    expect(kept).toEqual(Array.from({ length: count / 3 }, (_, k) => 3 * k));
    // Some swept tokens were listed before the sweep, the others not at all: the walk was under way.
    expect(listed.length).toBeGreaterThan(count / 3);
    expect(listed.length).toBeLessThan(count);
  });

  it('resets the sandbox', async () => {
    const { url, client } = await sandbox();
    await tinkToken(url, tinkDefault);
    await client.advanceClock(60);
    await client.injectFault({ provider: 'tink', status: 503 });
    await client.reset();
    expect(await client.requests()).toEqual([]);
    expect(await client.listFaults()).toEqual([]);
    expect((await client.state()).accessTokens).toEqual([]);
  });

  it('sends the admin token when the server needs one', async () => {
    const server = await startTestServer();
    const { listen } = await import('../../src/server/server.js');
    const guarded = await listen(server.tenants, { port: 0, adminToken: 'let-me-in' });
    try {
      await expect(createSandboxClient(guarded.url).health()).rejects.toThrow(/401 unauthorized/);
      expect(await createSandboxClient(guarded.url, { adminToken: 'let-me-in' }).health()).toEqual({
        status: 'ok',
      });
    } finally {
      await guarded.close();
    }
  });
});

describe('tenants through the typed client', () => {
  it('runs two tenants in parallel whose clocks and faults differ', async () => {
    const { url, client } = await sandbox();
    const [a, b] = await Promise.all([client.createTenant(), client.createTenant()]);
    expect(a.client.tenant).toBe(a.id);
    const clientA = a.credentials.tink?.[0];
    const clientB = b.credentials.tink?.[0];
    if (!clientA || !clientB) throw new Error('the tenants have no Tink client');

    await Promise.all([
      a.client.freezeClock().then(() => a.client.setClock('2026-03-01T00:00:00Z')),
      b.client.freezeClock().then(() => b.client.setClock('2027-01-01T00:00:00Z')),
      a.client.injectFault({ provider: 'tink', path: '/api/v1/user/create', status: 503, times: 0 }),
      b.client.injectFault({ provider: 'tink', path: '/api/v1/oauth/token', error: 'rate_limited' }),
    ]);

    const [tokenA, limitedB] = await Promise.all([tinkToken(url, clientA), tinkToken(url, clientB)]);
    expect(limitedB.status).toBe(429);
    const tokenB = await accessToken(await tinkToken(url, clientB));
    const [userA, userB] = await Promise.all([
      createUser(url, await accessToken(tokenA), 'ext-a'),
      createUser(url, tokenB, 'ext-b'),
    ]);
    expect(userA.status).toBe(503);
    expect(userB.status).toBe(200);

    await a.client.advanceClock(3600);
    expect((await a.client.clock()).now).toBe('2026-03-01T01:00:00.000Z');
    expect((await b.client.clock()).now).toBe('2027-01-01T00:00:00.000Z');
    expect(await a.client.listFaults()).toEqual([expect.objectContaining({ status: 503 })]);
    expect(await b.client.listFaults()).toEqual([]);

    const journalA = await a.client.requests();
    const journalB = await b.client.requests();
    expect(journalA.map((e) => [e.path, e.status, e.time])).toEqual([
      ['/api/v1/oauth/token', 200, '2026-03-01T00:00:00.000Z'],
      ['/api/v1/user/create', 503, '2026-03-01T00:00:00.000Z'],
    ]);
    expect(journalB.map((e) => [e.path, e.status, e.time])).toEqual([
      ['/api/v1/oauth/token', 429, '2027-01-01T00:00:00.000Z'],
      ['/api/v1/oauth/token', 200, '2027-01-01T00:00:00.000Z'],
      ['/api/v1/user/create', 200, '2027-01-01T00:00:00.000Z'],
    ]);
    expect(await client.requests()).toEqual([]);
    expect((await client.clock()).now).toBe('2026-01-01T00:00:00.000Z');
  });
});

describe('the journal keeps no secret', () => {
  it('shows no client secret, Authorization header, token or code anywhere in its JSON', async () => {
    const { url, client } = await sandbox();
    const secrets = ['tink-secret', 'hurdlr-secret', 'uphold-secret', 'tight-secret'];
    const basicHeader = `Basic ${Buffer.from('uphold-client:uphold-secret').toString('base64')}`;
    secrets.push(basicHeader.slice('Basic '.length));

    const clientToken = await accessToken(
      await tinkToken(url, tinkDefault, 'authorization:grant,user:create'),
    );
    secrets.push(clientToken);
    const grant = await postForm(
      `${url}/tink/api/v1/oauth/authorization-grant`,
      { user_id: '6e68cc6287704273984567b3300c5822', scope: 'accounts:read' },
      bearer(clientToken),
    );
    const { code } = (await grant.json()) as { code: string };
    secrets.push(code);
    const exchanged = await postForm(`${url}/tink/api/v1/oauth/token`, {
      client_id: 'tink-client',
      client_secret: 'tink-secret',
      grant_type: 'authorization_code',
      code,
    });
    const pair = (await exchanged.json()) as { access_token: string; refresh_token: string };
    secrets.push(pair.access_token, pair.refresh_token);
    await fetch(`${url}/tink/data/v2/accounts`, { headers: bearer(pair.access_token) });

    const seededRefresh =
      '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0.00112233445566778899aabbccddeeff';
    secrets.push(seededRefresh);
    const hurdlr = await postForm(`${url}/hurdlr/v4/auth/token`, {
      client_id: 'hurdlr-client',
      client_secret: 'hurdlr-secret',
      grant_type: 'refresh_token',
      refresh_token: seededRefresh,
    });
    const rotated = (await hurdlr.json()) as { access_token: string; refresh_token: string };
    secrets.push(rotated.access_token, rotated.refresh_token);

    const uphold = await postForm(
      `${url}/uphold/core/oauth2/token`,
      { grant_type: 'client_credentials', scope: 'core.users:read' },
      { authorization: basicHeader },
    );
    secrets.push(await accessToken(uphold));
    const tight = await postForm(
      `${url}/tight/v6/auth/token`,
      { grant_type: 'client_credentials' },
      { authorization: `Basic ${Buffer.from('tight-client:tight-secret').toString('base64')}` },
    );
    secrets.push(await accessToken(tight));
    secrets.push(Buffer.from('tight-client:tight-secret').toString('base64'));

    const journal = await client.requests();
    expect(journal.length).toBeGreaterThanOrEqual(7);
    const json = JSON.stringify(journal);
    for (const secret of secrets) expect(json, `the journal shows ${secret}`).not.toContain(secret);
    // The redacted forms are still there, so that tokens can be told apart.
    expect(json).toContain('[redacted #');
  });
});
