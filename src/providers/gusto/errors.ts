import { type Refusal, refusals } from '../../engine/dialect.js';
import type { TokenRejection } from '../../engine/errors.js';
import { ProviderError } from '../../engine/errors.js';
import type { NamedFault } from '../../engine/faults.js';
import type { SandboxRequest } from '../../engine/http.js';
import type { Problem } from '../../engine/shape.js';

/**
 * Gusto's error envelope `{"errors":[{error_key, category, message}]}` (docs.gusto.com error-categories;
 * providers.md §5.5). Categories are Gusto's own where documented; the 401/403 texts are Doorkeeper's.
 */
/** Gusto's OAuth endpoints, below the mount: every error there is an RFC 6749 body. */
export const gustoPaths = { token: '/oauth/token', revoke: '/oauth/revoke' } as const;

function gustoError(
  status: number,
  category: string,
  message: string,
  options: { errorKey?: string; headers?: Record<string, string> } = {},
): ProviderError {
  return new ProviderError(
    status,
    { errors: [{ error_key: options.errorKey ?? 'base', category, message }] },
    options.headers,
  );
}

/** RFC 6749 §5.2 bodies; the descriptions are Doorkeeper's defaults (doorkeeper config/locales/en.yml). */
function oauthError(status: number, error: string, description: string): ProviderError {
  return new ProviderError(status, { error, error_description: oauthText(description) });
}

/** RFC 6749 §5.2: error_description may hold only %x20-21 / %x23-5B / %x5D-7E (no quote or backslash). */
function oauthText(text: string): string {
  return text.replace(/[^\x20\x21\x23-\x5b\x5d-\x7e]/g, '?').slice(0, 400);
}

const doorkeeperTexts: Record<TokenRejection, string> = {
  missing: 'The access token is invalid',
  malformed: 'The access token is invalid',
  unknown: 'The access token is invalid',
  expired: 'The access token expired',
  revoked: 'The access token was revoked',
};

const hints: Record<TokenRejection, string> = {
  missing: ' (no token was sent: did you forget the "Authorization: Bearer <token>" header?)',
  malformed: ' (the Authorization header is not of the form "Bearer <token>")',
  unknown: '',
  expired: ' (refresh it with grant_type=refresh_token)',
  revoked: '',
};

export const gustoErrors = {
  /** RFC 6750 §3: 401 with WWW-Authenticate; Doorkeeper names the realm and the reason. */
  tokenRejected: (reason: TokenRejection) => {
    const description = doorkeeperTexts[reason];
    const challenge =
      reason === 'missing'
        ? 'Bearer realm="Doorkeeper"'
        : `Bearer realm="Doorkeeper", error="invalid_token", error_description="${description}"`;
    return gustoError(401, 'invalid_token', `${description}${hints[reason]}.`, {
      headers: { 'www-authenticate': challenge },
    });
  },
  invalidApiVersion: (message: string) =>
    gustoError(406, 'invalid_api_version', message, { errorKey: 'request' }),
  /** Gusto strict access: from 2023-05-01 every endpoint wants a one-company token (seed 004). */
  strictTokenRequired: (version: string) =>
    gustoError(
      403,
      'invalid_token',
      `API version ${version} requires a strict access token (one company per token). Exchange this token with grant_type=strict_access at POST /oauth/token.`,
    ),
  systemTokenRequired: () =>
    gustoError(403, 'invalid_token', 'This endpoint needs a system access token (grant_type=system_access).'),
  companyTokenRequired: () =>
    gustoError(
      403,
      'invalid_token',
      'A system access token cannot reach company data; use a company access token.',
    ),
  missingScope: (scope: string) =>
    gustoError(
      403,
      'missing_permissions',
      `The access token lacks the scope ${scope} that this endpoint requires.`,
    ),
  companyNotReached: (companyId: string, why = ''): ProviderError =>
    gustoError(
      403,
      'missing_permissions',
      `The access token does not have access to company ${companyId}.${why}`,
    ),
  companyMovedToStrictToken: (companyId: string): ProviderError =>
    gustoErrors.companyNotReached(
      companyId,
      ' Its access was revoked from this legacy grant when a strict access token for it was first used.',
    ),
  notFound: (req: SandboxRequest) =>
    gustoError(404, 'not_found', `No Gusto endpoint ${req.method} ${req.path}.`, { errorKey: 'request' }),
  resourceNotFound: () =>
    gustoError(404, 'not_found', 'The requested resource was not found.', { errorKey: 'request' }),
  methodNotAllowed: (req: SandboxRequest, allowed: string[]) =>
    gustoError(
      405,
      'invalid_operation',
      `${req.method} is not allowed on ${req.path}; use ${allowed.join(' or ')}.`,
      {
        errorKey: 'request',
        headers: { allow: allowed.join(', ') },
      },
    ),
  refused: (req: SandboxRequest, refusal: Refusal) => {
    const { status, message } = refusals[refusal];
    // POST /oauth/token and /oauth/revoke answer every error in RFC 6749's shape.
    if (req.path === gustoPaths.token || req.path === gustoPaths.revoke)
      return oauthError(status, 'invalid_request', message);
    return gustoError(status, 'invalid_parameter', message, { errorKey: 'request' });
  },
  invalidBody: (message: string, field?: string) =>
    gustoError(422, field === undefined ? 'invalid_parameter' : 'invalid_attribute_value', message, {
      errorKey: field ?? 'request',
    }),
  /** Gusto's 422 lists one error per field (error-categories: invalid_attribute_value). */
  invalidAttributes: (problems: readonly Problem[]) =>
    new ProviderError(422, {
      errors: problems.map((p) => ({
        error_key: p.path || 'base',
        category: 'invalid_attribute_value',
        message: `${p.path || 'body'} ${p.message}`,
      })),
    }),
  internal: () => gustoError(500, 'internal_error', 'The sandbox failed to handle this request.'),
  /** Errors a scripted fault names: token-endpoint ones in RFC 6749 shape, the rest in Gusto's envelope. */
  named: (name: NamedFault): ProviderError => {
    switch (name) {
      case 'invalid_grant':
        return gustoErrors.oauth.invalidGrant('injected by a sandbox fault');
      case 'invalid_client':
        return gustoErrors.oauth.invalidClient();
      case 'invalid_token':
        return gustoErrors.tokenRejected('unknown');
      case 'expired_token':
        return gustoErrors.tokenRejected('expired');
      case 'insufficient_scope':
        return gustoErrors.missingScope('(injected by a sandbox fault)');
      case 'rate_limited':
        // Gusto: 429 on too many requests (gusto.com/about/bd/errors); the body is not documented.
        return gustoError(429, 'rate_limit_exceeded', 'Too many requests; retry later.', {
          headers: { 'retry-after': '1' },
        });
      case 'server_error':
        return gustoErrors.internal();
      case 'temporarily_unavailable':
        return gustoError(503, 'service_unavailable', 'The service is temporarily unavailable; retry later.');
    }
  },

  oauth: {
    invalidRequest: (detail: string) =>
      oauthError(
        400,
        'invalid_request',
        `The request is missing a required parameter, includes an unsupported parameter value, or is otherwise malformed: ${detail}.`,
      ),
    invalidClient: () =>
      oauthError(
        401,
        'invalid_client',
        'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
      ),
    invalidGrant: (detail: string) =>
      oauthError(
        400,
        'invalid_grant',
        `The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client (${detail}).`,
      ),
    unsupportedGrantType: (grantType: string) =>
      oauthError(
        400,
        'unsupported_grant_type',
        `The authorization grant type is not supported by the authorization server (got ${grantType}; use authorization_code, refresh_token, system_access or strict_access).`,
      ),
    /** RFC 7009 §2.1 via Doorkeeper: a client may revoke only its own tokens. */
    unauthorizedClient: () =>
      oauthError(403, 'unauthorized_client', 'You are not authorized to revoke this token'),
  },
};
