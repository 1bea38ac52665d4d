/**
 * Gusto scopes (providers.md §5.4: `resource:read|write|manage|...`, plus `public`). An application's
 * scopes are split between its company tokens and its system token: system endpoints such as
 * `POST /v1/partner_managed_companies` take a system token (spec `SystemAccessAuth`).
 */
export const systemScopes: ReadonlySet<string> = new Set([
  'partner_managed_companies:manage',
  'partner_managed_companies:read',
  'partner_managed_companies:write',
  'events:read',
  'invoices:read',
  'webhook_subscriptions:read',
  'webhook_subscriptions:write',
]);

/** What an application gets when the scenario names no scopes for it. */
export const defaultClientScopes = [
  'public',
  'companies:read',
  'companies:write',
  'company_admin:read',
  'employees:read',
  'employees:manage',
  'partner_managed_companies:manage',
];

/** The scope each stateful endpoint needs (spec "scope: `x`" lines; SDK 0.16.0 for partner-managed companies). */
export const endpointScopes = {
  tokenInfo: undefined,
  getCompany: 'companies:read',
  listEmployees: 'employees:read',
  createPartnerManagedCompany: 'partner_managed_companies:manage',
} as const;

export function companyTokenScopes(clientScopes: readonly string[]): string[] {
  return clientScopes.filter((scope) => !systemScopes.has(scope));
}

const systemTokenScopesOf = new WeakMap<readonly string[], readonly string[]>();

/** Computed once per client scope list: every system token of a client shares one frozen list. */
export function systemTokenScopes(clientScopes: readonly string[]): readonly string[] {
  let scopes = systemTokenScopesOf.get(clientScopes);
  if (scopes === undefined) {
    const kept = clientScopes.filter((scope) => systemScopes.has(scope) || scope === 'public');
    scopes = Object.freeze(kept.includes('public') ? kept : [...kept, 'public']);
    systemTokenScopesOf.set(clientScopes, scopes);
  }
  return scopes;
}
