import { existsSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Clock } from './engine/clock.js';
import { type Fallback, type Inspector, type Logger, SandboxEngine } from './engine/engine.js';
import type { AsymmetricSigning } from './engine/keys.js';
import type { Store } from './engine/store.js';
import { dialects } from './providers/registry.js';
import { loadScenarioFile, parseScenario, type Scenario } from './scenario/scenario.js';
import { Tenants } from './tenants.js';

/**
 * The package root, where openapi/ and scenarios/ live: the nearest folder above this module with a
 * package.json. This module runs from src/, from dist/ (the library) or from a chunk of the CLI's bundle
 * (dist/chunks/), so its depth is not fixed.
 */
export const packageRoot = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(resolve(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const defaultScenarioPath = resolve(packageRoot, 'scenarios/default.yaml');

export interface SandboxOptions {
  /** A scenario file path, or a scenario as data; default: scenarios/default.yaml. */
  scenario?: string | Record<string, unknown>;
  clock?: Clock;
  store?: Store;
  /** Requests the journal keeps (default 1000; 0 keeps none, for load tests). */
  journalSize?: number;
  /** How many of the newest keep their headers and bodies (default 100; at most journalSize). */
  journalDetail?: number;
  /**
   * Where RS256 signatures (and ES256 ones while no nonce computed ahead is ready) are computed:
   * 'thread-pool' (default for the server: a concurrent load uses every core) or 'event-loop' (default
   * in-process: no thread hop, the lowest latency per request).
   */
  asymmetricSigning?: AsymmetricSigning;
  fallback?: Fallback;
  inspector?: Inspector;
  logger?: Logger;
}

/**
 * A relative scenario path is read from the working directory; failing that, from the package, so that
 * `scenario: 'scenarios/default.yaml'` works in a partner's project too.
 */
export function locateScenario(scenario: string): string {
  const local = resolve(scenario);
  if (isAbsolute(scenario) || existsSync(local)) return local;
  const bundled = resolve(packageRoot, scenario);
  return existsSync(bundled) ? bundled : local;
}

/** Loads a scenario from a file path or from data, validated against every dialect. */
export async function resolveScenario(scenario: SandboxOptions['scenario']): Promise<Scenario> {
  if (scenario === undefined) return loadScenarioFile(defaultScenarioPath, dialects);
  if (typeof scenario === 'string') return loadScenarioFile(locateScenario(scenario), dialects);
  return parseScenario(scenario, '(inline scenario)', dialects);
}

/** Builds one engine over every registered dialect. */
export async function createEngine(options: SandboxOptions = {}): Promise<SandboxEngine> {
  return engineFor(await resolveScenario(options.scenario), options);
}

/** The main engine plus the tenants made beside it (each a fresh engine with the same hooks). */
export async function createTenants(options: SandboxOptions = {}): Promise<Tenants> {
  const main = await createEngine(options);
  const { clock: _shared, store: _sharedStore, ...perTenant } = options;
  return new Tenants(main, (scenario) => engineFor(scenario, perTenant), dialects, main.random);
}

function engineFor(scenario: Scenario, options: SandboxOptions): Promise<SandboxEngine> {
  return SandboxEngine.create({
    dialects,
    scenario,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.store ? { store: options.store } : {}),
    ...(options.journalSize === undefined ? {} : { journalSize: options.journalSize }),
    ...(options.journalDetail === undefined ? {} : { journalDetail: options.journalDetail }),
    ...(options.asymmetricSigning === undefined ? {} : { asymmetricSigning: options.asymmetricSigning }),
    ...(options.fallback ? { fallback: options.fallback } : {}),
    ...(options.inspector ? { inspector: options.inspector } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
}
