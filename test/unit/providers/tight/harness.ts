import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import type { RunningServer } from '../../../../src/index.js';
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

function scenarioOf(
  provider: TightFamily,
  options: { section?: unknown; lifetimes?: Record<string, number> },
) {
  return {
    clock: { start: '2026-01-01T00:00:00Z', frozen: true },
    providers: { [provider]: options.section ?? defaultSection(provider) },
    ...(options.lifetimes ? { lifetimes: { [provider]: options.lifetimes } } : {}),
  };
}

/**
 * A server for one test with the provider's default block (or `section`) and optional lifetimes. The
 * shared test server validates every stateful exchange against openapi/<provider>.yaml with Prism.
 */
export function useContractSandbox(
  provider: TightFamily,
): (options?: { section?: unknown; lifetimes?: Record<string, number> }) => Promise<RunningServer> {
  return (options = {}) => startTestServer({ scenario: scenarioOf(provider, options) });
}

/**
 * A server without contract validation, for the fuzz tests: their deliberately broken form bodies (bad
 * percent-encoding) make Prism's own validation throw "URI malformed", which says nothing about the
 * stateful layer's answer (the property itself checks status and error shape).
 */
export function startWithoutContract(provider: TightFamily): Promise<RunningServer> {
  return startTestServer({ scenario: scenarioOf(provider, {}), inspector: async () => undefined });
}
