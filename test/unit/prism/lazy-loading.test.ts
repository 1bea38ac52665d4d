import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { createPrismLayer } from '../../../src/prism/layer.js';
import { packageRoot, widgetRequest, widgetsDialect } from '../../fixtures/prism/dialect.js';

/** prism-http is CommonJS: once anything imports it, it sits in Node's module cache. */
const prismHttpImported = (): boolean =>
  Object.keys(createRequire(import.meta.url).cache).some((file) => file.includes('@stoplight/prism-http'));

describe('loading Prism lazily', () => {
  it('creates the layer without importing prism-http', () => {
    const layer = createPrismLayer({ root: packageRoot, mode: 'collect' });
    expect(layer.loaded).toBe(false);
    expect(prismHttpImported()).toBe(false);
  });

  it('imports prism-http on warm() and reports it loaded', async () => {
    const layer = createPrismLayer({ root: packageRoot, mode: 'collect' });
    const warming = layer.warm([widgetsDialect]);
    expect(layer.loaded).toBe(false);
    await warming;
    expect(layer.loaded).toBe(true);
    expect(prismHttpImported()).toBe(true);
  });

  it('imports prism-http on first use without warm()', async () => {
    const layer = createPrismLayer({ root: packageRoot, mode: 'collect' });
    expect(layer.loaded).toBe(false);
    await layer.fallback(widgetRequest('GET', '/gadgets'), widgetsDialect);
    expect(layer.loaded).toBe(true);
  });

  it('never rejects from warm(), and tells the logger what could not be loaded', async () => {
    const warnings: string[] = [];
    const layer = createPrismLayer({
      root: packageRoot,
      mode: 'collect',
      logger: { warn: (_details, message) => warnings.push(message) },
    });
    await layer.warm([{ ...widgetsDialect, openapi: 'test/fixtures/prism/missing.yaml' }]);
    expect(warnings).toEqual(['Prism could not load']);
  });
});
