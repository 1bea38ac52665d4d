import type { NextFunction, Request, Response, Router } from 'express';
import { ChangeStreams } from '../dashboard/events.js';
import { journalFilter, readJournalQuery, renderJournal } from '../dashboard/journal-view.js';
import { renderLive } from '../dashboard/live.js';
import { renderMissingPage, renderPage } from '../dashboard/page.js';
import { dashboardScript } from '../dashboard/script.js';
import { dashboardStyle } from '../dashboard/style.js';
import { describeDashboard, findTokenByRef } from '../dashboard/view.js';
import type { SandboxEngine } from '../engine/engine.js';
import { type Tenants, tenantHeader } from '../tenants.js';
import { badRequest, notFound, objectBody } from './control-error.js';

/** The open event streams of each control plane (keyed by its express app). */
const streamsByApp = new WeakMap<object, ChangeStreams>();

/** Ends the dashboards' event streams of a control plane: server.ts calls it on close (they would hold it open). */
export function endEventStreams(controlPlane: object): void {
  streamsByApp.get(controlPlane)?.closeAll();
}

// No inline script or style anywhere: everything comes from /__sandbox/dashboard/app.{js,css}.
const pageHeaders = {
  'cache-control': 'no-store',
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
};

/**
 * The dashboard at GET /__sandbox/ (server-rendered, one script, no build step), its fragments, its
 * token actions by reference, and GET /__sandbox/events (server-sent events). Every call names its
 * sandbox with X-Sandbox-Tenant (or `?tenant=` where a browser cannot send headers: the page itself).
 * Mounted first on the control router: it also tells the dashboards after every control call that
 * changes something.
 */
export function mountDashboardRoutes(api: Router, tenants: Tenants): void {
  const streams = new ChangeStreams();

  const sandboxOf = (req: Request, allowQuery: boolean): { id?: string; engine?: SandboxEngine } => {
    const query = allowQuery && typeof req.query.tenant === 'string' ? req.query.tenant : undefined;
    const id = req.get(tenantHeader) ?? (query === '' ? undefined : query);
    if (id === undefined) return { engine: tenants.main };
    const engine = tenants.get(id);
    return engine ? { id, engine } : { id };
  };
  const engineOf = (req: Request): SandboxEngine => {
    const { id, engine } = sandboxOf(req, true);
    if (!engine) throw notFound(`No tenant ${id}. Create one with POST /__sandbox/tenants.`);
    return engine;
  };

  api.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.on('finish', () => sandboxOf(req, false).engine?.notifyChanged());
    }
    next();
  });

  api.get('/', async (req, res) => {
    const { id, engine } = sandboxOf(req, true);
    if (!engine) {
      res
        .status(404)
        .set(pageHeaders)
        .type('html')
        .send(renderMissingPage(`No tenant ${id}.`));
      return;
    }
    const query = readJournalQuery(req.query);
    const checked = journalFilter(query);
    const page = renderPage({
      tenant: id,
      tenants: tenants.ids(),
      view: await describeDashboard(engine),
      journal: checked.ok
        ? { query, entries: engine.journal.list(checked.filter) }
        : { query, entries: [], problem: checked.problem },
    });
    res.set(pageHeaders).type('html').send(page);
  });

  api.get('/dashboard/live', async (req, res) => {
    const view = await describeDashboard(engineOf(req));
    res.set(pageHeaders).type('html').send(renderLive(view).value);
  });

  api.get('/dashboard/journal', (req, res) => {
    const engine = engineOf(req);
    const checked = journalFilter(readJournalQuery(req.query));
    const fragment = checked.ok
      ? renderJournal(engine.journal.list(checked.filter))
      : renderJournal([], checked.problem);
    res.set(pageHeaders).type('html').send(fragment.value);
  });

  api.get('/dashboard/app.js', (_req, res) => {
    res.set('cache-control', 'no-cache').type('application/javascript').send(dashboardScript);
  });

  api.get('/dashboard/app.css', (_req, res) => {
    res.set('cache-control', 'no-cache').type('text/css').send(dashboardStyle);
  });

  api.post('/dashboard/revoke', async (req, res) => {
    const engine = engineOf(req);
    const ref = refParam(req);
    const token = await findTokenByRef(engine, ref);
    if (!token) throw notFound(`No token ${ref} in this sandbox.`);
    await engine.grants.revokeIssued(token.value, engine.clock.now());
    res.json({ token: ref, status: 'revoked' });
  });

  api.post('/dashboard/expire', async (req, res) => {
    const engine = engineOf(req);
    const ref = refParam(req);
    const token = await findTokenByRef(engine, ref);
    if (token?.kind !== 'accessToken') throw notFound(`No access token ${ref} in this sandbox.`);
    await engine.grants.expireIssued(token.value);
    res.json({ token: ref, status: 'expired' });
  });

  api.get('/events', (req, res) => {
    const engine = engineOf(req);
    streamsByApp.set(req.app, streams);
    streams.stream(engine, res);
  });
}

/** A token as the dashboard names it: its redacted form (`abcd…[redacted #1a2b3c4d]`). */
function refParam(req: Request): string {
  const { ref } = objectBody(req);
  if (typeof ref !== 'string' || ref === '')
    throw badRequest('Send {"ref": "<token as the dashboard shows it>"}.');
  return ref;
}
