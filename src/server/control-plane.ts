import express, { type NextFunction, type Request, type Response } from 'express';
import type { SandboxEngine } from '../engine/engine.js';
import { isProviderId } from '../engine/http.js';
import { scopedKey } from '../engine/records.js';
import { redactSecret } from '../engine/redact.js';
import { secretsEqual } from '../engine/secrets.js';
import { dialects } from '../providers/registry.js';
import { parseScenario, parseScenarioText, ScenarioError } from '../scenario/scenario.js';
import { describeState } from './state-view.js';

/** Control-plane errors: `{error, message, problems?}` (openapi/sandbox.yaml). */
class ControlError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems?: unknown[],
  ) {
    super(message);
  }
}

const bodyLimit = '1mb';

/** The `/__sandbox` control plane (Express 5): health, reset, scenario, clock, journal, tokens, users. */
export function createControlPlane(
  engine: SandboxEngine,
  options: { adminToken?: string } = {},
): express.Express {
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
  const api = express.Router();

  api.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  api.post('/reset', async (_req, res) => {
    await engine.reset();
    res.json({ status: 'reset' });
  });

  api.post('/scenario', async (req, res) => {
    const scenario =
      typeof req.body === 'string'
        ? parseScenarioText(req.body, '(posted scenario)', dialects)
        : parseScenario(req.body, '(posted scenario)', dialects);
    await engine.loadScenario(scenario);
    res.json({ status: 'loaded', providers: Object.keys(scenario.providers) });
  });

  api.get('/clock', (_req, res) => {
    res.json(clockView(engine));
  });

  api.post('/clock', (req, res) => {
    applyClockChange(engine, objectBody(req));
    res.json(clockView(engine));
  });

  api.get('/requests', (req, res) => {
    res.json({ requests: engine.journal.list(journalFilter(req)) });
  });

  api.get('/state', async (_req, res) => {
    res.json(await describeState(engine));
  });

  api.post('/tokens/expire', async (req, res) => {
    const token = tokenParam(req);
    if (!(await engine.grants.expireAccessToken(token))) throw unknownToken();
    res.json({ token: redactSecret(token), status: 'expired' });
  });

  api.post('/tokens/revoke', async (req, res) => {
    const token = tokenParam(req);
    const now = engine.clock.now();
    const revoked =
      (await engine.grants.revokeAccessToken(token, now)) ||
      (await engine.grants.revokeRefreshToken(token, now));
    if (
      !revoked &&
      !(await engine.store.find('accessToken', token)) &&
      !(await engine.store.find('refreshToken', token))
    ) {
      throw unknownToken();
    }
    res.json({ token: redactSecret(token), status: 'revoked' });
  });

  api.post('/users/:provider/:id/:action', async (req, res) => {
    const { provider, id, action } = req.params;
    if (action !== 'block' && action !== 'unblock')
      throw new ControlError(404, 'not_found', `No action ${action}.`);
    if (!provider || !isProviderId(provider))
      throw new ControlError(404, 'not_found', `Unknown provider ${provider}.`);
    const user = await engine.store.find('user', scopedKey(provider, id ?? ''));
    if (!user) throw new ControlError(404, 'not_found', `No ${provider} user ${id}.`);
    const status = action === 'block' ? 'blocked' : 'active';
    await engine.store.upsert('user', { ...user, status });
    res.json({ id: user.id, status });
  });

  app.use('/__sandbox', api);
  app.use((req: Request, _res: Response, next: NextFunction) => {
    next(
      new ControlError(
        404,
        'not_found',
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

function controlErrorHandler(error: unknown, _req: Request, res: Response, _next: NextFunction): void {
  if (error instanceof ControlError) {
    res.status(error.status).json({
      error: error.code,
      message: error.message,
      ...(error.problems ? { problems: error.problems } : {}),
    });
    return;
  }
  if (error instanceof ScenarioError) {
    res
      .status(400)
      .json({ error: 'invalid_scenario', message: 'The scenario is not valid.', problems: error.problems });
    return;
  }
  const status = httpStatusOf(error);
  if (status !== undefined && status >= 400 && status < 500) {
    res
      .status(status)
      .json({ error: status === 413 ? 'payload_too_large' : 'invalid_request', message: messageOf(error) });
    return;
  }
  res.status(500).json({ error: 'internal_error', message: messageOf(error) });
}

function httpStatusOf(error: unknown): number | undefined {
  if (error !== null && typeof error === 'object' && 'status' in error && typeof error.status === 'number') {
    return error.status;
  }
  return undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function objectBody(req: Request): Record<string, unknown> {
  const body: unknown = req.body;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new ControlError(400, 'invalid_request', 'The body must be a JSON object.');
  }
  return { ...body };
}

function clockView(engine: SandboxEngine): { now: string; frozen: boolean } {
  return { now: new Date(engine.clock.now()).toISOString(), frozen: engine.clock.frozen };
}

function applyClockChange(engine: SandboxEngine, body: Record<string, unknown>): void {
  const { advanceSeconds, set, frozen } = body;
  if (advanceSeconds === undefined && set === undefined && frozen === undefined) {
    throw new ControlError(
      400,
      'invalid_request',
      'Send {"advanceSeconds": N}, {"set": "<ISO time>"} or {"frozen": true|false}.',
    );
  }
  if (
    advanceSeconds !== undefined &&
    (typeof advanceSeconds !== 'number' || !Number.isFinite(advanceSeconds))
  ) {
    throw new ControlError(400, 'invalid_request', 'advanceSeconds must be a number of seconds.');
  }
  if (set !== undefined && (typeof set !== 'string' || Number.isNaN(Date.parse(set)))) {
    throw new ControlError(
      400,
      'invalid_request',
      'set must be an ISO 8601 time such as 2026-01-01T00:00:00Z.',
    );
  }
  if (frozen !== undefined && typeof frozen !== 'boolean') {
    throw new ControlError(400, 'invalid_request', 'frozen must be true or false.');
  }
  if (typeof set === 'string') engine.clock.set(Date.parse(set));
  if (typeof advanceSeconds === 'number') engine.clock.advance(advanceSeconds);
  if (typeof frozen === 'boolean') engine.clock.freeze(frozen);
}

function journalFilter(req: Request): Parameters<SandboxEngine['journal']['list']>[0] {
  const { provider, path, status, since, limit } = req.query;
  const filter: Parameters<SandboxEngine['journal']['list']>[0] = {};
  if (typeof provider === 'string') {
    if (!isProviderId(provider))
      throw new ControlError(400, 'invalid_request', `Unknown provider ${provider}.`);
    filter.provider = provider;
  }
  if (typeof path === 'string') filter.path = path;
  if (typeof status === 'string') filter.status = positiveInteger(status, 'status');
  if (typeof limit === 'string') filter.limit = positiveInteger(limit, 'limit');
  if (typeof since === 'string') {
    const at = Date.parse(since);
    if (Number.isNaN(at)) throw new ControlError(400, 'invalid_request', 'since must be an ISO 8601 time.');
    filter.since = at;
  }
  return filter;
}

function positiveInteger(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new ControlError(400, 'invalid_request', `${name} must be a whole number.`);
  return n;
}

function tokenParam(req: Request): string {
  const { token } = objectBody(req);
  if (typeof token !== 'string' || token === '') {
    throw new ControlError(400, 'invalid_request', 'Send {"token": "<access or refresh token>"}.');
  }
  return token;
}

function unknownToken(): ControlError {
  return new ControlError(404, 'not_found', 'No such token in this sandbox.');
}
