import type { RouteContext, SandboxServices } from '../../engine/dialect.js';
import { json, type SandboxResponse } from '../../engine/http.js';
import { scopedKey, type UserRecord } from '../../engine/records.js';
import type { components } from '../../generated/gusto.js';
import { type Access, authorizeRequest, versionHeaders, withVersion } from './access.js';
import { gustoErrors } from './errors.js';
import { stableUuid } from './scenario.js';
import { endpointScopes } from './scopes.js';
import { companyView, employeeView } from './views.js';

type TokenInfo = components['schemas']['TokenInfo'];

/** `GET /v1/token_info` (providers.md §5.3): company tokens name their company, system tokens the app. */
export async function tokenInfo(ctx: RouteContext): Promise<SandboxResponse> {
  const access = await authorizeRequest(ctx, { audience: 'any' });
  return json(200, tokenInfoOf(access), versionHeaders(access.version));
}

function tokenInfoOf({ token, grant }: Access): TokenInfo {
  const scope = token.scopes.join(' ');
  if (token.kind === 'system') {
    return {
      scope,
      resource: { type: 'Oauth::Application', uuid: stableUuid('gusto-application', token.clientId) },
      resource_owner: null,
    };
  }
  // A legacy token over several companies names the first one it still reaches.
  const company = grant?.companies[0] ?? token.companies[0] ?? '';
  const owner = grant?.resourceOwner;
  return {
    scope,
    resource: { type: 'Company', uuid: company },
    resource_owner: owner && isOwnerType(owner.type) ? { type: owner.type, uuid: owner.uuid } : null,
  };
}

type OwnerType = NonNullable<TokenInfo['resource_owner']>['type'];
function isOwnerType(value: string): value is OwnerType {
  return value === 'CompanyAdmin' || value === 'Employee' || value === 'Contractor';
}

/** `GET /v1/companies/{company_id}` (scope `companies:read`). */
export async function getCompany(ctx: RouteContext): Promise<SandboxResponse> {
  const companyId = ctx.params.company_id ?? '';
  const access = await authorizeRequest(ctx, {
    audience: 'company',
    scope: endpointScopes.getCompany,
    companyId,
  });
  return withVersion(access.version, async () => {
    const company = await ctx.sandbox.store.find('company', scopedKey('gusto', companyId));
    if (!company) throw gustoErrors.resourceNotFound();
    const admin = (await people(ctx.sandbox, companyId)).find((user) => user.role === 'CompanyAdmin');
    return json(200, companyView(company, admin), versionHeaders(access.version));
  });
}

/** `GET /v1/companies/{company_id}/employees` (scope `employees:read`). */
export async function listEmployees(ctx: RouteContext): Promise<SandboxResponse> {
  const companyId = ctx.params.company_id ?? '';
  const access = await authorizeRequest(ctx, {
    audience: 'company',
    scope: endpointScopes.listEmployees,
    companyId,
  });
  return withVersion(access.version, async () => {
    const company = await ctx.sandbox.store.find('company', scopedKey('gusto', companyId));
    if (!company) throw gustoErrors.resourceNotFound();
    const employees = (await people(ctx.sandbox, companyId)).filter((user) => user.role === 'Employee');
    return json(
      200,
      employees.map((user) => employeeView(user, companyId)),
      versionHeaders(access.version),
    );
  });
}

async function people(sandbox: SandboxServices, companyId: string): Promise<UserRecord[]> {
  const users = await sandbox.store.list('user', 'gusto');
  return users.filter((user) => user.companies.includes(companyId) && user.deletedAt === undefined);
}
