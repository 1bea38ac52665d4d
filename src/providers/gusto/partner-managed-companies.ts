import { BodyError, readJsonObject } from '../../engine/body.js';
import type { RouteContext, SandboxServices } from '../../engine/dialect.js';
import { json, type SandboxResponse } from '../../engine/http.js';
import { type UserRecord, userName } from '../../engine/records.js';
import { boolean, object, optional, string, validate } from '../../engine/shape.js';
import type { components } from '../../generated/gusto.js';
import { authorizeRequest, versionHeaders, withVersion } from './access.js';
import { gustoErrors } from './errors.js';
import { companyTokenScopes, endpointScopes } from './scopes.js';
import { issueCompanyPair } from './tokens.js';

const text = string({ min: 1 });
const createRequest = object(
  {
    user: object(
      {
        first_name: text,
        last_name: text,
        email: string({ pattern: /^[^@\s]+@[^@\s]+$/, hint: 'an email address' }),
        phone: optional(string()),
      },
      { allowUnknown: true },
    ),
    company: object(
      {
        name: text,
        trade_name: optional(string()),
        ein: optional(string()),
        contractor_only: optional(boolean()),
      },
      { allowUnknown: true },
    ),
  },
  { allowUnknown: true },
);

/**
 * `POST /v1/partner_managed_companies` with a system token: creates the company and its primary payroll
 * admin, and returns a token pair "reserved for this company only" (spec; providers.md §5.3): a strict grant.
 */
export async function createPartnerManagedCompany(ctx: RouteContext): Promise<SandboxResponse> {
  const access = await authorizeRequest(ctx, {
    audience: 'system',
    scope: endpointScopes.createPartnerManagedCompany,
  });
  return withVersion(access.version, async () => {
    const body = readBody(ctx);
    const { sandbox } = ctx;
    const companyId = sandbox.random.uuid();
    await sandbox.store.upsert('company', {
      provider: 'gusto',
      id: companyId,
      name: body.company.name,
      createdAt: sandbox.clock.now(),
    });
    const admin = await primaryPayrollAdmin(sandbox, body.user, companyId);
    const grant = await sandbox.grants.createGrant({
      provider: 'gusto',
      kind: 'strict',
      clientId: access.client.clientId,
      companies: [companyId],
      scopes: companyTokenScopes(access.client.scopes),
      strict: true,
      resourceOwner: { type: 'CompanyAdmin', uuid: admin.id },
    });
    ctx.touch({ grantId: grant.id });
    const pair = await issueCompanyPair(sandbox, grant);
    const answer: components['schemas']['PartnerManagedCompany'] = {
      access_token: pair.access.value,
      refresh_token: pair.refreshToken,
      company_uuid: companyId,
      expires_in: Math.round((pair.access.expiresAt - pair.access.issuedAt) / 1000),
    };
    return json(200, answer, versionHeaders(access.version));
  });
}

function readBody(ctx: RouteContext) {
  let raw: Map<string, unknown>;
  try {
    raw = readJsonObject(ctx.req);
  } catch (error) {
    if (error instanceof BodyError) throw gustoErrors.invalidBody(error.message);
    throw error;
  }
  const checked = validate(createRequest, Object.fromEntries(raw));
  if (!checked.ok) throw gustoErrors.invalidAttributes(checked.problems);
  return checked.value;
}

/** "Creates a new user using the provided email if the user does not already exist" (spec). */
async function primaryPayrollAdmin(
  sandbox: SandboxServices,
  user: { first_name: string; last_name: string; email: string },
  companyId: string,
): Promise<UserRecord> {
  const holder = await sandbox.store.findNamed('user', userName.email('gusto', user.email));
  const known = holder?.role === 'CompanyAdmin' ? holder : undefined;
  const admin: UserRecord = known
    ? { ...known, companies: [...known.companies, companyId] }
    : {
        provider: 'gusto',
        id: sandbox.random.uuid(),
        role: 'CompanyAdmin',
        companies: [companyId],
        status: 'active',
        createdAt: sandbox.clock.now(),
        name: `${user.first_name} ${user.last_name}`,
        email: user.email,
      };
  await sandbox.store.upsert('user', admin);
  return admin;
}
