import express, { type NextFunction, type Request, type Response } from 'express';
import type { SandboxEngine } from '../engine/engine.js';
import { secretsEqual } from '../engine/secrets.js';
import { type Tenants, tenantHeader } from '../tenants.js';
import { badRequest, ControlError, controlErrorHandler, notFound } from './control-error.js';
import { mountDashboardRoutes } from './dashboard-routes.js';
import { mountEngineRoutes } from './engine-routes.js';
import { mountFaultRoutes } from './fault-routes.js';
import { mountTenantRoutes } from './tenant-routes.js';

const bodyLimit = '1mb';

/**
 * The `/__sandbox` control plane (Express 5). Every call acts on the main sandbox, or on the tenant named
 * by `X-Sandbox-Tenant`.
 */
export function createControlPlane(tenants: Tenants, options: { adminToken?: string } = {}): express.Express {
  const app = express();
  app.disable('x-powered-by');
  const { adminToken } = options;
  if (adminToken !== undefined) app.use('/__sandbox', requireAdminToken(adminToken));
  app.use(express.json({ limit: bodyLimit, strict: false }));
  app.use(refuseDeepJson);
  app.use(
    express.text({
      limit: bodyLimit,
      type: ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/plain'],
    }),
  );

  const engineFor = (req: Request): SandboxEngine => {
    const id = req.get(tenantHeader);
    if (id === undefined) return tenants.main;
    const engine = tenants.get(id);
    if (!engine) throw notFound(`No tenant ${id}. Create one with POST /__sandbox/tenants.`);
    return engine;
  };

  const api = express.Router();
  mountDashboardRoutes(api, tenants); // first: it also tells the dashboards of every control call
  mountEngineRoutes(api, engineFor);
  mountFaultRoutes(api, engineFor);
  mountTenantRoutes(api, tenants);
  app.use('/__sandbox', api);
  app.use((req: Request, _res: Response, next: NextFunction) => {
    next(
      notFound(
        `Nothing is served at ${req.method} ${req.path}. Providers live under /<id>/ (tight, hurdlr, tink, uphold, gusto); the control plane under /__sandbox/.`,
      ),
    );
  });
  app.use(controlErrorHandler);
  return app;
}

/** No control-plane body needs more nesting than this (a scenario is about six levels deep). */
const maxJsonDepth = 64;

/**
 * JSON.parse accepts nesting thousands of levels deep, but the recursive walks after it (scenario
 * validation, structuredClone, JSON.stringify) overflow the stack: refuse such a body up front with a 400.
 */
function refuseDeepJson(req: Request, _res: Response, next: NextFunction): void {
  const body: unknown = req.body;
  next(
    jsonDepthExceeds(body, maxJsonDepth)
      ? badRequest(`The body is nested more than ${maxJsonDepth} levels deep.`)
      : undefined,
  );
}

/** Whether a parsed JSON value nests deeper than `limit`, measured without recursion. */
function jsonDepthExceeds(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    const [current, depth] = item;
    if (current === null || typeof current !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return false;
}

/** Off loopback the control plane needs `Authorization: Bearer <admin token>` (compared in constant time). */
function requireAdminToken(adminToken: string) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const header = req.headers.authorization ?? '';
    const given = header.startsWith('Bearer ') ? header.slice(7) : '';
    if (!secretsEqual(given, adminToken)) {
      next(
        new ControlError(
          401,
          'unauthorized',
          'The control plane needs "Authorization: Bearer <admin token>".',
        ),
      );
      return;
    }
    next();
  };
}
