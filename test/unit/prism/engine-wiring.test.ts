import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SandboxEngine } from '../../../src/engine/engine.js';
import { createPrismLayer } from '../../../src/prism/layer.js';
import {
  emptyScenario,
  packageRoot,
  tokenRequest,
  widgetRequest,
  widgetsDialect,
} from '../../fixtures/prism/dialect.js';

describe('the Prism layer under a SandboxEngine', () => {
  const layer = createPrismLayer({ root: packageRoot, mode: 'collect' });
  const engine = () =>
    SandboxEngine.create({
      dialects: [widgetsDialect],
      scenario: emptyScenario,
      fallback: layer.fallback,
      inspector: layer.inspector,
    });
  beforeAll(() => layer.warm([widgetsDialect]));
  afterEach(() => layer.clearViolations());

  it('answers unhandled operations from examples and keeps the dialect 404 for unknown paths', async () => {
    const sandbox = await engine();
    const mocked = await sandbox.handle(
      widgetRequest('GET', '/widgets', { headers: { authorization: 'Bearer x' } }),
    );
    expect(mocked.status).toBe(200);
    const unknown = await sandbox.handle(widgetRequest('GET', '/gadgets'));
    expect(unknown).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect(layer.violations).toEqual([]);
  });

  it('validates only stateful exchanges', async () => {
    const sandbox = await engine();
    await sandbox.handle(tokenRequest('grant_type=client_credentials&client_id=c1'));
    await sandbox.handle(tokenRequest('client_id=c1'));
    expect(layer.violations).toEqual([]);
    await sandbox.handle(tokenRequest('grant_type=client_credentials&client_id=leaky'));
    expect(layer.violations).toMatchObject([{ operation: 'issueToken', where: 'response', status: 200 }]);
  });
});
