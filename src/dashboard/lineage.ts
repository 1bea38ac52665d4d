import type { AccessToken, Grant } from '../engine/records.js';
import type { Store } from '../engine/store.js';

/** A company a legacy grant lost, and the strict grant whose first use took it. */
export interface CompanyLoss {
  company: string;
  strictGrantId: string;
  at: number;
}

/**
 * The refresh token spent to make each of these access tokens (keyed by access token value): the refresh
 * token issued with a token replaced the one spent. Read per token, so that a page showing a few tokens
 * of a million reads only theirs.
 */
export async function refreshedFrom(
  store: Store,
  accessTokens: readonly AccessToken[],
): Promise<Map<string, string>> {
  const made = new Map<string, string>();
  const issuedWith = await Promise.all(
    accessTokens.map((token) =>
      token.refreshToken === undefined ? undefined : store.find('refreshToken', token.refreshToken),
    ),
  );
  accessTokens.forEach((token, i) => {
    const refresh = issuedWith[i];
    if (refresh?.accessToken === token.value && refresh.replaces !== undefined)
      made.set(token.value, refresh.replaces);
  });
  return made;
}

/**
 * What these grants lost to strict tokens (legacyCompanyLosses), read from the store: the Gusto strict
 * grants and the tokens of those and of the legacy grants among these, not every token.
 */
export async function companyLossesOf(
  store: Store,
  grants: readonly Grant[],
): Promise<Map<string, CompanyLoss[]>> {
  const legacy = grants.filter(isLegacyGusto);
  if (legacy.length === 0) return new Map();
  const strict = (await store.list('grant', 'gusto')).filter((g) => g.strict === true);
  const involved = [...legacy, ...strict];
  const tokens = await Promise.all(involved.map((g) => store.accessTokensOfGrant(g.id)));
  return legacyCompanyLosses(involved, tokens.flat());
}

function isLegacyGusto(grant: Grant): boolean {
  return grant.provider === 'gusto' && grant.kind === 'company' && grant.strict !== true;
}

/**
 * Which Gusto legacy grant lost which company to which strict token. Gusto (seed 004): "Once a strict
 * access token is used in any API request, the company access in ALL legacy grants shall be revoked"
 * (src/providers/gusto/first-use.ts). The store keeps only what a legacy grant still reaches, so what it
 * once reached is read from the tokens issued under it; a grant left with no company is revoked whole and
 * keeps its last company in `companies`.
 */
export function legacyCompanyLosses(
  grants: readonly Grant[],
  accessTokens: readonly AccessToken[],
): Map<string, CompanyLoss[]> {
  const strictGrants = new Map(
    grants.filter((g) => g.provider === 'gusto' && g.strict === true).map((g) => [g.id, g]),
  );
  // Every first use of a strict token revokes its company again (first-use.ts), so each one counts.
  const strictUses = accessTokens.flatMap((token) => {
    const grant = token.grantId === undefined ? undefined : strictGrants.get(token.grantId);
    const company = grant?.companies[0];
    return grant && company !== undefined && token.firstUsedAt !== undefined
      ? [{ grant, company, at: token.firstUsedAt }]
      : [];
  });
  const losses = new Map<string, CompanyLoss[]>();
  for (const legacy of grants.filter(isLegacyGusto)) {
    const reached = new Set(legacy.companies);
    for (const token of accessTokens)
      if (token.grantId === legacy.id) for (const company of token.companies) reached.add(company);
    const lost: CompanyLoss[] = [];
    for (const company of reached) {
      const revokedWhole = legacy.revokedAt !== undefined;
      if (!revokedWhole && legacy.companies.includes(company)) continue;
      const taker = strictUses
        .filter(
          (use) =>
            use.company === company &&
            use.grant.clientId === legacy.clientId &&
            (legacy.revokedAt === undefined || use.at <= legacy.revokedAt),
        )
        .sort((a, b) => a.at - b.at)[0];
      if (taker) lost.push({ company, strictGrantId: taker.grant.id, at: taker.at });
    }
    if (lost.length > 0) losses.set(legacy.id, lost);
  }
  return losses;
}
