import type { createLogger } from '@stoplight/prism-core';
import type * as PrismHttp from '@stoplight/prism-http';

/** The prism-http module, as the lazy import yields it. */
export type PrismHttpModule = typeof PrismHttp;
/** One operation of a provider's document, as prism-http parsed it. */
export type HttpOperation = Awaited<ReturnType<PrismHttpModule['getHttpOperationsFromSpec']>>[number];
export type PrismRequest = PrismHttp.IHttpRequest;
export type PrismResponse = PrismHttp.IHttpResponse;
export type PrismMethod = PrismRequest['method'];
export type PrismMockConfig = PrismHttp.IHttpConfig;
export type PrismProxyConfig = PrismHttp.IHttpProxyConfig;
export type PrismLogger = ReturnType<typeof createLogger>;

/** prism-http and a silent logger, loaded together on first use. */
export interface PrismRuntime {
  readonly http: PrismHttpModule;
  readonly logger: PrismLogger;
}

/**
 * Imports prism-http. It costs 1.2-1.9 s on the reference machines, so nothing imports it statically:
 * the only way in is this dynamic import, on the first request or an explicit `warm()`.
 */
export async function importPrism(): Promise<PrismRuntime> {
  const [http, core] = await Promise.all([import('@stoplight/prism-http'), import('@stoplight/prism-core')]);
  return {
    http,
    // Prism's mocker logs every request at `success`/`info`; the sandbox has its own journal.
    logger: core.createLogger('prism', { level: 'silent' }),
  };
}

const prismMethods: readonly PrismMethod[] = [
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
];

/** The lower-case method Prism routes on, or undefined for one no OpenAPI document can describe. */
export function prismMethod(method: string): PrismMethod | undefined {
  const lower = method.toLowerCase();
  return prismMethods.find((m) => m === lower);
}

/** Prism's ProblemJsonError names its routing failures `https://stoplight.io/prism/errors#<TYPE>`. */
const routingFailures = new Set([
  'NO_PATH_MATCHED_ERROR',
  'NO_METHOD_MATCHED_ERROR',
  'NO_RESOURCE_PROVIDED_ERROR',
  'NO_SERVER_MATCHED_ERROR',
  'NO_SERVER_CONFIGURATION_PROVIDED_ERROR',
  'NO_BASE_URL_ERROR',
]);

/** True when Prism failed because no operation of the document matches the method and path. */
export function isRoutingFailure(error: Error): boolean {
  const type = error.name.slice(error.name.lastIndexOf('#') + 1);
  return routingFailures.has(type);
}
