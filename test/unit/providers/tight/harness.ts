import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeAll, expect } from 'vitest';
import { parse } from 'yaml';
import type { RunningServer } from '../../../../src/index.js';
import { createPrismLayer } from '../../../../src/prism/layer.js';
import { dialects } from '../../../../src/providers/registry.js';
import { packageRoot } from '../../../../src/sandbox.js';
import { startTestServer } from '../../../support/server.js';

export type TightFamily = 'tight' | 'hurdlr';

/** The provider's block of scenarios/default.yaml, alone (other providers' blocks are not this suite's). */
export function defaultSection(provider: TightFamily): unknown {
  const scenario: unknown = parse(readFileSync(resolve(packageRoot, 'scenarios/default.yaml'), 'utf8'));
  if (typeof scenario !== 'object' || scenario === null || !('providers' in scenario))
    throw new Error('no providers');
  const { providers } = scenario;
  if (typeof providers !== 'object' || providers === null || !(provider in providers))
    throw new Error(`no ${provider}`);
  return new Map(Object.entries(providers)).get(provider);
}

/**
 * Registers the hooks of a test file: Prism is loaded once, and after each test no stateful exchange may
 * have violated openapi/<provider>.yaml. Returns a function that starts a server for one test, with the
 * default block or `section`, and optional lifetimes.
 */
export function useContractSandbox(
  provider: TightFamily,
): (options?: { section?: unknown; lifetimes?: Record<string, number> }) => Promise<RunningServer> {
  const prism = createPrismLayer({ root: packageRoot, mode: 'collect' });
  beforeAll(() => prism.warm(dialects.filter((d) => d.id === provider)));
  afterEach(() => {
    expect(prism.takeViolations()).toEqual([]);
  });
  return (options = {}) =>
    startTestServer({
      scenario: {
        clock: { start: '2026-01-01T00:00:00Z', frozen: true },
        providers: { [provider]: options.section ?? defaultSection(provider) },
        ...(options.lifetimes ? { lifetimes: { [provider]: options.lifetimes } } : {}),
      },
      inspector: prism.inspector,
      fallback: prism.fallback,
    });
}

/**
 * A server without contract validation, for the fuzz tests: their deliberately broken bodies (bad
 * percent-encoding) make Prism's own validation throw, which says nothing about the stateful layer.
 */
export function startWithoutContract(provider: TightFamily): Promise<RunningServer> {
  return startTestServer({
    scenario: {
      clock: { start: '2026-01-01T00:00:00Z', frozen: true },
      providers: { [provider]: defaultSection(provider) },
    },
  });
}
