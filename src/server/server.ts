import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import type { SandboxEngine } from '../engine/engine.js';
import type { Tenants } from '../tenants.js';
import { answerClientError } from './client-error.js';
import {
  type ConnectionRateLimit,
  ConnectionRateLimiter,
  defaultConnectionRateLimit,
} from './connection-rate.js';
import { isLoopback } from './loopback.js';
import { serveProviderRequest, serveRateLimited } from './provider-request.js';
import { originForm, providerTarget } from './target.js';

export interface ListenOptions {
  port?: number;
  host?: string;
  /** Required (as a Bearer token) on the control plane when set. */
  adminToken?: string;
  /**
   * Requests per second (and burst) one connection may send before it gets 429s, so that one client
   * cannot starve the others; `false` turns the limit off. Default: 20,000/s, burst 40,000.
   */
  connectionRateLimit?: ConnectionRateLimit | false;
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
  if (!isLoopback(host) && options.adminToken === undefined) {
    throw new Error(
      `Refusing to serve the control plane on ${host} without an admin token: anyone on the network could reset it.`,
    );
  }
  // Express (and the dashboard) load on the first control-plane request: importing them is most of
  // start-up time, and provider requests never need them.
  let controlPlane: Promise<Express> | undefined;
  const controlPlaneApp = (): Promise<Express> => {
    controlPlane ??= import('./control-plane.js').then(({ createControlPlane }) =>
      createControlPlane(tenants, options.adminToken === undefined ? {} : { adminToken: options.adminToken }),
    );
    return controlPlane;
  };
  const limit = options.connectionRateLimit ?? defaultConnectionRateLimit;
  const limiter = limit === false ? undefined : new ConnectionRateLimiter(limit);
  // maxHeaderSize: node:http answers 431 itself to a client whose headers exceed 16 KiB.
  const server = createServer({ maxHeaderSize: 16 * 1024, requestTimeout: 30_000 }, (req, res) =>
    route(tenants, controlPlaneApp, limiter, req, res),
  );
  server.keepAliveTimeout = 5_000;
  server.on('clientError', (error, socket) => answerClientError(tenants, error, socket));
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
    close: async () => {
      if (controlPlane) {
        const { endEventStreams } = await import('./dashboard-routes.js');
        endEventStreams(await controlPlane);
      }
      return closeServer(server);
    },
  };
}

function route(
  tenants: Tenants,
  controlPlane: () => Promise<Express>,
  limiter: ConnectionRateLimiter | undefined,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const allowed = limiter?.take(req.socket) ?? true;
  const target = providerTarget(tenants, originForm(req.url ?? '/'));
  if (target) {
    if (!allowed) {
      serveRateLimited(tenants, target.provider, target.path, target.query, req, res);
      return;
    }
    serveProviderRequest(tenants, target.provider, target.path, target.query, req, res);
    return;
  }
  if (!allowed) {
    const body = JSON.stringify({
      error: 'rate_limited',
      message: 'Too many requests on this connection; retry later.',
    });
    res.writeHead(429, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      'retry-after': '1',
    });
    res.end(body);
    return;
  }
  controlPlane().then(
    (app) => app(req, res),
    (error: unknown) => res.destroy(error instanceof Error ? error : undefined),
  );
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
