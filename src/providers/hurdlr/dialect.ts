import { defineDialect } from '../../engine/dialect.js';
import { hurdlrErrors } from './errors.js';
import { hurdlrRoutes } from './routes.js';
import { describeHurdlr, hurdlrSection, seedHurdlr } from './scenario.js';

/** Hurdlr API v4, Tight's legacy API (providers.md §2), served under /hurdlr. */
export const hurdlr = defineDialect({
  id: 'hurdlr',
  title: 'Hurdlr v4',
  hosts: ['sandbox.hurdlr.com'],
  openapi: 'openapi/hurdlr.yaml',
  routes: hurdlrRoutes,
  errors: {
    notFound: hurdlrErrors.notFound,
    methodNotAllowed: hurdlrErrors.methodNotAllowed,
    refused: hurdlrErrors.refused,
    internal: hurdlrErrors.internal,
    named: hurdlrErrors.named,
  },
  algorithms: [],
  scenario: hurdlrSection,
  seed: seedHurdlr,
  describe: describeHurdlr,
});
