import { describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/index.js';
import { bearer, postForm, postJson, startTestServer } from '../support/server.js';

interface Tenant {
  id: string;
  credentials: { tink: { clientId: string; clientSecret: string }[] };
  identities: Record<string, Record<string, string>>;
}

async function createTenant(server: RunningServer): Promise<Tenant> {
  const res = await postJson(`${server.url}/__sandbox/tenants`, {});
  expect(res.status).toBe(201);
  return (await res.json()) as Tenant;
}

async function clientToken(server: RunningServer, tenant: Tenant): Promise<Response> {
  const client = tenant.credentials.tink[0];
  return postForm(`${server.url}/tink/api/v1/oauth/token`, {
    client_id: client?.clientId ?? '',
    client_secret: client?.clientSecret ?? '',
    grant_type: 'client_credentials',
    scope: 'user:create',
  });
}

describe('tenants', () => {
  it('gives each tenant fresh credentials that work only in that tenant', async () => {
    const server = await startTestServer();
    const a = await createTenant(server);
    const b = await createTenant(server);
    expect(a.id).not.toBe(b.id);
    expect(a.credentials.tink[0]?.clientSecret).not.toBe(b.credentials.tink[0]?.clientSecret);
    expect((await clientToken(server, a)).status).toBe(200);
    const mixed = await postForm(`${server.url}/tink/api/v1/oauth/token`, {
      client_id: a.credentials.tink[0]?.clientId ?? '',
      client_secret: b.credentials.tink[0]?.clientSecret ?? '',
      grant_type: 'client_credentials',
      scope: 'user:create',
    });
    expect(mixed.status).toBe(401);
  });

  it('never lets one tenant’s token reach another tenant’s data', async () => {
    const server = await startTestServer();
    const a = await createTenant(server);
    const b = await createTenant(server);
    const { access_token } = (await (await clientToken(server, a)).json()) as { access_token: string };
    const url = `${server.url}/tink/api/v1/user/create`;
    const body = { market: 'GB', locale: 'en_US', external_user_id: 'same-id' };
    expect((await postJson(url, body, bearer(access_token))).status).toBe(200);
    const inB = await postJson(url, body, { ...bearer(access_token), 'x-sandbox-tenant': b.id });
    expect(inB.status).toBe(401);
    const inMain = await server.engine.store.list('user', 'tink');
    expect(inMain.some((u) => u.externalUserId === 'same-id')).toBe(false);
  });

  it('keeps clocks, faults and journals apart when two tenants run in parallel', async () => {
    const server = await startTestServer();
    const [a, b] = await Promise.all([createTenant(server), createTenant(server)]);
    if (!a || !b) throw new Error('tenants were not created');
    await postJson(
      `${server.url}/__sandbox/clock`,
      { set: '2026-01-01T00:00:00Z', frozen: true },
      { 'x-sandbox-tenant': a.id },
    );
    await postJson(
      `${server.url}/__sandbox/clock`,
      { set: '2026-01-01T00:00:00Z', frozen: true },
      { 'x-sandbox-tenant': b.id },
    );
    const [tokenA, tokenB] = await Promise.all([clientToken(server, a), clientToken(server, b)]);
    const accessA = ((await tokenA.json()) as { access_token: string }).access_token;
    const accessB = ((await tokenB.json()) as { access_token: string }).access_token;

    await postJson(`${server.url}/__sandbox/clock`, { advanceSeconds: 3600 }, { 'x-sandbox-tenant': a.id });
    await postJson(
      `${server.url}/__sandbox/faults`,
      { provider: 'tink', status: 503, times: 0 },
      { 'x-sandbox-tenant': b.id },
    );

    const url = `${server.url}/tink/api/v1/user/create`;
    const body = { market: 'GB', locale: 'en_US' };
    const [useA, useB] = await Promise.all([
      postJson(url, body, bearer(accessA)),
      postJson(url, body, bearer(accessB)),
    ]);
    expect(useA.status).toBe(401);
    expect(await useA.json()).toMatchObject({ errorCode: 'TOKEN_EXPIRED' });
    expect(useB.status).toBe(503);

    const clockA = (await (
      await fetch(`${server.url}/__sandbox/clock`, { headers: { 'x-sandbox-tenant': a.id } })
    ).json()) as { now: string };
    const clockB = (await (
      await fetch(`${server.url}/__sandbox/clock`, { headers: { 'x-sandbox-tenant': b.id } })
    ).json()) as { now: string };
    expect(clockA.now).toBe('2026-01-01T01:00:00.000Z');
    expect(clockB.now).toBe('2026-01-01T00:00:00.000Z');

    const journalA = (await (
      await fetch(`${server.url}/__sandbox/requests`, { headers: { 'x-sandbox-tenant': a.id } })
    ).json()) as { requests: { status: number }[] };
    expect(journalA.requests.map((r) => r.status)).toEqual([200, 401]);
    const mainJournal = (await (await fetch(`${server.url}/__sandbox/requests`)).json()) as {
      requests: unknown[];
    };
    expect(mainJournal.requests).toEqual([]);
  });

  it('answers an unknown tenant with 404 and deletes tenants', async () => {
    const server = await startTestServer();
    const res = await fetch(`${server.url}/__sandbox/clock`, { headers: { 'x-sandbox-tenant': 'nope' } });
    expect(res.status).toBe(404);
    const tenant = await createTenant(server);
    expect((await fetch(`${server.url}/__sandbox/tenants/${tenant.id}`, { method: 'DELETE' })).status).toBe(
      204,
    );
    expect((await clientToken(server, tenant)).status).toBe(401);
  });

  it('gives each tenant fresh user and company ids, with every reference following them', async () => {
    const server = await startTestServer();
    const tenant = await createTenant(server);
    const seededTinkUser = '6e68cc6287704273984567b3300c5822';
    const tinkUser = tenant.identities.tink?.[seededTinkUser] ?? '';
    expect(tinkUser).toMatch(new RegExp(`^${seededTinkUser}-`));
    const upholdUsers = Object.values(tenant.identities.uphold ?? {});
    expect(upholdUsers.length).toBeGreaterThan(1);
    expect(tenant.identities.gusto?.['7b1d0df1-6a6b-4c1e-9b0e-2f8a5c3d4e51']).toMatch(/^[0-9a-f-]{36}$/);
    expect(tenant.identities.tight?.co_acme).toMatch(/^co_acme-/);

    const client = tenant.credentials.tink[0];
    const token = await postForm(`${server.url}/tink/api/v1/oauth/token`, {
      client_id: client?.clientId ?? '',
      client_secret: client?.clientSecret ?? '',
      grant_type: 'client_credentials',
      scope: 'authorization:grant',
    });
    const { access_token } = (await token.json()) as { access_token: string };
    const grant = (userId: string) =>
      postForm(
        `${server.url}/tink/api/v1/oauth/authorization-grant`,
        { user_id: userId, scope: 'accounts:read' },
        bearer(access_token),
      );
    expect((await grant(tinkUser)).status).toBe(200);
    expect((await grant(seededTinkUser)).status).toBe(404);
  });
});
