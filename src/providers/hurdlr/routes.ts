import type { Route } from '../../engine/dialect.js';
import { json } from '../../engine/http.js';
import { type AuthorizeFlow, showAuthorizePage, submitAuthorizePage } from '../tight/authorize.js';
import { createAccount, getUserInfo } from './account.js';
import { requestAccessToken } from './token.js';

/** Hurdlr's "oauth authorize website": PKCE optional; every grant carries the one scope "token". */
const authorizeFlow: AuthorizeFlow = {
  provider: 'hurdlr',
  title: 'Hurdlr',
  pkce: 'optional',
  parseScope: (value) =>
    value === undefined || value === '' || value === 'token'
      ? { ok: true, scopes: ['token'], label: 'full account' }
      : { ok: false, message: `scope must be token (or left out), not "${value}".` },
  identityLabel: (user) => (user.email ? `${user.id} <${user.email}>` : user.id),
};

const noStore = { 'cache-control': 'no-store' };

/** Hurdlr v4, as served under /hurdlr: the whole surface on one screen. */
export const hurdlrRoutes: Route[] = [
  {
    method: 'POST',
    path: '/v4/auth/token',
    operationId: 'requestAccessToken',
    handle: async (ctx) => json(200, await requestAccessToken(ctx), noStore),
  },
  {
    method: 'POST',
    path: '/v4/auth/account',
    operationId: 'createAccount',
    handle: async (ctx) => json(200, await createAccount(ctx), noStore),
  },
  {
    method: 'GET',
    path: '/v4/auth/userInfo',
    operationId: 'getUserInfo',
    handle: async (ctx) => json(200, await getUserInfo(ctx)),
  },
  {
    method: 'GET',
    path: '/oauth/authorize',
    operationId: 'showAuthorizePage',
    handle: (ctx) => showAuthorizePage(authorizeFlow, ctx),
  },
  {
    method: 'POST',
    path: '/oauth/authorize',
    operationId: 'submitAuthorizePage',
    handle: (ctx) => submitAuthorizePage(authorizeFlow, ctx),
  },
];
