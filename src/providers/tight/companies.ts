import type { RouteContext } from '../../engine/dialect.js';
import type { CompanyRecord, UserRecord } from '../../engine/records.js';
import { scopedKey } from '../../engine/records.js';
import type { components } from '../../generated/tight.js';
import { authorizeTight } from './access.js';
import { tightErrors } from './errors.js';
import { paginate } from './pagination.js';
import { readTightJson } from './request.js';
import { checkLimit, queryRequest } from './transactions.js';

type Company = components['schemas']['Company'];
type CompanyQueryResponse = components['schemas']['CompanyQueryResponse'];
type CompanyResponse = components['schemas']['CompanyResponse'];

function present(company: CompanyRecord, users: UserRecord[]): Company {
  return {
    id: company.id,
    name: company.name ?? company.id,
    status: 'ACTIVE',
    owners: users
      .filter((u) => u.role === 'owner' && u.companies.includes(company.id))
      .map((u) => ({ userId: u.id })),
  };
}

/** POST /v6/company/query: "Query companies for the authenticated user", i.e. the token's reach. */
export async function queryCompanies(ctx: RouteContext): Promise<CompanyQueryResponse> {
  const access = await authorizeTight(ctx);
  const query = readTightJson(ctx.req, queryRequest, true);
  checkLimit(query.limit);
  const users = await ctx.sandbox.store.list('user', 'tight');
  const companies = (await ctx.sandbox.store.list('company', 'tight'))
    .filter((c) => access.reach.has(c.id))
    .sort((a, b) => a.id.localeCompare(b.id));
  const page = paginate(companies, query.limit, query.cursor);
  return { result: 'SUCCESS', data: page.data.map((c) => present(c, users)), error: [], cursor: page.cursor };
}

/** GET /v6/company/{id}: docs: "<token> is a partner-level token". */
export async function getCompany(ctx: RouteContext): Promise<CompanyResponse> {
  await authorizeTight(ctx, { partnerLevel: true });
  const id = ctx.params.id ?? '';
  const company = await ctx.sandbox.store.find('company', scopedKey('tight', id));
  if (!company) throw tightErrors.companyNotFound(id);
  return { result: 'SUCCESS', data: present(company, await ctx.sandbox.store.list('user', 'tight')) };
}
