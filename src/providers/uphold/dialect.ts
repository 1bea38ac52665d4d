import { defineDialect } from '../../engine/dialect.js';
import { upholdErrors } from './errors.js';
import { upholdRoutes } from './routes.js';
import { describeUphold, seedUphold, upholdSection } from './scenario.js';

export { setUpholdUserStatus } from './control.js';

/** Uphold Enterprise Core API (seed 003; providers.md §4). */
export const uphold = defineDialect({
  id: 'uphold',
  title: 'Uphold Enterprise',
  hosts: ['api.enterprise.sandbox.uphold.com', 'api.enterprise.uphold.com'],
  openapi: 'openapi/uphold.yaml',
  routes: upholdRoutes,
  errors: upholdErrors,
  algorithms: ['HS256'],
  scenario: upholdSection,
  seed: seedUphold,
  describe: describeUphold,
  // Spec: `x-uphold-request-id` is required on every response, errors and 404s included.
  decorate(_req, res, sandbox) {
    res.headers['x-uphold-request-id'] = sandbox.random.uuid();
  },
});
