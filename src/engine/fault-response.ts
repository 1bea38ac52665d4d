import type { RegisteredDialect } from './dialect.js';
import { ProviderError } from './errors.js';
import type { Fault, NamedFault } from './faults.js';
import { json, type SandboxRequest, type SandboxResponse } from './http.js';

/** RFC 6749-shaped stand-ins for dialects that have no such error of their own. */
const generic: Record<NamedFault, [number, string]> = {
  invalid_grant: [400, 'The grant is invalid (injected fault).'],
  invalid_client: [401, 'Client authentication failed (injected fault).'],
  invalid_token: [401, 'The access token is invalid (injected fault).'],
  expired_token: [401, 'The access token expired (injected fault).'],
  insufficient_scope: [403, 'The access token lacks the scope (injected fault).'],
  rate_limited: [429, 'Too many requests (injected fault).'],
  server_error: [500, 'Internal error (injected fault).'],
  temporarily_unavailable: [503, 'The service is temporarily unavailable (injected fault).'],
};

const retryAfter: Partial<Record<NamedFault, string>> = { rate_limited: '1', temporarily_unavailable: '1' };

/** A status with no body written by the user gets the provider's own error for it. */
const namedForStatus: Record<number, NamedFault> = {
  429: 'rate_limited',
  500: 'server_error',
  503: 'temporarily_unavailable',
};

export function namedError(name: NamedFault, req: SandboxRequest, dialect: RegisteredDialect): ProviderError {
  const own = dialect.errors.named?.(name, req);
  if (own) return own;
  const [status, description] = generic[name];
  const after = retryAfter[name];
  return new ProviderError(
    status,
    { error: name, error_description: description },
    after ? { 'retry-after': after } : {},
  );
}

/** What a fault answers with; undefined when it only delays the request. */
export function faultResponse(
  fault: Fault,
  req: SandboxRequest,
  dialect: RegisteredDialect,
): SandboxResponse | undefined {
  if (fault.action === 'reset-connection') return { status: 0, headers: {}, dropConnection: true };
  const name =
    fault.error ??
    (fault.status !== undefined && fault.body === undefined ? namedForStatus[fault.status] : undefined);
  if (name !== undefined) {
    const base = namedError(name, req, dialect).toResponse();
    return { ...base, status: fault.status ?? base.status, headers: { ...base.headers, ...fault.headers } };
  }
  if (fault.status === undefined) return undefined;
  if (fault.body === undefined) return { status: fault.status, headers: { ...fault.headers } };
  return json(fault.status, fault.body, fault.headers);
}
