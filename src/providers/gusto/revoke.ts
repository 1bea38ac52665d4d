import type { RouteContext } from '../../engine/dialect.js';
import { json, type SandboxResponse } from '../../engine/http.js';
import { versionHeaders, withVersion } from './access.js';
import { requestedVersion, servedVersion } from './api-version.js';
import { gustoErrors } from './errors.js';
import { authenticateClient, OAuthFields } from './token-request.js';

/**
 * `POST /oauth/revoke` (RFC 7009; Doorkeeper's revoke endpoint). An unknown token is answered 200 (RFC
 * 7009 §2.2); another client's token is refused. Doorkeeper keeps an access token and its refresh token
 * in one row, so revoking either revokes both.
 */
export async function revokeToken(ctx: RouteContext): Promise<SandboxResponse> {
  const { sandbox } = ctx;
  const requested = requestedVersion(ctx.req, sandbox.clock);
  const fields = OAuthFields.read(ctx.req);
  const client = await authenticateClient(sandbox, ctx.req, fields);
  const version = servedVersion(requested, client);
  return withVersion(version, async () => {
    const value = fields.required('token');
    const now = sandbox.clock.now();
    const access = await sandbox.store.find('accessToken', value);
    const refresh = access ? undefined : await sandbox.store.find('refreshToken', value);
    const owner = access ?? refresh;
    if (owner && owner.provider === 'gusto') {
      if (owner.clientId !== client.clientId) throw gustoErrors.oauth.unauthorizedClient();
      ctx.touch({ token: value, grantId: owner.grantId });
      const accessValue = access?.value ?? refresh?.accessToken;
      const refreshValue = refresh?.value ?? access?.refreshToken;
      if (accessValue !== undefined) await sandbox.grants.revokeAccessToken(accessValue, now);
      if (refreshValue !== undefined) await sandbox.grants.revokeRefreshToken(refreshValue, now);
    }
    return json(200, {}, versionHeaders(version));
  });
}
