import type { SandboxRequest, SandboxResponse } from '../engine/http.js';
import { fromPrismResponse, problemResponse, toPrismRequest } from './exchange.js';
import {
  type HttpOperation,
  isRoutingFailure,
  type PrismMockConfig,
  type PrismRuntime,
  prismMethod,
} from './runtime.js';

/**
 * Static mocking from the document's examples. A fresh object per call: Prism writes the first
 * request's Accept header into the mock config it is given, and it would stick for every later call.
 */
function mockConfig(): PrismMockConfig {
  return {
    isProxy: false,
    mock: { dynamic: false },
    // Presence-only security check (any `Bearer x` passes): fine for operations with no state.
    checkSecurity: true,
    validateRequest: true,
    validateResponse: false,
    errors: false,
    upstreamProxy: undefined,
  };
}

/**
 * Prism's answer to a request no stateful route handles: the document's example for the matched
 * operation, Prism's (or the document's) 4xx for a client mistake, or undefined when no operation
 * matches, so that the dialect's own 404 applies. Prism's 5xx (no response or example defined) is a
 * defect of the document, thrown so that the engine logs it.
 */
export async function answerFromExamples(
  runtime: PrismRuntime,
  operations: HttpOperation[],
  req: SandboxRequest,
  document: string,
): Promise<SandboxResponse | undefined> {
  const method = prismMethod(req.method);
  if (!method || !req.path.startsWith('/')) return undefined;
  const prism = runtime.http.createInstance(mockConfig(), { logger: runtime.logger });
  let result: Awaited<ReturnType<ReturnType<typeof prism.request>>>;
  try {
    result = await prism.request(toPrismRequest(req, method), operations, mockConfig())();
  } catch (error) {
    // Prism throws, rather than answering, on a request it cannot decode: a broken percent-escape in the
    // path, query or form (URIError) or an unparsable Content-Type. Both are client mistakes, not 500s.
    if (isUndecodableRequest(error)) return undecodableRequest(error);
    throw error;
  }
  if (result._tag === 'Right') return fromPrismResponse(result.right.output);
  const error = result.left;
  if (isRoutingFailure(error)) return undefined;
  if (error instanceof runtime.http.ProblemJsonError && error.status >= 400 && error.status < 500) {
    return problemResponse(error);
  }
  throw new Error(`Prism could not mock ${req.method} ${req.path} from ${document}: ${error.message}`, {
    cause: error,
  });
}

function isUndecodableRequest(error: unknown): error is Error {
  return error instanceof URIError || (error instanceof Error && /MIME type/i.test(error.message));
}

/** A 400 in the same problem+json form as Prism's own request-validation answers. */
function undecodableRequest(error: Error): SandboxResponse {
  return {
    status: 400,
    headers: { 'content-type': 'application/problem+json; charset=utf-8' },
    body: {
      type: 'https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY',
      title: 'The request cannot be decoded',
      status: 400,
      detail: `${error.message}: check the percent-encoding of the path, query and body, and the Content-Type.`,
    },
  };
}
