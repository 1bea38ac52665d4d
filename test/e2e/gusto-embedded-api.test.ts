import { GustoEmbedded } from '@gusto/embedded-api';
import { GustoEmbeddedError } from '@gusto/embedded-api/models/errors/gustoembeddederror.js';
import { describe, expect, it } from 'vitest';
import { startGusto } from '../integration/gusto-sandbox.js';

/**
 * Gusto's own TypeScript client (`@gusto/embedded-api` 0.16.0, Speakeasy-generated, zod-validated),
 * pointed at the sandbox with `serverURL` only. Every call below throws if a response fails the SDK's
 * validation, so passing means the real client parses what the sandbox answers.
 */
describe('the real @gusto/embedded-api client against the sandbox', () => {
  it('gets a system token, creates a partner-managed company, and reads token info and the company', async () => {
    const server = await startGusto();
    const serverURL = `${server.url}/gusto`;
    const anonymous = new GustoEmbedded({ serverURL });

    const issued = await anonymous.introspection.oauthAccessToken({
      requestBody: { clientId: 'gusto-client', clientSecret: 'gusto-secret', grantType: 'system_access' },
    });
    expect(issued.httpMeta.response.status).toBe(200);
    expect(issued.httpMeta.response.headers.get('x-gusto-api-version')).toBe('2025-06-15');
    const system = issued.authentication;
    expect(system).toMatchObject({ tokenType: 'Bearer', expiresIn: 7200 });
    expect(typeof system?.createdAt).toBe('number');
    const systemToken = system?.accessToken ?? '';

    const systemInfo = await new GustoEmbedded({
      serverURL,
      companyAccessAuth: systemToken,
    }).introspection.getInfo({});
    expect(systemInfo.tokenInfo?.resource?.type).toBe('Oauth::Application');
    expect(systemInfo.tokenInfo?.resourceOwner).toBeNull();

    const created = await anonymous.companies.createPartnerManaged(
      { systemAccessAuth: systemToken },
      {
        partnerManagedCompanyCreateRequest: {
          user: { firstName: 'Frank', lastName: 'Ocean', email: 'frank@example.com', phone: '2345558899' },
          company: {
            name: "Frank's Ocean, LLC",
            tradeName: 'Frank’s Ocean',
            ein: '123456789',
            contractorOnly: false,
          },
        },
      },
    );
    const company = created.partnerManagedCompany;
    expect(company?.companyUuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(company?.expiresIn).toBe(7200);

    const asCompany = new GustoEmbedded({ serverURL, companyAccessAuth: company?.accessToken ?? '' });
    const info = await asCompany.introspection.getInfo({});
    expect(info.tokenInfo).toMatchObject({
      resource: { type: 'Company', uuid: company?.companyUuid },
      resourceOwner: { type: 'CompanyAdmin' },
    });
    const read = await asCompany.companies.get({ companyId: company?.companyUuid ?? '' });
    expect(read.company).toMatchObject({
      uuid: company?.companyUuid,
      name: "Frank's Ocean, LLC",
      primaryPayrollAdmin: { firstName: 'Frank', lastName: 'Ocean', email: 'frank@example.com' },
    });
    const employees = await asCompany.employees.list({ companyId: company?.companyUuid ?? '' });
    expect(employees.showEmployees).toEqual([]);

    const refreshed = await anonymous.introspection.oauthAccessToken({
      requestBody: {
        clientId: 'gusto-client',
        clientSecret: 'gusto-secret',
        grantType: 'refresh_token',
        refreshToken: company?.refreshToken ?? '',
      },
    });
    expect(refreshed.authentication?.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("surfaces sandbox errors as the SDK's typed errors", async () => {
    const server = await startGusto();
    const sdk = new GustoEmbedded({ serverURL: `${server.url}/gusto`, companyAccessAuth: 'not-a-token' });
    const error: unknown = await sdk.introspection.getInfo({}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GustoEmbeddedError);
    if (!(error instanceof GustoEmbeddedError)) return;
    expect(error.httpMeta.response.status).toBe(401);
    expect(error.httpMeta.response.headers.get('www-authenticate')).toContain('realm="Doorkeeper"');
    expect(JSON.parse(error.httpMeta.body)).toMatchObject({ errors: [{ category: 'invalid_token' }] });
  });
});
