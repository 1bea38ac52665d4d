import type { ProviderId, SandboxRequest, SandboxResponse } from '../engine/http.js';
import { toPrismRequest, toPrismResponse } from './exchange.js';
import {
  type HttpOperation,
  isRoutingFailure,
  type PrismProxyConfig,
  type PrismResponse,
  type PrismRuntime,
  prismMethod,
} from './runtime.js';

/** One contract violation of a stateful exchange against the provider's OpenAPI document. */
export interface ContractViolation {
  provider: ProviderId;
  /** The document's operationId (else `METHOD /path/template`); `(none)` when no operation matched. */
  operation: string;
  method: string;
  path: string;
  /** The status the stateful layer answered with. */
  status: number;
  where: 'request' | 'response';
  violations: ViolationDetail[];
}

export interface ViolationDetail {
  /** Where in the message: `body.access_token`, `query.limit`, `header.x-gusto-api-version`. */
  path: string;
  message: string;
  severity: 'error';
}

/** @stoplight/types `DiagnosticSeverity.Error`; warnings (e.g. an undeclared 4xx status) do not count. */
const errorSeverity = 0;

/**
 * Validation only: the stateful layer has already answered. Prism's proxy mode lets a `forward`
 * component stand in for the upstream, so the forward below hands Prism the stateful response and
 * Prism validates the request (with the presence-only security check) and that response.
 */
function validationConfig(): PrismProxyConfig {
  return {
    isProxy: true,
    upstream: new URL('http://stateful-layer.invalid'),
    upstreamProxy: undefined,
    mock: { dynamic: false },
    checkSecurity: true,
    validateRequest: true,
    validateResponse: true,
    // With `errors` off, a request matching no operation would be "forwarded" with a mere warning.
    errors: true,
  };
}

/**
 * The violations of one stateful exchange. Response violations always count; request violations
 * only when the stateful layer answered 2xx, since it answers bad requests with the provider's 4xx.
 */
export async function checkExchange(
  runtime: PrismRuntime,
  operations: HttpOperation[],
  req: SandboxRequest,
  res: SandboxResponse,
  document: string,
): Promise<ContractViolation[]> {
  const method = prismMethod(req.method);
  const base = { provider: req.provider, method: req.method, path: req.path, status: res.status };
  if (!method) {
    const message = `${req.method} cannot be described by an OpenAPI document`;
    return [
      {
        ...base,
        operation: '(none)',
        where: 'request',
        violations: [{ path: '', message, severity: 'error' }],
      },
    ];
  }
  let matched: HttpOperation | undefined;
  const output = toPrismResponse(res);
  const prism = runtime.http.createInstance(validationConfig(), {
    logger: runtime.logger,
    forward: (_input, _baseUrl, _upstreamProxy, operation) => () => {
      matched = operation;
      return () => Promise.resolve({ _tag: 'Right' as const, right: output satisfies PrismResponse });
    },
  });
  const result = await prism.request(toPrismRequest(req, method), operations, validationConfig())();
  if (result._tag === 'Left') {
    if (!isRoutingFailure(result.left)) throw result.left;
    // A stateful route the document does not describe is a gap in the contract, whatever the status.
    const message = `no operation of ${document} matches ${req.method} ${req.path}: ${result.left.message}`;
    return [
      {
        ...base,
        operation: '(none)',
        where: 'request',
        violations: [{ path: '', message, severity: 'error' }],
      },
    ];
  }
  const operation = matched?.iid ?? `${req.method} ${matched?.path ?? req.path}`;
  const found: ContractViolation[] = [];
  const requestErrors = errorsOf(result.right.validations.input);
  if (requestErrors.length > 0 && res.status >= 200 && res.status < 300) {
    found.push({ ...base, operation, where: 'request', violations: requestErrors });
  }
  const responseErrors = errorsOf(result.right.validations.output);
  if (responseErrors.length > 0)
    found.push({ ...base, operation, where: 'response', violations: responseErrors });
  return found;
}

function errorsOf(
  diagnostics: readonly { path?: string[] | undefined; message: string; severity: number }[],
): ViolationDetail[] {
  return diagnostics
    .filter((d) => d.severity === errorSeverity)
    .map((d) => ({ path: d.path?.join('.') ?? '', message: d.message, severity: 'error' }));
}
