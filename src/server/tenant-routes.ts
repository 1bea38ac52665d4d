import type { Router } from 'express';
import type { Tenants } from '../tenants.js';
import { notFound } from './control-error.js';

/** POST/GET /tenants, DELETE /tenants/{id}: isolated copies of a scenario on one server. */
export function mountTenantRoutes(api: Router, tenants: Tenants): void {
  api.post('/tenants', async (req, res) => {
    const body: unknown = req.body;
    const scenario =
      body !== null && typeof body === 'object' && 'scenario' in body ? body.scenario : undefined;
    res.status(201).json(await tenants.create(scenario));
  });
  api.get('/tenants', (_req, res) => {
    res.json({ tenants: tenants.ids() });
  });
  api.delete('/tenants/:id', (req, res) => {
    if (!tenants.remove(req.params.id)) throw notFound(`No tenant ${req.params.id}.`);
    res.status(204).end();
  });
}
