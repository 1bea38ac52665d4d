import { defineDialect } from '../../engine/dialect.js';
import { tinkErrors } from './errors.js';
import { tinkRoutes } from './routes.js';
import { describeTink, seedTink, tinkSection } from './scenario.js';

export const tink = defineDialect({
  id: 'tink',
  title: 'Tink',
  hosts: ['api.tink.com', 'api.us.tink.com'],
  openapi: 'openapi/tink.yaml',
  routes: tinkRoutes,
  errors: tinkErrors,
  algorithms: ['ES256'],
  scenario: tinkSection,
  seed: seedTink,
  describe: describeTink,
});
