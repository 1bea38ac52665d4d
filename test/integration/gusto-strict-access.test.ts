import { describe, expect, it } from 'vitest';
import { advanceClock, startTestServer } from '../support/server.js';
import {
  acme,
  api,
  category,
  globex,
  initech,
  legacyRefresh,
  postToken,
  refresh,
  startGusto,
  strictAccess,
} from './gusto-sandbox.js';

describe('Gusto strict_access exchange', () => {
  it('returns one strict pair per company of the legacy grant', async () => {
    const server = await startGusto();
    const legacy = await refresh(server, legacyRefresh);
    const pairs = await strictAccess(server, legacy.access_token);
    expect(pairs.map((p) => p.resource_uuid).sort()).toEqual([acme, globex].sort());
    for (const pair of pairs) {
      expect(pair).toMatchObject({
        resource_type: 'Company',
        token_type: 'Bearer',
        expires_in: 7200,
        created_at: 1767225600,
      });
      expect(pair.access_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(pair.refresh_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(pair.access_token).not.toBe(legacy.access_token);
    }
  });

  it('returns the same pairs when asked again, even once they have expired', async () => {
    const server = await startGusto();
    const legacy = await refresh(server, legacyRefresh);
    const first = await strictAccess(server, legacy.access_token);
    expect(await strictAccess(server, legacy.access_token)).toEqual(first);

    await advanceClock(server, 3 * 3600);
    // The legacy access token has expired too; a refreshed one may ask again.
    const fresh = await refresh(server, legacy.refresh_token);
    const later = await strictAccess(server, fresh.access_token);
    expect(later).toEqual(first);
    const stale = later.find((p) => p.resource_uuid === acme);
    expect((await api(server, `/v1/companies/${acme}`, stale?.access_token)).status).toBe(401);
    // The refresh token of an expired strict pair still works.
    const renewed = await refresh(server, stale?.refresh_token ?? '');
    expect((await api(server, `/v1/companies/${acme}`, renewed.access_token)).status).toBe(200);
  });

  it('returns a strict token itself when given one', async () => {
    const server = await startGusto();
    const legacy = await refresh(server, legacyRefresh);
    const [pair] = await strictAccess(server, legacy.access_token);
    expect(await strictAccess(server, pair?.access_token ?? '')).toEqual([pair]);
  });

  it('refuses an expired, a revoked, an unknown or a system access token with invalid_grant', async () => {
    const server = await startGusto();
    const legacy = await refresh(server, legacyRefresh);
    const system = (await (await postToken(server, { grant_type: 'system_access' })).json()) as {
      access_token: string;
    };
    for (const token of ['y'.repeat(43), system.access_token]) {
      const res = await postToken(server, { grant_type: 'strict_access', access_token: token });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid_grant' });
    }
    const revoke = await fetch(`${server.url}/gusto/oauth/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        client_id: 'gusto-client',
        client_secret: 'gusto-secret',
        token: legacy.access_token,
      }),
    });
    expect(revoke.status).toBe(200);
    const revoked = await postToken(server, {
      grant_type: 'strict_access',
      access_token: legacy.access_token,
    });
    expect(revoked.status).toBe(400);
    expect(await revoked.json()).toMatchObject({ error: 'invalid_grant' });

    const other = await refresh(server, legacyRefresh);
    await advanceClock(server, 7200);
    const expired = await postToken(server, {
      grant_type: 'strict_access',
      access_token: other.access_token,
    });
    expect(expired.status).toBe(400);
    expect(await expired.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('lets a strict token reach only its own company', async () => {
    const server = await startGusto();
    const legacy = await refresh(server, legacyRefresh);
    const pairs = await strictAccess(server, legacy.access_token);
    const acmeToken = pairs.find((p) => p.resource_uuid === acme)?.access_token;
    expect((await api(server, `/v1/companies/${acme}`, acmeToken)).status).toBe(200);
    expect((await api(server, `/v1/companies/${acme}/employees`, acmeToken)).status).toBe(200);
    for (const company of [globex, initech, 'not-a-company']) {
      const res = await api(server, `/v1/companies/${company}`, acmeToken);
      expect(res.status).toBe(403);
      expect(await category(res)).toBe('missing_permissions');
    }
  });

  it('serves the strict token on API versions from 2023-05-01 on, where the legacy token gets 403', async () => {
    const server = await startGusto();
    const legacy = await refresh(server, legacyRefresh);
    const [pair] = await strictAccess(server, legacy.access_token);
    const version = { 'x-gusto-api-version': '2025-06-15' };
    const refused = await api(server, '/v1/token_info', legacy.access_token, version);
    expect(refused.status).toBe(403);
    expect(await category(refused)).toBe('invalid_token');
    const info = await api(server, '/v1/token_info', pair?.access_token, version);
    expect(info.status).toBe(200);
    expect(await info.json()).toMatchObject({
      resource: { type: 'Company', uuid: pair?.resource_uuid },
      resource_owner: { type: 'CompanyAdmin' },
    });
  });

  it('works on the default scenario right after start: fixed refresh token, exchange, newest API version', async () => {
    const server = await startTestServer();
    const legacy = await refresh(server, 'gusto-legacy-refresh-token-acme-and-globex-000');
    const pairs = await strictAccess(server, legacy.access_token);
    expect(pairs.map((p) => p.resource_uuid).sort()).toEqual([acme, globex].sort());
    const latest = { 'x-gusto-api-version': '2025-06-15' };
    for (const pair of pairs) {
      expect(
        (await api(server, `/v1/companies/${pair.resource_uuid}`, pair.access_token, latest)).status,
      ).toBe(200);
    }
    const employees = await api(
      server,
      `/v1/companies/${acme}/employees`,
      pairs.find((p) => p.resource_uuid === acme)?.access_token,
    );
    expect(((await employees.json()) as unknown[]).length).toBe(2);
  });
});
