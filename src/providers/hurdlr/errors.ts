import { type Refusal, refusals } from '../../engine/dialect.js';
import type { TokenRejection } from '../../engine/errors.js';
import { ProviderError } from '../../engine/errors.js';
import type { NamedFault } from '../../engine/faults.js';
import type { SandboxRequest } from '../../engine/http.js';
import type { components } from '../../generated/hurdlr.js';

type OAuthErrorBody = components['schemas']['OAuthErrorBody'];
type AccountFailure = components['schemas']['AccountFailure'];

/**
 * Hurdlr documents no error bodies (providers.md §2.4): the sandbox answers RFC 6749 §5.2
 * `{"error","error_description"}` on the token endpoint and RFC 6750 §3 on resource calls.
 */
function oauthError(
  status: number,
  error: OAuthErrorBody['error'],
  description: string,
  headers = {},
): ProviderError {
  const body: OAuthErrorBody = { error, error_description: description };
  return new ProviderError(status, body, headers);
}

function accountFailure(status: number, result: AccountFailure['result'], error: string): ProviderError {
  const body: AccountFailure = { result, error };
  return new ProviderError(status, body);
}

const rejections: Record<TokenRejection, string> = {
  missing: 'No access token was sent: did you forget the "Authorization: Bearer <access_token>" header?',
  malformed: 'The Authorization header is not "Bearer <access_token>".',
  unknown: 'The access token is invalid.',
  expired: 'The access token expired. Use the refresh token at POST /v4/auth/token.',
  revoked: 'The access token was revoked.',
};

export const hurdlrErrors = {
  invalidRequest: (description: string) => oauthError(400, 'invalid_request', description),
  invalidClient: () =>
    oauthError(
      401,
      'invalid_client',
      'Client authentication failed: unknown client_id or wrong client_secret.',
    ),
  missingClient: () =>
    oauthError(
      401,
      'invalid_client',
      'client_id and client_secret are required in the form body (not in a header).',
    ),
  invalidGrant: (description: string) => oauthError(400, 'invalid_grant', description),
  unsupportedGrantType: (grantType: string) =>
    oauthError(
      400,
      'unsupported_grant_type',
      `grant_type "${grantType}" is not supported; use authorization_code, refresh_token or client_credentials.`,
    ),
  /** RFC 6750 §3.1: 401 invalid_token, with the reason in WWW-Authenticate too. */
  tokenRejected: (reason: TokenRejection) => {
    const description = rejections[reason];
    const challenge =
      reason === 'missing'
        ? 'Bearer realm="hurdlr"'
        : `Bearer realm="hurdlr", error="invalid_token", error_description="${description.replaceAll('"', "'")}"`;
    return oauthError(401, 'invalid_token', description, { 'www-authenticate': challenge });
  },
  /** POST /v4/auth/account answers in its own documented shape: `{"result": ..., "error": ...}`. */
  accountInvalidCredentials: () =>
    accountFailure(
      401,
      'INVALID_CREDENTIALS',
      'Client authentication failed: unknown client_id or wrong client_secret.',
    ),
  accountFailure: (error: string) => accountFailure(400, 'FAILURE', error),
  notFound: (req: SandboxRequest) =>
    oauthError(404, 'invalid_request', `No Hurdlr v4 endpoint ${req.method} ${req.path}.`),
  methodNotAllowed: (req: SandboxRequest, allowed: string[]) =>
    oauthError(
      405,
      'invalid_request',
      `${req.method} is not allowed on ${req.path}; use ${allowed.join(' or ')}.`,
      {
        allow: allowed.join(', '),
      },
    ),
  refused: (_req: SandboxRequest, refusal: Refusal) =>
    oauthError(refusals[refusal].status, 'invalid_request', refusals[refusal].message),
  internal: () => oauthError(500, 'server_error', 'The sandbox failed to handle this request.'),
  /** Errors a fault injects by name (`POST /__sandbox/faults {"error": ...}`), in RFC 6749/6750 shape. */
  named: (name: NamedFault): ProviderError => {
    switch (name) {
      case 'invalid_grant':
        return hurdlrErrors.invalidGrant('The refresh_token is not valid.');
      case 'invalid_client':
        return hurdlrErrors.invalidClient();
      case 'invalid_token':
        return hurdlrErrors.tokenRejected('unknown');
      case 'expired_token':
        return hurdlrErrors.tokenRejected('expired');
      case 'insufficient_scope':
        return oauthError(403, 'insufficient_scope', 'The access token does not allow this request.');
      case 'rate_limited':
        return oauthError(429, 'temporarily_unavailable', 'Too many requests; retry later.', {
          'retry-after': '1',
        });
      case 'server_error':
        return hurdlrErrors.internal();
      case 'temporarily_unavailable':
        return oauthError(
          503,
          'temporarily_unavailable',
          'The service is temporarily unavailable; retry later.',
        );
    }
  },
};
