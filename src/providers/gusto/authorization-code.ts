import type { RouteContext } from '../../engine/dialect.js';
import type { CodeRedemption } from '../../engine/grants.js';
import type { ClientRecord } from '../../engine/records.js';
import type { components } from '../../generated/gusto.js';
import { gustoErrors } from './errors.js';
import type { OAuthFields } from './token-request.js';
import { issueCompanyPair, tokenResponse } from './tokens.js';

type Failure = Extract<CodeRedemption, { ok: false }>['reason'];

const failures: Record<Failure, string> = {
  unknown: 'unknown authorization code',
  expired: 'the authorization code expired (codes live 10 minutes)',
  revoked: 'the authorization code was revoked',
  reused: 'the authorization code was already used; every token it issued is now revoked',
  'wrong-client': 'the authorization code was issued to another client',
  'wrong-redirect-uri': 'redirect_uri differs from the one used in the authorization request',
  'missing-verifier': 'code_verifier is required: the authorization request had a code_challenge',
  'wrong-verifier': 'code_verifier does not match the code_challenge',
};

/**
 * `grant_type=authorization_code`: the code is single-use (RFC 6749 §4.1.2; a reuse revokes what it
 * issued) and names one company, so the pair it yields is strict (Gusto strict-access guide, step 2).
 */
export async function exchangeCode(
  ctx: RouteContext,
  client: ClientRecord,
  fields: OAuthFields,
): Promise<components['schemas']['TokenResponse']> {
  const { sandbox } = ctx;
  const redemption = await sandbox.grants.redeemCode('gusto', fields.required('code'), {
    clientId: client.clientId,
    redirectUri: fields.optional('redirect_uri'),
    codeVerifier: fields.optional('code_verifier'),
  });
  if (!redemption.ok) throw gustoErrors.oauth.invalidGrant(failures[redemption.reason]);
  const grant = await sandbox.store.find('grant', redemption.code.grantId);
  if (!grant || grant.revokedAt !== undefined) throw gustoErrors.oauth.invalidGrant('the grant was revoked');
  ctx.touch({ grantId: grant.id });
  const pair = await issueCompanyPair(sandbox, grant);
  return tokenResponse(pair.access, pair.refreshToken);
}
