import type { Request, Router } from 'express';
import { latestInstant, parseInstant } from '../engine/clock.js';
import type { SandboxEngine } from '../engine/engine.js';
import { isProviderId } from '../engine/http.js';
import type { JournalFilter } from '../engine/journal.js';
import { scopedKey } from '../engine/records.js';
import { redactSecret } from '../engine/redact.js';
import { dialects } from '../providers/registry.js';
import { parseScenario, parseScenarioText } from '../scenario/scenario.js';
import { badRequest, notFound, objectBody } from './control-error.js';
import { describeState, writeJsonLists } from './state-view.js';

/** Health, reset, scenario, clock, journal, state, tokens and users of one sandbox (main or tenant). */
export function mountEngineRoutes(api: Router, engineFor: (req: Request) => SandboxEngine): void {
  api.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  api.post('/reset', async (req, res) => {
    await engineFor(req).reset();
    res.json({ status: 'reset' });
  });

  api.post('/scenario', async (req, res) => {
    const engine = engineFor(req);
    // No body parser took it (no or another media type), or nothing was sent: never an empty scenario.
    const empty = req.get('transfer-encoding') === undefined && Number(req.get('content-length') ?? 0) === 0;
    if (empty || req.body === undefined || (typeof req.body === 'string' && req.body.trim() === '')) {
      throw badRequest(
        'Send the scenario as JSON (Content-Type: application/json) or YAML (Content-Type: application/yaml).',
      );
    }
    const scenario =
      typeof req.body === 'string'
        ? parseScenarioText(req.body, '(posted scenario)', dialects)
        : parseScenario(req.body, '(posted scenario)', dialects);
    await engine.loadScenario(scenario);
    res.json({ status: 'loaded', providers: Object.keys(scenario.providers) });
  });

  api.get('/clock', (req, res) => {
    res.json(clockView(engineFor(req)));
  });

  api.post('/clock', async (req, res) => {
    const engine = engineFor(req);
    applyClockChange(engine, objectBody(req));
    // An acknowledged clock change is durable (or shared) before the response, like every other change.
    await engine.clockSaved;
    res.json(clockView(engine));
  });

  api.get('/requests', (req, res) => {
    res.json({ requests: engineFor(req).journal.list(journalFilter(req)) });
  });

  api.get('/state', async (req, res) => {
    const limit = queryParam(req, 'limit');
    const lists = await describeState(
      engineFor(req),
      limit === undefined ? undefined : wholeNumber(limit, 'limit'),
    );
    await writeJsonLists(res, lists);
  });

  api.post('/tokens/expire', async (req, res) => {
    const token = tokenParam(req);
    if (!(await engineFor(req).grants.expireIssued(token))) throw unknownToken();
    res.json({ token: redactSecret(token), status: 'expired' });
  });

  api.post('/tokens/revoke', async (req, res) => {
    const engine = engineFor(req);
    const token = tokenParam(req);
    if (!(await engine.grants.revokeIssued(token, engine.clock.now()))) throw unknownToken();
    res.json({ token: redactSecret(token), status: 'revoked' });
  });

  api.post('/users/:provider/:id/:action', async (req, res) => {
    const engine = engineFor(req);
    const { provider, id, action } = req.params;
    if (action !== 'block' && action !== 'unblock')
      throw notFound(`No action ${action}: use block or unblock.`);
    if (!provider || !isProviderId(provider)) throw notFound(`Unknown provider ${provider}.`);
    // Ids are matched as given, then lower-cased (Uphold stores UUIDs in lower case).
    const user =
      (await engine.store.find('user', scopedKey(provider, id ?? ''))) ??
      (await engine.store.find('user', scopedKey(provider, (id ?? '').toLowerCase())));
    if (!user) throw notFound(`No ${provider} user ${id}.`);
    const status = action === 'block' ? 'blocked' : 'active';
    await engine.store.upsert('user', { ...user, status });
    res.json({ id: user.id, status });
  });
}

function clockView(engine: SandboxEngine): { now: string; frozen: boolean } {
  return { now: new Date(engine.clock.now()).toISOString(), frozen: engine.clock.frozen };
}

function applyClockChange(engine: SandboxEngine, body: Record<string, unknown>): void {
  const { advanceSeconds, set, frozen } = body;
  if (advanceSeconds === undefined && set === undefined && frozen === undefined) {
    throw badRequest('Send {"advanceSeconds": N}, {"set": "<ISO time>"} or {"frozen": true|false}.');
  }
  if (
    advanceSeconds !== undefined &&
    (typeof advanceSeconds !== 'number' || !Number.isFinite(advanceSeconds))
  ) {
    throw badRequest('advanceSeconds must be a number of seconds.');
  }
  const at = typeof set === 'string' ? parseInstant(set) : undefined;
  if (set !== undefined && at === undefined) {
    throw badRequest('set must be an ISO 8601 time such as 2026-01-01T00:00:00Z, on a date that exists.');
  }
  if (frozen !== undefined && typeof frozen !== 'boolean') throw badRequest('frozen must be true or false.');
  // Checked before anything changes: a change is applied whole or not at all.
  const target =
    (at ?? engine.clock.now()) + (typeof advanceSeconds === 'number' ? advanceSeconds * 1000 : 0);
  if (Math.abs(target) > latestInstant) {
    throw badRequest('That would take the sandbox clock past the years a date can show (-271821 to 275760).');
  }
  // Freezing comes first, so that {"set": T, "frozen": true} stops at exactly T.
  if (frozen === true) engine.clock.freeze(true);
  if (at !== undefined) engine.clock.set(at);
  if (typeof advanceSeconds === 'number') engine.clock.advance(advanceSeconds);
  if (frozen === false) engine.clock.freeze(false);
}

function journalFilter(req: Request): JournalFilter {
  const [provider, path, status, since, limit] = ['provider', 'path', 'status', 'since', 'limit'].map(
    (name) => queryParam(req, name),
  );
  const filter: JournalFilter = {};
  if (typeof provider === 'string') {
    if (!isProviderId(provider)) throw badRequest(`Unknown provider ${provider}.`);
    filter.provider = provider;
  }
  if (typeof path === 'string') filter.path = path;
  if (typeof status === 'string') filter.status = wholeNumber(status, 'status');
  if (typeof limit === 'string') filter.limit = wholeNumber(limit, 'limit');
  if (typeof since === 'string') {
    const at = parseInstant(since);
    if (at === undefined) throw badRequest('since must be an ISO 8601 time.');
    filter.since = at;
  }
  return filter;
}

/** A query parameter given at most once (Express makes a repeated one an array). */
function queryParam(req: Request, name: string): string | undefined {
  const value = req.query[name];
  if (value !== undefined && typeof value !== 'string') throw badRequest(`Give ${name} once.`);
  return value;
}

function wholeNumber(value: string, name: string): number {
  const n = Number(value);
  if (value === '' || !Number.isInteger(n) || n < 0) throw badRequest(`${name} must be a whole number.`);
  return n;
}

function tokenParam(req: Request): string {
  const { token } = objectBody(req);
  if (typeof token !== 'string' || token === '')
    throw badRequest('Send {"token": "<access or refresh token>"}.');
  return token;
}

function unknownToken(): Error {
  return notFound('No such token in this sandbox.');
}
