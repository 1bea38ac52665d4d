import type { RouteContext } from '../../engine/dialect.js';
import { andThen, caught, type Eventually } from '../../engine/eventually.js';
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
type GrantHandler = (ctx: RouteContext, client: ClientRecord, fields: OAuthFields) => Eventually<TokenAnswer>;

const grantHandlers: Record<string, GrantHandler> = {
  authorization_code: exchangeCode,
  refresh_token: refreshPair,
  strict_access: exchangeForStrictAccess,
  // A system token: no refresh token; "you can request additional system tokens anytime" (providers.md §5.3).
  system_access: (ctx, client) => andThen(issueSystemToken(ctx.sandbox, client), tokenResponse),
};

/** `POST /oauth/token`: Doorkeeper's token endpoint with Gusto's grants; errors in RFC 6749 §5.2 shape. */
export function tokenEndpoint(ctx: RouteContext): Eventually<SandboxResponse> {
  const requested = requestedVersion(ctx.req, ctx.sandbox.clock);
  const fields = OAuthFields.read(ctx.req);
  const grantType = fields.required('grant_type');
  return andThen(authenticateClient(ctx.sandbox, ctx.req, fields), (client) => {
    const version = servedVersion(requested, client);
    // Every error from here on says which API version answered it.
    return caught(
      () => {
        const handler = Object.hasOwn(grantHandlers, grantType) ? grantHandlers[grantType] : undefined;
        if (!handler) throw gustoErrors.oauth.unsupportedGrantType(grantType);
        return andThen(handler(ctx, client, fields), (body) => tokenAnswer(body, version));
      },
      (error) => {
        throw stampVersion(error, version);
      },
    );
  });
}

function tokenAnswer(body: TokenAnswer, version: string): SandboxResponse {
  return json(200, body, { [versionHeader]: version, 'cache-control': 'no-store' });
}
