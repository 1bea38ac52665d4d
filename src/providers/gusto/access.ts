import type { RouteContext } from '../../engine/dialect.js';
import { ProviderError } from '../../engine/errors.js';
import { type AccessToken, type ClientRecord, type Grant, scopedKey } from '../../engine/records.js';
import { requestedVersion, servedVersion, strictAccessVersion, versionHeader } from './api-version.js';
import { gustoErrors } from './errors.js';
import { applyFirstUse } from './first-use.js';

export interface AccessNeeds {
  /** Company endpoints take company tokens, system endpoints system tokens; token_info takes both. */
  audience: 'company' | 'system' | 'any';
  scope?: string | undefined;
  /** The company in the path, which the token must reach. */
  companyId?: string | undefined;
}

export interface Access {
  token: AccessToken;
  grant: Grant | undefined;
  client: ClientRecord;
  /** The API version the request is served at. */
  version: string;
}

/**
 * Every resource call, in the order PRODUCT.md fixes: API version form (406), bearer token (401), version
 * against the application's minimum (406), strict access (403), kind of token (403), scope (403), reach (403).
 */
export async function authorizeRequest(ctx: RouteContext, needs: AccessNeeds): Promise<Access> {
  const { sandbox } = ctx;
  const requested = requestedVersion(ctx.req, sandbox.clock);
  const check = await sandbox.grants.checkBearer('gusto', ctx.req);
  if (!check.ok) throw gustoErrors.tokenRejected(check.reason);
  const { token } = check;
  ctx.touch({ token: token.value, grantId: token.grantId });
  const grant = token.grantId === undefined ? undefined : await sandbox.store.find('grant', token.grantId);
  // checkBearer marks the first use at this instant; the Gusto consequences follow it (idempotent).
  if (token.firstUsedAt === sandbox.clock.now()) await applyFirstUse(sandbox, token, grant);
  const client = await sandbox.store.find('client', scopedKey('gusto', token.clientId));
  if (!client) throw gustoErrors.tokenRejected('unknown');
  const version = servedVersion(requested, client);
  return withVersion(version, async () => {
    checkAudience(token, grant, version, needs);
    if (needs.scope !== undefined && !token.scopes.includes(needs.scope))
      throw gustoErrors.missingScope(needs.scope);
    if (needs.companyId !== undefined) checkReach(token, grant, needs.companyId);
    return { token, grant, client, version };
  });
}

function checkAudience(
  token: AccessToken,
  grant: Grant | undefined,
  version: string,
  needs: AccessNeeds,
): void {
  const system = token.kind === 'system';
  // Gusto strict access: from 2023-05-01 a token over several companies gets 403 everywhere (seed 004).
  if (!system && grant?.strict !== true && version >= strictAccessVersion)
    throw gustoErrors.strictTokenRequired(version);
  if (needs.audience === 'system' && !system) throw gustoErrors.systemTokenRequired();
  if (needs.audience === 'company' && system) throw gustoErrors.companyTokenRequired();
}

/** A token reaches its grant's companies as they are now: a legacy grant loses companies to strict tokens. */
function checkReach(token: AccessToken, grant: Grant | undefined, companyId: string): void {
  if (grant?.companies.includes(companyId)) return;
  if (grant?.strict === false && token.companies.includes(companyId)) {
    throw gustoErrors.companyMovedToStrictToken(companyId);
  }
  throw gustoErrors.companyNotReached(companyId);
}

/** Runs `work`, stamping the served API version on the response or on the Gusto error it throws. */
export async function withVersion<T>(version: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw stampVersion(error, version);
  }
}

/** Stamps the served API version on a Gusto error (other errors pass unchanged); returns the error. */
export function stampVersion(error: unknown, version: string): unknown {
  if (error instanceof ProviderError) error.headers[versionHeader] = version;
  return error;
}

export function versionHeaders(version: string): Record<string, string> {
  return { [versionHeader]: version };
}
