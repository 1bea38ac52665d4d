import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SandboxEngine } from '../engine/engine.js';
import { isProviderId } from '../engine/http.js';
import type { Tenants } from '../tenants.js';
import { createControlPlane } from './control-plane.js';
import { endEventStreams } from './dashboard-routes.js';
import { serveProviderRequest } from './provider-request.js';

export interface ListenOptions {
  port?: number;
  host?: string;
  /** Required (as a Bearer token) on the control plane when set. */
  adminToken?: string;
}

export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:4010; providers live at `${url}/<id>`. */
  url: string;
  port: number;
  host: string;
  /** The main (default-tenant) engine. */
  engine: SandboxEngine;
  tenants: Tenants;
  close(): Promise<void>;
}

/**
 * Serves the tenants' engines over node:http. Provider requests are dispatched straight to the engine (Express's
 * router would cost ~75% of the throughput); `/__sandbox` and everything else goes to the Express control plane.
 */
export async function listen(tenants: Tenants, options: ListenOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const controlPlane = createControlPlane(
    tenants,
    options.adminToken === undefined ? {} : { adminToken: options.adminToken },
  );
  const server = createServer({ maxHeaderSize: 16 * 1024, requestTimeout: 30_000 }, (req, res) =>
    route(tenants, controlPlane, req, res),
  );
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4010, host, () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
  const { port } = addressOf(server);
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    host,
    engine: tenants.main,
    tenants,
    close: () => {
      endEventStreams(controlPlane);
      return closeServer(server);
    },
  };
}

function route(
  tenants: Tenants,
  controlPlane: (req: IncomingMessage, res: ServerResponse) => void,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const url = req.url ?? '/';
  const queryAt = url.indexOf('?');
  const path = queryAt < 0 ? url : url.slice(0, queryAt);
  const second = path.indexOf('/', 1);
  const mount = second < 0 ? path.slice(1) : path.slice(1, second);
  if (isProviderId(mount) && tenants.main.dialect(mount)) {
    const providerPath = second < 0 ? '/' : path.slice(second);
    const query = queryAt < 0 ? '' : url.slice(queryAt + 1);
    serveProviderRequest(tenants, mount, providerPath, query, req, res).catch((error: unknown) => {
      res.destroy(error instanceof Error ? error : undefined);
    });
    return;
  }
  controlPlane(req, res);
}

function addressOf(server: Server): AddressInfo {
  const address = server.address();
  if (address === null || typeof address === 'string')
    throw new Error('the server is not listening on a TCP port');
  return address;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeIdleConnections();
  });
}
