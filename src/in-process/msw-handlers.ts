/**
 * msw 2.x handlers for the real provider hosts. The only module that imports msw: `createSandbox` loads it
 * lazily, so `import 'auth-sandbox'` works where msw (an optional peer dependency) is not installed.
 */
import { type HttpHandler, HttpResponse, http } from 'msw';
import type { SandboxResponse } from '../engine/http.js';
import type { ProviderHost } from './fetch-adapter.js';
import { toFetchResponse } from './fetch-adapter.js';

export type { HttpHandler };

/**
 * One handler for every provider host; `serve` answers with the engine's response. A single predicate
 * handler rather than one URL pattern per host: msw parses a request (URL, cookies) once per handler it
 * tries, and with eight hosts that was most of the in-process round trip.
 */
export function providerHandlers(
  hosts: readonly ProviderHost[],
  serve: (request: Request, target: ProviderHost) => Promise<SandboxResponse>,
): HttpHandler[] {
  const byHost = new Map(hosts.map((target) => [target.host, target]));
  return [
    http.all(
      // The predicate names the host in the params, so the resolver does not parse the URL again.
      ({ request }) => {
        const { hostname } = new URL(request.url);
        return { matches: byHost.has(hostname), params: { host: hostname } };
      },
      async ({ request, params }) => {
        const target = byHost.get(String(params.host));
        if (target === undefined) return undefined;
        const response = await serve(request, target);
        // A reset-connection fault: fetch rejects, as it does when a real server drops the socket.
        if (response.dropConnection) return HttpResponse.error();
        return toFetchResponse(response, request.method);
      },
    ),
  ];
}
