import type { Route } from '../../engine/dialect.js';
import { decideConsent, showConsent } from './consent.js';
import { gustoPaths } from './errors.js';
import { createPartnerManagedCompany } from './partner-managed-companies.js';
import { getCompany, listEmployees, tokenInfo } from './resources.js';
import { revokeToken } from './revoke.js';
import { tokenEndpoint } from './token-endpoint.js';

/** Gusto's stateful surface, in its own paths (the sandbox mounts it under `/gusto`). */
export const gustoRoutes: Route[] = [
  { method: 'GET', path: '/oauth/authorize', operationId: 'get-oauth-authorize', handle: showConsent },
  { method: 'POST', path: '/oauth/authorize', operationId: 'post-oauth-authorize', handle: decideConsent },
  { method: 'POST', path: gustoPaths.token, operationId: 'oauth-access-token', handle: tokenEndpoint },
  { method: 'POST', path: gustoPaths.revoke, operationId: 'oauth-revoke', handle: revokeToken },
  { method: 'GET', path: '/v1/token_info', operationId: 'get-v1-token-info', handle: tokenInfo },
  { method: 'GET', path: '/v1/companies/{company_id}', operationId: 'get-v1-companies', handle: getCompany },
  {
    method: 'GET',
    path: '/v1/companies/{company_id}/employees',
    operationId: 'get-v1-companies-company_id-employees',
    handle: listEmployees,
  },
  {
    method: 'POST',
    path: '/v1/partner_managed_companies',
    operationId: 'post-v1-partner-managed-companies',
    handle: createPartnerManagedCompany,
  },
];
