import { describe, expect, it } from 'vitest';
import { startServer } from '../../src/index.js';
import { advanceClock, bearer, postJson, startTestServer } from '../support/server.js';
import { tinkClientToken, tinkGrantCode, tinkToken, tinkUserTokens } from '../support/tink.js';

describe('control plane', () => {
  it('answers health', async () => {
    const server = await startTestServer();
    const res = await fetch(`${server.url}/__sandbox/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('reads, sets, advances and freezes the sandbox clock', async () => {
    const server = await startTestServer();
    expect(await (await fetch(`${server.url}/__sandbox/clock`)).json()).toEqual({
      now: '2026-01-01T00:00:00.000Z',
      frozen: true,
    });
    const advanced = await postJson(`${server.url}/__sandbox/clock`, { advanceSeconds: 90 * 86400 });
    expect(await advanced.json()).toEqual({ now: '2026-04-01T00:00:00.000Z', frozen: true });
    const set = await postJson(`${server.url}/__sandbox/clock`, { set: '2030-05-05T05:05:05Z' });
    expect(await set.json()).toEqual({ now: '2030-05-05T05:05:05.000Z', frozen: true });
    const thawed = await postJson(`${server.url}/__sandbox/clock`, { frozen: false });
    expect(((await thawed.json()) as { frozen: boolean }).frozen).toBe(false);
  });

  it.each([
    [{}],
    [{ advanceSeconds: 'ten' }],
    [{ set: 'tomorrow' }],
    [{ frozen: 'yes' }],
    [[1, 2]],
    // Past what a Date can hold, and a date that does not exist (Date.parse would roll it into March).
    [{ advanceSeconds: 9e12 }],
    [{ advanceSeconds: -1e300 }],
    [{ set: '+275760-09-13T00:00:00Z', advanceSeconds: 1 }],
    [{ set: '2026-02-30T00:00:00Z' }],
    [{ frozen: false, advanceSeconds: 1e13 }],
  ])('refuses the clock change %j with 400', async (body) => {
    const server = await startTestServer();
    const res = await postJson(`${server.url}/__sandbox/clock`, body);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_request', message: expect.any(String) });
    // Nothing of a refused change is applied, and the clock still reads.
    const clock = await fetch(`${server.url}/__sandbox/clock`);
    expect(await clock.json()).toEqual({ now: '2026-01-01T00:00:00.000Z', frozen: true });
  });

  it('resets state and the journal back to the scenario', async () => {
    const server = await startTestServer();
    const { access_token } = await tinkUserTokens(server, 'accounts:read');
    const reset = await fetch(`${server.url}/__sandbox/reset`, { method: 'POST' });
    expect(reset.status).toBe(200);
    const after = await fetch(`${server.url}/tink/data/v2/accounts`, { headers: bearer(access_token) });
    expect(after.status).toBe(401);
    const journal = (await (await fetch(`${server.url}/__sandbox/requests`)).json()) as {
      requests: unknown[];
    };
    expect(journal.requests).toHaveLength(1);
  });

  it('journals provider requests newest last, filtered, with every secret redacted', async () => {
    const server = await startTestServer();
    const tokens = await tinkUserTokens(server, 'accounts:read');
    await fetch(`${server.url}/tink/data/v2/accounts`, { headers: bearer(tokens.access_token) });
    await tinkToken(server, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    const res = await fetch(`${server.url}/__sandbox/requests?provider=tink&limit=2`);
    const { requests } = (await res.json()) as {
      requests: { path: string; status: number; provider: string }[];
    };
    expect(requests.map((r) => r.path)).toEqual(['/data/v2/accounts', '/api/v1/oauth/token']);
    expect(requests.every((r) => r.provider === 'tink' && r.status === 200)).toBe(true);

    const all = await (await fetch(`${server.url}/__sandbox/requests`)).text();
    for (const secret of ['tink-secret', tokens.access_token, tokens.refresh_token])
      expect(all).not.toContain(secret);
    const byStatus = (await (await fetch(`${server.url}/__sandbox/requests?status=404`)).json()) as {
      requests: unknown[];
    };
    expect(byStatus.requests).toEqual([]);
  });

  it('refuses a bad journal filter with 400', async () => {
    const server = await startTestServer();
    expect((await fetch(`${server.url}/__sandbox/requests?provider=acme`)).status).toBe(400);
    expect((await fetch(`${server.url}/__sandbox/requests?limit=-1`)).status).toBe(400);
    expect((await fetch(`${server.url}/__sandbox/requests?since=later`)).status).toBe(400);
    expect((await fetch(`${server.url}/__sandbox/requests?limit=1&limit=2`)).status).toBe(400);
  });

  it('expires and revokes tokens on request', async () => {
    const server = await startTestServer();
    const expiring = await tinkClientToken(server, 'user:create');
    const expired = await postJson(`${server.url}/__sandbox/tokens/expire`, { token: expiring });
    expect(expired.status).toBe(200);
    expect(await expired.json()).toMatchObject({ status: 'expired' });
    const use = await postJson(
      `${server.url}/tink/api/v1/user/create`,
      { market: 'GB', locale: 'en_US' },
      bearer(expiring),
    );
    expect(await use.json()).toMatchObject({ errorCode: 'TOKEN_EXPIRED' });

    const revoking = await tinkClientToken(server, 'user:create');
    await postJson(`${server.url}/__sandbox/tokens/revoke`, { token: revoking });
    const used = await postJson(
      `${server.url}/tink/api/v1/user/create`,
      { market: 'GB', locale: 'en_US' },
      bearer(revoking),
    );
    expect(await used.json()).toMatchObject({ errorCode: 'TOKEN_REVOKED' });

    expect((await postJson(`${server.url}/__sandbox/tokens/revoke`, { token: 'unknown' })).status).toBe(404);
    expect((await postJson(`${server.url}/__sandbox/tokens/expire`, {})).status).toBe(400);
  });

  it('expires and revokes refresh tokens and codes too', async () => {
    const server = await startTestServer();
    const tokenError = async (fields: Record<string, string>) =>
      ((await (await tinkToken(server, fields)).json()) as { errorMessage: string }).errorMessage;

    const expiringRefresh = (await tinkUserTokens(server, 'accounts:read')).refresh_token;
    expect(
      await (await postJson(`${server.url}/__sandbox/tokens/expire`, { token: expiringRefresh })).json(),
    ).toMatchObject({
      status: 'expired',
    });
    expect(await tokenError({ grant_type: 'refresh_token', refresh_token: expiringRefresh })).toMatch(
      /expired/i,
    );

    const revokedRefresh = (await tinkUserTokens(server, 'accounts:read')).refresh_token;
    expect((await postJson(`${server.url}/__sandbox/tokens/revoke`, { token: revokedRefresh })).status).toBe(
      200,
    );
    expect(await tokenError({ grant_type: 'refresh_token', refresh_token: revokedRefresh })).toMatch(
      /revoked/i,
    );

    const expiringCode = await tinkGrantCode(server, 'accounts:read');
    expect((await postJson(`${server.url}/__sandbox/tokens/expire`, { token: expiringCode })).status).toBe(
      200,
    );
    expect(await tokenError({ grant_type: 'authorization_code', code: expiringCode })).toMatch(/expired/i);

    const revokedCode = await tinkGrantCode(server, 'accounts:read');
    expect((await postJson(`${server.url}/__sandbox/tokens/revoke`, { token: revokedCode })).status).toBe(
      200,
    );
    expect((await tinkToken(server, { grant_type: 'authorization_code', code: revokedCode })).status).toBe(
      400,
    );
    // Revoking again is still an answer about a known token.
    expect((await postJson(`${server.url}/__sandbox/tokens/revoke`, { token: revokedCode })).status).toBe(
      200,
    );
  });

  it('replaces the scenario from YAML, and lists every problem of an invalid one', async () => {
    const server = await startTestServer();
    const yaml = `providers:\n  tink:\n    clients:\n      - { clientId: other, clientSecret: other-secret, scopes: [user:create] }\n`;
    const loaded = await fetch(`${server.url}/__sandbox/scenario`, {
      method: 'POST',
      headers: { 'content-type': 'application/yaml' },
      body: yaml,
    });
    expect(loaded.status).toBe(200);
    const old = await tinkToken(server, { grant_type: 'client_credentials', scope: 'user:create' });
    expect(old.status).toBe(401);

    const invalid = await postJson(`${server.url}/__sandbox/scenario`, {
      providers: { tink: { clients: [{ clientId: 7 }] } },
      clock: { start: 'soon' },
    });
    expect(invalid.status).toBe(400);
    const body = (await invalid.json()) as { problems: { path: string }[] };
    expect(body.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        'clock.start',
        'providers.tink.clients[0].clientId',
        'providers.tink.clients[0].clientSecret',
      ]),
    );
  });

  it.each([
    // fetch sends a string as text/plain (read as YAML, as JSON is): bytes go with no media type.
    ['no media type', {}, new TextEncoder().encode(JSON.stringify({ providers: {} }))],
    ['a form', { 'content-type': 'application/x-www-form-urlencoded' }, 'providers=x'],
    ['an empty YAML body', { 'content-type': 'application/yaml' }, '  \n'],
    ['no body', { 'content-type': 'application/json' }, ''],
  ])('refuses a scenario sent as %s, and keeps the one loaded', async (_what, headers, body) => {
    const server = await startTestServer();
    const res = await fetch(`${server.url}/__sandbox/scenario`, { method: 'POST', headers, body });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: 'invalid_request',
      message: expect.stringMatching(/JSON/),
    });
    expect(await tinkClientToken(server, 'user:create')).toEqual(expect.any(String));
  });

  it('answers unknown control paths with a JSON 404 that says where things live', async () => {
    const server = await startTestServer();
    const res = await fetch(`${server.url}/__sandbox/nothing`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({
      error: 'not_found',
      message: expect.stringContaining('/__sandbox/'),
    });
    const malformed = await fetch(`${server.url}/__sandbox/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"advanceSeconds":',
    });
    expect(malformed.status).toBe(400);
  });

  it('keeps the sandbox clock for expiry even after jumping 90 days', async () => {
    const server = await startTestServer();
    const token = await tinkClientToken(server, 'user:create');
    await advanceClock(server, 90 * 86400);
    const res = await postJson(
      `${server.url}/tink/api/v1/user/create`,
      { market: 'GB', locale: 'en_US' },
      bearer(token),
    );
    expect(res.status).toBe(401);
  });

  it('refuses to serve beyond loopback without an admin token', async () => {
    await expect(startServer({ host: '0.0.0.0', port: 0 })).rejects.toThrow(/admin token/);
  });
});
