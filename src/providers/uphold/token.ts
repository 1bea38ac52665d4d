import { BodyError, readBasicCredentials, readForm } from '../../engine/body.js';
import type { RouteContext } from '../../engine/dialect.js';
import { andThen, type Eventually } from '../../engine/eventually.js';
import { json, type SandboxResponse } from '../../engine/http.js';
import type { ClientRecord } from '../../engine/records.js';
import type { components } from '../../generated/uphold.js';
import { organizationOf } from './clients.js';
import { upholdErrors } from './errors.js';
import { formatScopes, parseScopes, uncovered } from './scopes.js';

type TokenResponse = components['schemas']['TokenResponse'];

/** Access tokens live 600 s (the docs' JWT: exp - iat = 600, providers.md §4.3). */
export const accessTokenLifetime = 600;
const scopeMaxLength = 4096;

/**
 * POST /core/oauth2/token: the form is validated first (as the Core API's schema validation does),
 * then the Basic client credentials, then the grant type and the scopes.
 */
export function issueToken(ctx: RouteContext): Eventually<SandboxResponse> {
  const request = readTokenRequest(ctx);
  return andThen(authenticate(ctx), (client) => {
    if (request.grantType !== 'client_credentials') throw upholdErrors.unsupportedGrantType();
    const scopes = request.scope === undefined ? client.scopes : parseScopes(request.scope);
    if (uncovered(client.scopes, scopes).length > 0) throw upholdErrors.invalidScope();
    // Seeding always sets the organization; a record without one (restored from elsewhere) still gets a token.
    const organizationId = organizationOf(client) ?? ctx.sandbox.random.uuid();
    return andThen(clientToken(ctx, client, scopes, organizationId), (body) =>
      json(200, body, {
        'x-uphold-organization-id': organizationId,
        // RFC 6749 §5.1: token responses must not be cached.
        'cache-control': 'no-store',
        pragma: 'no-cache',
      }),
    );
  });
}

function readTokenRequest(ctx: RouteContext): { grantType: string; scope?: string } {
  let form: ReadonlyMap<string, string>;
  try {
    form = readForm(ctx.req);
  } catch (error) {
    if (error instanceof BodyError) throw upholdErrors.invalidRequest(formProblem(error));
    throw error;
  }
  const grantType = form.get('grant_type');
  if (grantType === undefined) throw upholdErrors.missingGrantType();
  const scope = form.get('scope');
  if (scope !== undefined && scope.length > scopeMaxLength) {
    throw upholdErrors.invalidRequest(`Body/scope must NOT have more than ${scopeMaxLength} characters`);
  }
  return scope === undefined || scope.trim() === '' ? { grantType } : { grantType, scope };
}

function formProblem(error: BodyError): string {
  if (error.param !== undefined) return `Body/${error.param} must not be repeated`;
  return `Body must be application/x-www-form-urlencoded (${error.message})`;
}

/** HTTP Basic only (spec parameter `create-oauth2-token-authorization`); body credentials are not read. */
function authenticate(ctx: RouteContext): Eventually<ClientRecord> {
  const credentials = readBasicCredentials(ctx.req);
  if (!credentials || credentials.clientId === '') throw upholdErrors.unreadableClientCredentials();
  const { clientId, clientSecret } = credentials;
  return ctx.sandbox.grants.requireClient('uphold', clientId, clientSecret, upholdErrors.invalidClient);
}

function clientToken(
  ctx: RouteContext,
  client: ClientRecord,
  scopes: readonly string[],
  organizationId: string,
): Eventually<TokenResponse> {
  const { grants, keys } = ctx.sandbox;
  const scope = formatScopes(scopes);
  const lifetimeSeconds = ctx.sandbox.lifetime('uphold', 'accessToken', accessTokenLifetime);
  // Client credentials tokens stand alone (no grant record per token): Uphold has no refresh or revoke
  // endpoint that would act on a grant, and a grant per token only grew memory under load.
  const issued = grants.issueAccessToken({
    provider: 'uphold',
    kind: 'client',
    clientId: client.clientId,
    userId: client.boundUserId,
    scopes,
    lifetimeSeconds,
    // The docs' payload is {aud, org, scope, iat, exp}; jti keeps two tokens of one second distinct.
    mint: ({ iat, exp, jti }) =>
      keys.sign('uphold', 'HS256', {
        aud: client.clientId,
        org: organizationId,
        scope,
        iat,
        exp,
        jti: jti(),
      }),
  });
  return andThen(issued, (token) => {
    ctx.touch({ token: token.value });
    return { access_token: token.value, token_type: 'Bearer', expires_in: lifetimeSeconds, scope };
  });
}
