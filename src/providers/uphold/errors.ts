import { type Refusal, refusals } from '../../engine/dialect.js';
import { ProviderError, type TokenRejection } from '../../engine/errors.js';
import type { NamedFault } from '../../engine/faults.js';
import type { SandboxRequest } from '../../engine/http.js';
import type { components } from '../../generated/uphold.js';

type ApiError = components['schemas']['Error'];
type OAuth2Error = components['schemas']['OAuth2Error'];
type Violation = components['schemas']['Violation'];

/**
 * Uphold's two error shapes (providers.md §4.3-4.4). The token endpoint answers RFC 6749
 * `{error, error_description}`; everything else answers `{code, message, details?}`. Texts marked C are
 * the ones the Core API spec quotes; the others are the sandbox's own (I).
 */
/** The sandbox's own codes (I) for requests refused before a route ran, in Uphold's snake case. */
const refusalCodes: Record<Refusal, string> = {
  'body-too-large': 'content_too_large',
  'headers-too-large': 'request_headers_too_large',
  malformed: 'request_invalid',
  timeout: 'request_timeout',
};

/** Uphold's token endpoint, below the mount. */
export const upholdTokenPath = '/core/oauth2/token';

function oauthError(status: number, error: OAuth2Error['error'], description: string): ProviderError {
  const body: OAuth2Error = { error, error_description: description };
  return new ProviderError(status, body);
}

function apiError(status: number, body: ApiError, headers: Record<string, string> = {}): ProviderError {
  return new ProviderError(status, body, headers);
}

/** The exact 401 bodies of the spec's `unauthorized` response (C). */
const rejections: Record<TokenRejection, ApiError> = {
  missing: {
    code: 'token_invalid',
    message: 'The access token is invalid',
    details: { hint: 'No access token was sent. Did you forget the "Authorization: Bearer <token>" header?' },
  },
  malformed: {
    code: 'token_invalid',
    message: 'The access token is invalid',
    details: { hint: 'The Authorization header is not of the form "Bearer <token>".' },
  },
  unknown: { code: 'token_invalid', message: 'The access token is invalid' },
  expired: { code: 'token_expired', message: 'The access token has expired' },
  revoked: { code: 'token_revoked', message: 'The access token has been revoked' },
};

const requestInvalidMessage = 'The request has missing or invalid parameters';

export const upholdErrors = {
  // Token endpoint (RFC 6749 §5.2 bodies; descriptions C unless noted).
  invalidRequest: (description: string) => oauthError(400, 'invalid_request', description),
  missingGrantType: () => oauthError(400, 'invalid_request', "Body must have required property 'grant_type'"),
  unsupportedGrantType: () => oauthError(400, 'unsupported_grant_type', 'Grant type not supported'),
  invalidScope: () => oauthError(400, 'invalid_scope', 'Requested scopes must be equal or narrower'),
  unreadableClientCredentials: () =>
    oauthError(
      401,
      'invalid_client',
      'Client id and secret could not be extracted from Authorization header',
    ),
  invalidClient: () => oauthError(401, 'invalid_client', 'Client does not exist or secret is incorrect'),

  // Resource calls (`{code, message, details?}`).
  tokenRejected: (reason: TokenRejection) => apiError(401, rejections[reason]),
  insufficientScopes: (required: readonly string[], tokenScopes: readonly string[]) =>
    apiError(403, {
      code: 'token_insufficient_scopes',
      message: 'Authorization failed due to insufficient scopes',
      details: {
        security: [{ scheme: 'OAuth', schemeScopes: [...required], tokenScopes: [...tokenScopes] }],
      },
    }),
  requestInvalid: (context: 'body' | 'headers' | 'query', violations: Violation[]) =>
    apiError(400, {
      code: 'request_invalid',
      message: requestInvalidMessage,
      details: { context, violations },
    }),
  /** The seed's exact body (seed 003): hyphenated code and top-level `reasons`. */
  userBlocked: () =>
    apiError(409, {
      code: 'operation-not-allowed',
      message: 'The current status of the user does not allow calling this endpoint',
      reasons: ['user-blocked'],
    }),
  missingUserContext: () =>
    apiError(409, {
      code: 'operation_not_allowed',
      message: 'Request not allowed due to missing user context',
      details: { reasons: ['missing-user-context'] },
    }),
  /** The spec's create-user example (C): the end user's IP header is missing. */
  missingUserIp: () =>
    apiError(409, {
      code: 'operation_not_allowed',
      message: 'Request not allowed due to missing user context',
      details: { reasons: ['missing-user-ip-header'] },
    }),
  userSubjectNotAllowed: () =>
    apiError(409, {
      code: 'operation_not_allowed',
      message: 'Request not allowed on behalf of a user',
      details: { reasons: ['user-subject-not-allowed'] },
    }),
  // I: the mismatch error of single-user clients is undocumented (providers.md §4.5).
  boundToAnotherSubject: () =>
    apiError(403, {
      code: 'operation_not_allowed',
      message: 'The client is bound to a single user and cannot act on behalf of another subject',
      details: { reasons: ['client-bound-to-user'] },
    }),
  userNotFound: () => apiError(404, { code: 'entity_not_found', message: 'The user cannot be found' }),
  emailAlreadyExists: () =>
    apiError(409, {
      code: 'email_already_exists',
      message: 'The provided email is already in use by another user',
    }),
  assetNotSupported: () =>
    apiError(409, {
      code: 'asset_not_supported',
      message: 'The asset is not supported',
      details: { context: 'body', property: 'asset' },
    }),

  // What the dispatcher needs (I: Uphold's own texts for these are not published).
  notFound: (req: SandboxRequest) =>
    apiError(404, { code: 'not_found', message: `No Uphold Core endpoint ${req.method} ${req.path}` }),
  methodNotAllowed: (req: SandboxRequest, allowed: string[]) =>
    apiError(
      405,
      {
        code: 'method_not_allowed',
        message: `${req.method} is not allowed on ${req.path}; use ${allowed.join(' or ')}`,
      },
      { allow: allowed.join(', ') },
    ),
  refused: (req: SandboxRequest, refusal: Refusal) => {
    const { status, message } = refusals[refusal];
    // The token endpoint answers every error in RFC 6749's shape.
    if (req.path === upholdTokenPath) return oauthError(status, 'invalid_request', message);
    return apiError(status, { code: refusalCodes[refusal], message });
  },
  internal: () =>
    apiError(500, { code: 'internal_server_error', message: 'The sandbox failed to handle this request' }),
  /** Errors a scripted fault names, in the shape the endpoint would use. */
  named: (name: NamedFault): ProviderError => namedFault(name),
};

function namedFault(name: NamedFault): ProviderError {
  switch (name) {
    case 'invalid_grant':
      // The spec's token-endpoint example (C).
      return oauthError(400, 'invalid_grant', 'Token expired');
    case 'invalid_client':
      return upholdErrors.invalidClient();
    case 'invalid_token':
      return upholdErrors.tokenRejected('unknown');
    case 'expired_token':
      return upholdErrors.tokenRejected('expired');
    case 'insufficient_scope':
      return upholdErrors.insufficientScopes([], []);
    case 'rate_limited':
      // Spec `too-many-requests` (C), with a short Retry-After so that clients retry quickly.
      return apiError(429, { code: 'too_many_requests', message: 'Try again later' }, { 'retry-after': '1' });
    case 'server_error':
      return upholdErrors.internal();
    case 'temporarily_unavailable':
      return apiError(503, {
        code: 'service_unavailable',
        message: 'The service is temporarily unavailable',
      });
  }
}
