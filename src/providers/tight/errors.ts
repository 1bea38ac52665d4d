import { type Refusal, refusals } from '../../engine/dialect.js';
import type { TokenRejection } from '../../engine/errors.js';
import { ProviderError } from '../../engine/errors.js';
import type { NamedFault } from '../../engine/faults.js';
import type { SandboxRequest } from '../../engine/http.js';
import type { Problem } from '../../engine/shape.js';
import type { components } from '../../generated/tight.js';

type ErrorItem = components['schemas']['ErrorItem'];
type ErrorType = components['schemas']['ErrorType'];
type FailureEnvelope = components['schemas']['FailureEnvelope'];

/**
 * Tight's unified envelope on every error (docs.tight.com/api-reference/errors):
 * `{"result":"FAILURE","data":null,"error":[{type,message,param}]}`.
 */
function tightError(status: number, items: ErrorItem[], headers: Record<string, string> = {}): ProviderError {
  const body: FailureEnvelope = { result: 'FAILURE', data: null, error: items };
  return new ProviderError(status, body, headers);
}

function item(type: ErrorType, message: string, param?: string): ErrorItem {
  return param === undefined ? { type, message } : { type, message, param };
}

// The 401 and 403 messages are Tight's documented ones (errors page); the expired text is ours.
const invalidTokenMessage = 'The access_token provided is invalid.';
const forbiddenMessage = "The access_token doesn't have permissions to perform the request.";

const rejections: Record<TokenRejection, ErrorItem> = {
  // Tight's 401 text is the same whatever is wrong with the token, a missing header included.
  missing: item('INVALID_TOKEN', invalidTokenMessage),
  malformed: item('INVALID_TOKEN', invalidTokenMessage),
  unknown: item('INVALID_TOKEN', invalidTokenMessage),
  // Tight documents no revocation; a revoked token is simply no longer valid.
  revoked: item('INVALID_TOKEN', invalidTokenMessage),
  expired: item(
    'EXPIRED_TOKEN',
    'The access_token provided has expired. Request a new one from POST /v6/auth/token.',
  ),
};

export const tightErrors = {
  tokenRejected: (reason: TokenRejection) => tightError(401, [rejections[reason]]),
  /** A read-only token on a write call, or a company outside the token's reach (Tight's documented 403). */
  forbidden: (param?: string) => tightError(403, [item('BAD_REQUEST', forbiddenMessage, param)]),
  invalidClient: () =>
    tightError(
      401,
      [
        item(
          'INVALID_VALUE',
          'Client authentication failed: unknown client_id or wrong client_secret.',
          'client_id',
        ),
      ],
      { 'www-authenticate': 'Basic realm="tight"' },
    ),
  missingClientAuth: () =>
    tightError(
      401,
      [
        item(
          'REQUIRED',
          'Client authentication is required: send "Authorization: Basic base64(client_id:client_secret)" (curl -u).',
          'client_id',
        ),
      ],
      { 'www-authenticate': 'Basic realm="tight"' },
    ),
  required: (param: string, message = `${param} is required`) =>
    tightError(400, [item('REQUIRED', message, param)]),
  invalidValue: (param: string, message: string) => tightError(400, [item('INVALID_VALUE', message, param)]),
  invalidFormat: (message: string, param?: string) =>
    tightError(400, [item('INVALID_FORMAT', message, param)]),
  jsonError: (message: string) => tightError(400, [item('JSON_ERROR', message)]),
  /** Every problem a shape check found, each naming its parameter. */
  problems: (problems: Problem[]) =>
    tightError(
      400,
      problems.map((p) =>
        p.message.startsWith('is required')
          ? item('REQUIRED', `${p.path} ${p.message}`, p.path)
          : item('INVALID_VALUE', `${p.path}: ${p.message}`, p.path),
      ),
    ),
  companyNotFound: (id: string) =>
    tightError(404, [item('INVALID_VALUE', `No company has the id ${id}.`, 'id')]),
  notFound: (req: SandboxRequest) =>
    tightError(404, [item('BAD_REQUEST', `No Tight v6 endpoint ${req.method} ${req.path}.`)]),
  methodNotAllowed: (req: SandboxRequest, allowed: string[]) =>
    tightError(
      405,
      [item('BAD_REQUEST', `${req.method} is not allowed on ${req.path}; use ${allowed.join(' or ')}.`)],
      {
        allow: allowed.join(', '),
      },
    ),
  refused: (_req: SandboxRequest, refusal: Refusal) =>
    tightError(refusals[refusal].status, [item('BAD_REQUEST', refusals[refusal].message)]),
  internal: () => tightError(500, [item('UNKNOWN_ERROR', 'The sandbox failed to handle this request.')]),
  /** Errors a fault injects by name (`POST /__sandbox/faults {"error": ...}`), in Tight's envelope. */
  named: (name: NamedFault): ProviderError => {
    switch (name) {
      case 'invalid_grant':
        return tightErrors.invalidValue('refresh_token', 'The refresh_token is not valid.');
      case 'invalid_client':
        return tightErrors.invalidClient();
      case 'invalid_token':
        return tightErrors.tokenRejected('unknown');
      case 'expired_token':
        return tightErrors.tokenRejected('expired');
      case 'insufficient_scope':
        return tightErrors.forbidden();
      case 'rate_limited':
        // docs (errors page): 429 is one of Tight's statuses.
        return tightError(429, [item('UNKNOWN_ERROR', 'Too many requests; retry later.')], {
          'retry-after': '1',
        });
      case 'server_error':
        return tightErrors.internal();
      case 'temporarily_unavailable':
        return tightError(503, [
          item('UNKNOWN_ERROR', 'The service is temporarily unavailable; retry later.'),
        ]);
    }
  },
};
