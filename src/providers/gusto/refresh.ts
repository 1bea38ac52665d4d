import type { RouteContext } from '../../engine/dialect.js';
import type { ClientRecord } from '../../engine/records.js';
import type { components } from '../../generated/gusto.js';
import { gustoErrors } from './errors.js';
import type { OAuthFields } from './token-request.js';
import { issueCompanyPair, tokenResponse } from './tokens.js';

/**
 * `grant_type=refresh_token`: a new pair each time. Unlike RFC 6819 rotation, the old refresh token is
 * not consumed here: "The previous refresh_token will be revoked on the first usage of the new
 * access_token" (Gusto refresh-access-token reference; Doorkeeper `refresh_token_revoked_on_use`). Until
 * then it keeps working, so it is looked up rather than consumed. Refresh tokens never expire.
 */
export async function refreshPair(
  ctx: RouteContext,
  client: ClientRecord,
  fields: OAuthFields,
): Promise<components['schemas']['TokenResponse']> {
  const { sandbox } = ctx;
  const value = fields.required('refresh_token');
  const previous = await sandbox.store.find('refreshToken', value);
  if (previous?.provider !== 'gusto') throw gustoErrors.oauth.invalidGrant('unknown refresh token');
  ctx.touch({ grantId: previous.grantId, token: value });
  if (previous.clientId !== client.clientId)
    throw gustoErrors.oauth.invalidGrant('the refresh token was issued to another client');
  if (previous.revokedAt !== undefined) {
    throw gustoErrors.oauth.invalidGrant(
      'the refresh token was revoked (its successor access token has been used)',
    );
  }
  const grant = await sandbox.store.find('grant', previous.grantId);
  if (!grant || grant.revokedAt !== undefined) throw gustoErrors.oauth.invalidGrant('the grant was revoked');
  const pair = await issueCompanyPair(sandbox, grant, previous.value);
  await sandbox.grants.linkSuccessor(previous, pair.refreshToken);
  return tokenResponse(pair.access, pair.refreshToken);
}
