import { describe, expect, it } from 'vitest';
import {
  acme,
  api,
  category,
  gustoScenario,
  legacyRefresh,
  postToken,
  refresh,
  startGusto,
  strictAccess,
  systemToken,
  type TokenBody,
} from './gusto-sandbox.js';

const newCompany = {
  user: { first_name: 'Frank', last_name: 'Ocean', email: 'frank@example.com', phone: '2345558899' },
  company: {
    name: "Frank's Ocean, LLC",
    trade_name: 'Frank’s Ocean',
    ein: '123456789',
    contractor_only: false,
  },
};

function createCompany(
  server: Awaited<ReturnType<typeof startGusto>>,
  token: string | undefined,
  body: unknown = newCompany,
) {
  return fetch(`${server.url}/gusto/v1/partner_managed_companies`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

describe('Gusto system access tokens', () => {
  it('issues a two-hour system token without refresh token, many at once', async () => {
    const server = await startGusto();
    const res = await postToken(server, { grant_type: 'system_access' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as TokenBody;
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 7200, created_at: 1767225600 });
    expect(body).not.toHaveProperty('refresh_token');
    const second = await systemToken(server);
    expect(second).not.toBe(body.access_token);
    expect((await api(server, '/v1/token_info', body.access_token)).status).toBe(200);
  });

  it('describes a system token as the application, with no resource owner', async () => {
    const server = await startGusto();
    const res = await api(server, '/v1/token_info', await systemToken(server));
    const info = (await res.json()) as {
      scope: string;
      resource: { type: string; uuid: string };
      resource_owner: unknown;
    };
    expect(info.resource.type).toBe('Oauth::Application');
    expect(info.resource.uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(info.resource_owner).toBeNull();
    expect(info.scope.split(' ')).toContain('partner_managed_companies:manage');
  });

  it('refuses a system token on company endpoints', async () => {
    const server = await startGusto();
    const res = await api(server, `/v1/companies/${acme}`, await systemToken(server));
    expect(res.status).toBe(403);
    expect(await category(res)).toBe('invalid_token');
  });

  it('creates a partner-managed company with a token pair reserved for it', async () => {
    const server = await startGusto();
    const res = await createCompany(server, await systemToken(server));
    expect(res.status).toBe(200);
    const created = (await res.json()) as {
      access_token: string;
      refresh_token: string;
      company_uuid: string;
      expires_in: number;
    };
    expect(created.expires_in).toBe(7200);
    const company = await api(server, `/v1/companies/${created.company_uuid}`, created.access_token);
    expect(company.status).toBe(200);
    expect(await company.json()).toMatchObject({
      uuid: created.company_uuid,
      name: "Frank's Ocean, LLC",
      primary_payroll_admin: { first_name: 'Frank', last_name: 'Ocean', email: 'frank@example.com' },
    });
    const info = await api(server, '/v1/token_info', created.access_token);
    expect(await info.json()).toMatchObject({
      resource: { type: 'Company', uuid: created.company_uuid },
      resource_owner: { type: 'CompanyAdmin' },
    });
    // Reserved for this company only.
    expect((await api(server, `/v1/companies/${acme}`, created.access_token)).status).toBe(403);
    // The company is strict: its token is returned as is by strict_access, and it refreshes.
    expect(await strictAccess(server, created.access_token)).toMatchObject([
      { resource_uuid: created.company_uuid },
    ]);
    expect((await refresh(server, created.refresh_token)).access_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('makes one payroll admin of one e-mail, in any case, across the companies it is given', async () => {
    const server = await startGusto();
    const token = await systemToken(server);
    const ownerOf = async (email: string) => {
      const res = await createCompany(server, token, { ...newCompany, user: { ...newCompany.user, email } });
      expect(res.status).toBe(200);
      const { access_token } = (await res.json()) as { access_token: string };
      const info = await api(server, '/v1/token_info', access_token);
      return ((await info.json()) as { resource_owner: { type: string; uuid: string } }).resource_owner;
    };
    const first = await ownerOf('frank@example.com');
    expect(first.type).toBe('CompanyAdmin');
    expect(await ownerOf('Frank@Example.COM')).toEqual(first);
    expect((await ownerOf('someone.else@example.com')).uuid).not.toBe(first.uuid);
  });

  it('refuses company tokens and legacy tokens on the system endpoint', async () => {
    const server = await startGusto();
    const legacy = await refresh(server, legacyRefresh);
    const [strict] = await strictAccess(server, legacy.access_token);
    const res = await createCompany(server, strict?.access_token);
    expect(res.status).toBe(403);
    expect(await category(res)).toBe('invalid_token');
    expect((await createCompany(server, undefined)).status).toBe(401);
  });

  it('needs the partner_managed_companies:manage scope', async () => {
    const clients = gustoScenario.providers.gusto.clients.map((c) =>
      c.clientId === 'gusto-client' ? { ...c, scopes: ['public', 'companies:read'] } : c,
    );
    const server = await startGusto({ providers: { gusto: { ...gustoScenario.providers.gusto, clients } } });
    const res = await createCompany(server, await systemToken(server));
    expect(res.status).toBe(403);
    expect(await category(res)).toBe('missing_permissions');
  });

  it('answers an incomplete or malformed body with 422 naming the fields', async () => {
    const server = await startGusto();
    const token = await systemToken(server);
    const incomplete = await createCompany(server, token, { user: { first_name: 'Frank' }, company: {} });
    expect(incomplete.status).toBe(422);
    const body = (await incomplete.json()) as { errors: { error_key: string; category: string }[] };
    expect(body.errors.map((e) => e.error_key).sort()).toEqual([
      'company.name',
      'user.email',
      'user.last_name',
    ]);
    expect(body.errors.every((e) => e.category === 'invalid_attribute_value')).toBe(true);
    const notJson = await fetch(`${server.url}/gusto/v1/partner_managed_companies`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: '{"user":',
    });
    expect(notJson.status).toBe(422);
  });
});
