import { defineDialect } from '../../engine/dialect.js';
import { tightErrors } from './errors.js';
import { tightRoutes } from './routes.js';
import { describeTight, seedTight, tightSection } from './scenario.js';

/** Tight API v6 (providers.md §1), served under /tight. */
export const tight = defineDialect({
  id: 'tight',
  title: 'Tight v6',
  hosts: ['sandbox.tight.com'],
  openapi: 'openapi/tight.yaml',
  routes: tightRoutes,
  errors: {
    notFound: tightErrors.notFound,
    methodNotAllowed: tightErrors.methodNotAllowed,
    refused: tightErrors.refused,
    internal: tightErrors.internal,
    named: tightErrors.named,
  },
  algorithms: ['RS256'],
  scenario: tightSection,
  seed: seedTight,
  describe: describeTight,
});
