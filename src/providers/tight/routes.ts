import type { Route } from '../../engine/dialect.js';
import { json } from '../../engine/http.js';
import type { UserRecord } from '../../engine/records.js';
import { type AuthorizeFlow, showAuthorizePage, submitAuthorizePage } from './authorize.js';
import { getCompany, queryCompanies } from './companies.js';
import { scopesFor } from './issue.js';
import { parseScope, requestAccessToken } from './token.js';
import { queryTransactions, saveTransactions } from './transactions.js';

/** Tight's consent page: PKCE S256 required; partner-level is not a choice a user makes. */
const authorizeFlow: AuthorizeFlow = {
  provider: 'tight',
  title: 'Tight',
  pkce: 'required',
  parseScope: (value) => {
    if (value !== undefined && value !== '' && value !== 'read' && value !== 'write') {
      return { ok: false, message: `scope must be read or write, not "${value}".` };
    }
    const scope = parseScope(value);
    return { ok: true, scopes: scopesFor(scope), label: scope === 'read' ? 'read-only' : 'read and write' };
  },
  identityLabel: (user: UserRecord) =>
    `${user.name ?? user.id} (${user.role ?? 'user'} of ${user.companies.join(', ')})`,
};

/** Tight v6, as served under /tight: the whole surface on one screen. */
export const tightRoutes: Route[] = [
  {
    method: 'POST',
    path: '/v6/auth/token',
    operationId: 'requestAccessToken',
    handle: async (ctx) => json(200, await requestAccessToken(ctx), { 'cache-control': 'no-store' }),
  },
  {
    method: 'GET',
    path: '/v6/auth/authorize',
    operationId: 'showAuthorizePage',
    handle: (ctx) => showAuthorizePage(authorizeFlow, ctx),
  },
  {
    method: 'POST',
    path: '/v6/auth/authorize',
    operationId: 'submitAuthorizePage',
    handle: (ctx) => submitAuthorizePage(authorizeFlow, ctx),
  },
  {
    method: 'POST',
    path: '/v6/banks/transactions',
    operationId: 'saveTransactions',
    handle: async (ctx) => json(200, await saveTransactions(ctx)),
  },
  {
    method: 'POST',
    path: '/v6/banks/transactions/query',
    operationId: 'queryTransactions',
    handle: async (ctx) => json(200, await queryTransactions(ctx)),
  },
  {
    method: 'POST',
    path: '/v6/company/query',
    operationId: 'queryCompanies',
    handle: async (ctx) => json(200, await queryCompanies(ctx)),
  },
  {
    method: 'GET',
    path: '/v6/company/{id}',
    operationId: 'getCompany',
    handle: async (ctx) => json(200, await getCompany(ctx)),
  },
];
