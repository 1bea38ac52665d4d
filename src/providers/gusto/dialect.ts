import { defineDialect } from '../../engine/dialect.js';
import { echoedVersion, versionHeader } from './api-version.js';
import { gustoErrors } from './errors.js';
import { gustoRoutes } from './routes.js';
import { describeGusto, gustoSection, seedGusto } from './scenario.js';

/** Gusto Embedded Payroll: Doorkeeper OAuth with strict (one-company) access and date-based API versions. */
export const gusto = defineDialect({
  id: 'gusto',
  title: 'Gusto Embedded Payroll',
  hosts: ['api.gusto-demo.com', 'api.gusto.com'],
  openapi: 'openapi/gusto.yaml',
  routes: gustoRoutes,
  errors: {
    notFound: gustoErrors.notFound,
    methodNotAllowed: gustoErrors.methodNotAllowed,
    refused: gustoErrors.refused,
    internal: gustoErrors.internal,
    named: gustoErrors.named,
  },
  // Gusto tokens are opaque: no signing keys.
  algorithms: [],
  scenario: gustoSection,
  seed: seedGusto,
  describe: describeGusto,
  // Every response echoes the API version it was served at (providers.md §5.1).
  decorate(req, res) {
    res.headers[versionHeader] ??= echoedVersion(req);
  },
});
