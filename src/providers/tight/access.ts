import type { RouteContext } from '../../engine/dialect.js';
import type { AccessToken } from '../../engine/records.js';
import { tightErrors } from './errors.js';

/** What a checked Tight token may do: its companies, whether it writes, and whom writes are audited to. */
export interface TightAccess {
  token: AccessToken;
  /** Every company the token reaches. */
  reach: ReadonlySet<string>;
  partnerLevel: boolean;
  /** The audit trail's editor: the token's userId, or null for a partner-level token. */
  editor: string | null;
}

/**
 * The check every Tight resource call starts with, in PRODUCT.md's order: bearer (401), scope (403,
 * docs: "read gives read-only access"), then partner-level endpoints (403). Reach is checked per company
 * by `requireReach`.
 */
export async function authorizeTight(
  ctx: RouteContext,
  need: { write?: boolean; partnerLevel?: boolean } = {},
): Promise<TightAccess> {
  const checked = await ctx.sandbox.grants.checkBearer('tight', ctx.req);
  if (!checked.ok) throw tightErrors.tokenRejected(checked.reason);
  const { token } = checked;
  ctx.touch({ token: token.value, grantId: token.grantId });
  if (need.write && !token.scopes.includes('write')) throw tightErrors.forbidden();
  const partnerLevel = token.userId === undefined;
  if (need.partnerLevel && !partnerLevel) throw tightErrors.forbidden();
  // docs: a partner-level token reaches all companies, including ones created after it was issued.
  const reach = partnerLevel
    ? new Set((await ctx.sandbox.store.list('company', 'tight')).map((c) => c.id))
    : new Set(token.companies);
  return { token, reach, partnerLevel, editor: token.userId ?? null };
}

/** 403 unless every company is within the token's reach (Authentication Scenarios table). */
export function requireReach(access: TightAccess, companies: Iterable<string>, param: string): void {
  for (const company of companies) if (!access.reach.has(company)) throw tightErrors.forbidden(param);
}
