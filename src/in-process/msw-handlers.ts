/**
 * msw 2.x handlers for the real provider hosts. The only module that imports msw: `createSandbox` loads it
 * lazily, so `import 'auth-sandbox'` works where msw (an optional peer dependency) is not installed.
 */
import { type HttpHandler, HttpResponse, http } from 'msw';
import type { SandboxResponse } from '../engine/http.js';
import type { ProviderHost } from './fetch-adapter.js';
import { toFetchResponse } from './fetch-adapter.js';

export type { HttpHandler };

/** One catch-all handler per host; `serve` answers with the engine's response. */
export function providerHandlers(
  hosts: readonly ProviderHost[],
  serve: (request: Request, target: ProviderHost) => Promise<SandboxResponse>,
): HttpHandler[] {
  return hosts.map((target) =>
    http.all(`https://${target.host}/*`, async ({ request }) => {
      const response = await serve(request, target);
      // A reset-connection fault: fetch rejects, as it does when a real server drops the socket.
      if (response.dropConnection) return HttpResponse.error();
      return toFetchResponse(response, request.method);
    }),
  );
}
