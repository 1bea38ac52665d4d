/**
 * `auth-sandbox/vitest`: a vitest globalSetup that starts one sandbox server for the whole run.
 *
 * ```ts
 * // vitest.config.ts
 * export default defineConfig({ test: { globalSetup: ['auth-sandbox/vitest'] } });
 * // a test
 * const url = inject('authSandboxUrl'); // or process.env.AUTH_SANDBOX_URL
 * ```
 */

import type { ProvidedContext } from 'vitest';
import { startServer } from './index.js';
import { createPrismLayer } from './prism/layer.js';
import { packageRoot, type SandboxOptions } from './sandbox.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The base URL of the sandbox server that `auth-sandbox/vitest` started. */
    authSandboxUrl: string;
  }
}

/** What vitest hands a globalSetup (its TestProject); only `provide` is used. */
export interface GlobalSetupProject {
  provide(key: 'authSandboxUrl', value: ProvidedContext['authSandboxUrl']): void;
}

export interface AuthSandboxSetupOptions extends SandboxOptions {
  /** Default 0 (a free port). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
}

/**
 * A globalSetup with options: `export default authSandboxSetup({ scenario: 'test/sandbox.yaml' })` in a
 * setup file of your own. The scenario defaults to AUTH_SANDBOX_SCENARIO, else the bundled default.
 */
export function authSandboxSetup(
  options: AuthSandboxSetupOptions = {},
): (project?: GlobalSetupProject) => Promise<() => Promise<void>> {
  return async (project) => {
    const scenario = options.scenario ?? envScenario();
    const server = await startServer({
      fallback: createPrismLayer({ root: packageRoot, mode: 'collect' }).fallback,
      ...options,
      port: options.port ?? 0,
      ...(scenario === undefined ? {} : { scenario }),
    });
    project?.provide('authSandboxUrl', server.url);
    process.env.AUTH_SANDBOX_URL = server.url;
    return async () => {
      await server.close();
      if (process.env.AUTH_SANDBOX_URL === server.url) delete process.env.AUTH_SANDBOX_URL;
    };
  };
}

function envScenario(): string | undefined {
  const fromEnv = process.env.AUTH_SANDBOX_SCENARIO;
  return fromEnv === undefined || fromEnv === '' ? undefined : fromEnv;
}

/** The globalSetup itself: `globalSetup: ['auth-sandbox/vitest']`. */
const setup: (project?: GlobalSetupProject) => Promise<() => Promise<void>> = authSandboxSetup();
export default setup;
