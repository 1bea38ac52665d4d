import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { packageRoot, type SandboxOptions } from '../sandbox.js';

/**
 * A relative scenario path is read from the working directory; failing that, from the package, so that
 * `createSandbox({ scenario: 'scenarios/default.yaml' })` works in a partner's project too.
 */
export function locateScenario(scenario: SandboxOptions['scenario']): SandboxOptions['scenario'] {
  if (typeof scenario !== 'string' || isAbsolute(scenario) || existsSync(resolve(scenario))) return scenario;
  const bundled = resolve(packageRoot, scenario);
  return existsSync(bundled) ? bundled : scenario;
}
