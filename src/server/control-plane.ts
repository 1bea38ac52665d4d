import express, { type NextFunction, type Request, type Response } from 'express';
import type { SandboxEngine } from '../engine/engine.js';
import { secretsEqual } from '../engine/secrets.js';
import { type Tenants, tenantHeader } from '../tenants.js';
import { ControlError, controlErrorHandler, notFound } from './control-error.js';
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
