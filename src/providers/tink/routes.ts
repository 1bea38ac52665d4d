import type { Route } from '../../engine/dialect.js';
import { createAuthorizationGrant, createDelegatedGrant } from './authorization.js';
import { listAccounts, listTransactions } from './data.js';
import { showLink, submitLink } from './link.js';
import { issueToken } from './token.js';
import { createUser, deleteUser } from './users.js';

/** Tink's stateful surface; any other operation of openapi/tink.yaml is answered by the Prism mock. */
export const tinkRoutes: Route[] = [
  { method: 'POST', path: '/api/v1/oauth/token', operationId: 'getOAuthToken', handle: issueToken },
  {
    method: 'POST',
    path: '/api/v1/oauth/authorization-grant',
    operationId: 'createAuthorizationGrant',
    handle: createAuthorizationGrant,
  },
  {
    method: 'POST',
    path: '/api/v1/oauth/authorization-grant/delegate',
    operationId: 'createDelegatedAuthorizationGrant',
    handle: createDelegatedGrant,
  },
  { method: 'POST', path: '/api/v1/user/create', operationId: 'createUser', handle: createUser },
  { method: 'POST', path: '/api/v1/user/delete', operationId: 'deleteUser', handle: deleteUser },
  { method: 'GET', path: '/data/v2/accounts', operationId: 'listAccounts', handle: listAccounts },
  { method: 'GET', path: '/data/v2/transactions', operationId: 'listTransactions', handle: listTransactions },
  // The Tink Link pages (sandbox-only: the real ones live on link.tink.com).
  { method: 'GET', path: '/link/1.0/{product}/{flow}', operationId: 'tinkLinkPage', handle: showLink },
  { method: 'POST', path: '/link/1.0/{product}/{flow}', operationId: 'tinkLinkSubmit', handle: submitLink },
];
