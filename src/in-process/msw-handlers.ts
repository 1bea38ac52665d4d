/**
 * msw 2.x handlers for the real provider hosts. The only module that imports msw: `createSandbox` loads it
 * lazily, so `import 'auth-sandbox'` works where msw (an optional peer dependency) is not installed.
 */
import { type HttpHandler, HttpResponse, http } from 'msw';
import type { SandboxResponse } from '../engine/http.js';
import { type ProviderHost, type ProviderTarget, targetOf, toFetchResponse } from './fetch-adapter.js';

export type { HttpHandler };

/**
 * One handler for every provider host; `serve` answers with the engine's response. A single predicate
 * handler rather than one URL pattern per host: msw parses a request (URL, cookies) once per handler it
 * tries, and with eight hosts that was most of the in-process round trip.
 */
export function providerHandlers(
  byHost: ReadonlyMap<string, ProviderHost>,
  serve: (request: Request, target: ProviderTarget) => Promise<SandboxResponse>,
): HttpHandler[] {
  return [
    http.all(
      // The predicate hands what it parsed of the URL to the resolver in the params: one parse per request.
      ({ request }) => {
        const target = targetOf(request.url, byHost);
        const params = {
          host: target?.host.host ?? '',
          path: target?.path ?? '',
          query: target?.query ?? '',
        };
        return { matches: target !== undefined, params };
      },
      async ({ request, params }) => {
        const host = byHost.get(params.host);
        if (host === undefined) return undefined;
        const target = { host, path: params.path, query: params.query };
        const response = await serve(request, target);
        // A reset-connection fault: fetch rejects, as it does when a real server drops the socket.
        if (response.dropConnection) return HttpResponse.error();
        return toFetchResponse(response, request.method);
      },
    ),
  ];
}
