import type { RouteContext, SandboxServices } from '../../engine/dialect.js';
import type { AccessToken, ClientRecord, Grant } from '../../engine/records.js';
import type { components } from '../../generated/gusto.js';
import { gustoErrors } from './errors.js';
import type { OAuthFields } from './token-request.js';
import { issueCompanyPair, strictAccessElement } from './tokens.js';

type StrictAccessToken = components['schemas']['StrictAccessToken'];

/**
 * `grant_type=strict_access` (seed 004, Gusto strict-access guide): exchanges an unrevoked, unexpired
 * legacy access token for one strict pair per company of its grant. Asked again, it returns the same
 * pairs, which "may already be expired"; given a strict token it returns that same token. Nothing is
 * revoked here: the legacy grants lose a company only when its strict token is first used.
 */
export async function exchangeForStrictAccess(
  ctx: RouteContext,
  client: ClientRecord,
  fields: OAuthFields,
): Promise<StrictAccessToken[]> {
  const { sandbox } = ctx;
  const value = fields.required('access_token');
  const token = await sandbox.store.find('accessToken', value);
  if (token?.provider !== 'gusto' || token.kind === 'system') {
    throw gustoErrors.oauth.invalidGrant('unknown company access token');
  }
  ctx.touch({ token: value, grantId: token.grantId });
  if (token.clientId !== client.clientId)
    throw gustoErrors.oauth.invalidGrant('the access token was issued to another client');
  if (token.expiresAt <= sandbox.clock.now())
    throw gustoErrors.oauth.invalidGrant('the access token expired');
  if (token.revokedAt !== undefined) throw gustoErrors.oauth.invalidGrant('the access token was revoked');
  const grant = token.grantId === undefined ? undefined : await sandbox.store.find('grant', token.grantId);
  if (!grant || grant.revokedAt !== undefined) throw gustoErrors.oauth.invalidGrant('the grant was revoked');

  if (grant.strict) return [element(token, grant)];
  const answer: StrictAccessToken[] = [];
  for (const company of grant.companies) answer.push(await strictPairFor(sandbox, grant, company));
  return answer;
}

function element(token: AccessToken, grant: Grant): StrictAccessToken {
  return strictAccessElement(token, token.refreshToken ?? '', grant.companies[0] ?? '');
}

/** The strict grant a legacy grant already has for a company (made on an earlier exchange), or a new one. */
async function strictPairFor(
  sandbox: SandboxServices,
  legacy: Grant,
  company: string,
): Promise<StrictAccessToken> {
  const grants = await sandbox.store.list('grant', 'gusto');
  const existing = grants.find(
    (g) => g.parentGrantId === legacy.id && g.revokedAt === undefined && g.companies[0] === company,
  );
  if (existing) {
    const latest = await latestAccessToken(sandbox, existing.id);
    if (latest?.refreshToken !== undefined) return element(latest, existing);
  }
  const grant =
    existing ??
    (await sandbox.grants.createGrant({
      provider: 'gusto',
      kind: 'strict',
      clientId: legacy.clientId,
      companies: [company],
      scopes: legacy.scopes,
      strict: true,
      parentGrantId: legacy.id,
      ...(legacy.resourceOwner === undefined ? {} : { resourceOwner: legacy.resourceOwner }),
    }));
  const pair = await issueCompanyPair(sandbox, grant);
  return strictAccessElement(pair.access, pair.refreshToken, company);
}

/** The newest access token of a grant: after refreshes, the strict pair is the latest one. */
async function latestAccessToken(
  sandbox: SandboxServices,
  grantId: string,
): Promise<AccessToken | undefined> {
  let latest: AccessToken | undefined;
  for (const token of await sandbox.store.accessTokensOfGrant(grantId)) {
    if (!latest || token.issuedAt >= latest.issuedAt) latest = token;
  }
  return latest;
}
