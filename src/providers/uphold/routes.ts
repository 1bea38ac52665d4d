import type { Route } from '../../engine/dialect.js';
import { createAccount, listAccounts } from './accounts.js';
import { upholdTokenPath } from './errors.js';
import { issueToken } from './token.js';
import { createUser, getCurrentUser } from './users.js';

/** Uphold's own paths (the sandbox strips the `/uphold` mount); operation ids are the spec's. */
export const upholdRoutes: Route[] = [
  { method: 'POST', path: upholdTokenPath, operationId: 'core.create-oauth2-token', handle: issueToken },
  { method: 'POST', path: '/core/users', operationId: 'core.create-user', handle: createUser },
  { method: 'GET', path: '/core/users/me', operationId: 'core.get-user', handle: getCurrentUser },
  { method: 'GET', path: '/core/accounts', operationId: 'core.list-accounts', handle: listAccounts },
  { method: 'POST', path: '/core/accounts', operationId: 'core.create-account', handle: createAccount },
];
