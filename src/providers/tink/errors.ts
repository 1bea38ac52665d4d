import { type Refusal, refusals } from '../../engine/dialect.js';
import type { TokenRejection } from '../../engine/errors.js';
import { ProviderError } from '../../engine/errors.js';
import type { NamedFault } from '../../engine/faults.js';
import type { SandboxRequest } from '../../engine/http.js';

/** Tink's error body: `{"errorMessage","errorCode"}` (providers.md §3.5; codes and statuses are our choice). */
function tinkError(status: number, errorCode: string, errorMessage: string): ProviderError {
  return new ProviderError(status, { errorMessage, errorCode });
}

const rejections: Record<TokenRejection, [string, string]> = {
  missing: [
    'TOKEN_INVALID',
    'No access token was sent. Did you forget the "Authorization: Bearer <token>" header?',
  ],
  malformed: ['TOKEN_INVALID', 'The Authorization header is not of the form "Bearer <token>".'],
  unknown: ['TOKEN_INVALID', 'The access token is not valid.'],
  expired: ['TOKEN_EXPIRED', 'The access token has expired. Request a new one (or use the refresh token).'],
  revoked: ['TOKEN_REVOKED', 'The access token has been revoked.'],
};

export const tinkErrors = {
  invalidRequest: (message: string) => tinkError(400, 'INVALID_REQUEST', message),
  invalidClient: () =>
    tinkError(
      401,
      'INVALID_CLIENT',
      'Client authentication failed: unknown client_id or wrong client_secret.',
    ),
  unsupportedGrantType: (grantType: string) =>
    tinkError(
      400,
      'UNSUPPORTED_GRANT_TYPE',
      `grant_type "${grantType}" is not supported. Use client_credentials, authorization_code or refresh_token.`,
    ),
  invalidGrant: (message: string) => tinkError(400, 'INVALID_GRANT', message),
  invalidScope: (message: string) => tinkError(400, 'INVALID_SCOPE', message),
  tokenRejected: (reason: TokenRejection) => {
    const [code, message] = rejections[reason];
    return tinkError(401, code, message);
  },
  missingScope: (scope: string) =>
    tinkError(
      403,
      'MISSING_SCOPE',
      `The access token lacks the scope "${scope}" that this endpoint requires.`,
    ),
  wrongTokenKind: (needed: 'user' | 'client') =>
    tinkError(403, 'MISSING_SCOPE', `This endpoint needs a ${needed} access token.`),
  userNotFound: () =>
    tinkError(404, 'USER_NOT_FOUND', 'No user matches the given user_id or external_user_id.'),
  userAlreadyExists: () =>
    tinkError(409, 'USER_ALREADY_EXISTS', 'A user with this external_user_id already exists.'),
  notFound: (req: SandboxRequest) =>
    tinkError(404, 'NOT_FOUND', `No Tink endpoint ${req.method} ${req.path}.`),
  methodNotAllowed: (req: SandboxRequest, allowed: string[]) =>
    tinkError(
      405,
      'METHOD_NOT_ALLOWED',
      `${req.method} is not allowed on ${req.path}; use ${allowed.join(' or ')}.`,
    ),
  refused: (_req: SandboxRequest, refusal: Refusal) =>
    tinkError(
      refusals[refusal].status,
      refusal === 'body-too-large' ? 'PAYLOAD_TOO_LARGE' : 'INVALID_REQUEST',
      refusals[refusal].message,
    ),
  internal: () => tinkError(500, 'INTERNAL_ERROR', 'The sandbox failed to handle this request.'),
  named: (name: NamedFault): ProviderError => {
    switch (name) {
      case 'invalid_grant':
        return tinkErrors.invalidGrant('The grant is not valid (injected fault).');
      case 'invalid_client':
        return tinkErrors.invalidClient();
      case 'invalid_token':
        return tinkErrors.tokenRejected('unknown');
      case 'expired_token':
        return tinkErrors.tokenRejected('expired');
      case 'insufficient_scope':
        return tinkError(403, 'MISSING_SCOPE', 'The access token lacks a required scope (injected fault).');
      case 'rate_limited':
        return new ProviderError(
          429,
          { errorMessage: 'Too many requests.', errorCode: 'TOO_MANY_REQUESTS' },
          { 'retry-after': '1' },
        );
      case 'server_error':
        return tinkErrors.internal();
      case 'temporarily_unavailable':
        return new ProviderError(
          503,
          { errorMessage: 'Service unavailable.', errorCode: 'SERVICE_UNAVAILABLE' },
          { 'retry-after': '1' },
        );
    }
  },
};
