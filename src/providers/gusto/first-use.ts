import type { SandboxServices } from '../../engine/dialect.js';
import type { AccessToken, Grant } from '../../engine/records.js';

/**
 * What the first use of an access token sets off at Gusto, beyond what `Grants.checkBearer` already does
 * (it revokes the refresh token the new pair replaced).
 */
export async function applyFirstUse(
  sandbox: SandboxServices,
  token: AccessToken,
  grant: Grant | undefined,
): Promise<void> {
  await retireReplacedAccessToken(sandbox, token);
  if (grant?.strict && grant.companies[0] !== undefined) {
    await revokeCompanyFromLegacyGrants(sandbox, grant.clientId, grant.companies[0]);
  }
}

/**
 * Doorkeeper keeps an access token and its refresh token in one row; `refresh_token_revoked_on_use`
 * revokes that previous row when the new access token is first used, so the old access token dies too.
 */
async function retireReplacedAccessToken(sandbox: SandboxServices, token: AccessToken): Promise<void> {
  if (token.revokesOnFirstUse === undefined) return;
  const previous = await sandbox.store.find('refreshToken', token.revokesOnFirstUse);
  if (previous?.accessToken !== undefined)
    await sandbox.grants.revokeAccessToken(previous.accessToken, sandbox.clock.now());
}

/**
 * Gusto strict access (seed 004): "Once a strict access token is used in any API request, the company
 * access in ALL legacy grants shall be revoked." A legacy grant left with no company is revoked entirely,
 * with every token issued under it. Legacy grants of other applications are not touched: a grant belongs
 * to one application. Idempotent.
 */
export async function revokeCompanyFromLegacyGrants(
  sandbox: SandboxServices,
  clientId: string,
  companyId: string,
): Promise<number> {
  const now = sandbox.clock.now();
  let changed = 0;
  for (const grant of await sandbox.store.list('grant', 'gusto')) {
    if (grant.strict || grant.kind !== 'company' || grant.revokedAt !== undefined) continue;
    if (grant.clientId !== clientId || !grant.companies.includes(companyId)) continue;
    const companies = grant.companies.filter((company) => company !== companyId);
    if (companies.length === 0) await sandbox.store.revokeByGrant(grant.id, now);
    else await sandbox.store.upsert('grant', { ...grant, companies });
    changed++;
  }
  return changed;
}
