import type { RouteContext } from '../../engine/dialect.js';
import { json, type SandboxResponse } from '../../engine/http.js';
import type { ClientRecord } from '../../engine/records.js';
import type { components } from '../../generated/gusto.js';
import { stampVersion } from './access.js';
import { requestedVersion, servedVersion, versionHeader } from './api-version.js';
import { exchangeCode } from './authorization-code.js';
import { gustoErrors } from './errors.js';
import { refreshPair } from './refresh.js';
import { exchangeForStrictAccess } from './strict-access.js';
import { authenticateClient, OAuthFields } from './token-request.js';
import { issueSystemToken, tokenResponse } from './tokens.js';

type TokenAnswer = components['schemas']['TokenResponse'] | components['schemas']['StrictAccessTokenList'];
type GrantHandler = (ctx: RouteContext, client: ClientRecord, fields: OAuthFields) => Promise<TokenAnswer>;

const grantHandlers: Record<string, GrantHandler> = {
  authorization_code: exchangeCode,
  refresh_token: refreshPair,
  strict_access: exchangeForStrictAccess,
  // A system token: no refresh token; "you can request additional system tokens anytime" (providers.md §5.3).
  system_access: async (ctx, client) => tokenResponse(await issueSystemToken(ctx.sandbox, client)),
};

/** `POST /oauth/token`: Doorkeeper's token endpoint with Gusto's grants; errors in RFC 6749 §5.2 shape. */
export async function tokenEndpoint(ctx: RouteContext): Promise<SandboxResponse> {
  const requested = requestedVersion(ctx.req, ctx.sandbox.clock);
  const fields = OAuthFields.read(ctx.req);
  const grantType = fields.required('grant_type');
  const client = await authenticateClient(ctx.sandbox, ctx.req, fields);
  const version = servedVersion(requested, client);
  // withVersion's work, inline: every token request passes here, so it goes without a closure and an
  // async layer of its own (fewer bytes allocated per token, fewer young-generation collections).
  try {
    const handler = Object.hasOwn(grantHandlers, grantType) ? grantHandlers[grantType] : undefined;
    if (!handler) throw gustoErrors.oauth.unsupportedGrantType(grantType);
    return json(200, await handler(ctx, client, fields), {
      [versionHeader]: version,
      'cache-control': 'no-store',
    });
  } catch (error) {
    throw stampVersion(error, version);
  }
}
