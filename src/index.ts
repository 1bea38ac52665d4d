/** auth-sandbox's public API: the server form, the in-process form, the typed control client, the engine. */
import { createTenants, type SandboxOptions } from './sandbox.js';
import { listen, type RunningServer } from './server/server.js';

export {
  type CreatedTenant,
  createSandboxClient,
  type RequestFilter,
  type SandboxApi,
  type SandboxClient,
  type SandboxClientOptions,
  SandboxControlError,
} from './client.js';
export type { Clock } from './engine/clock.js';
export { createClock, fixedClock } from './engine/clock.js';
export { SandboxEngine } from './engine/engine.js';
export type { Fault, FaultSpec, NamedFault } from './engine/faults.js';
export type { ProviderId, SandboxRequest, SandboxResponse } from './engine/http.js';
export type { JournalEntry, JournalFilter } from './engine/journal.js';
export type { AsymmetricSigning } from './engine/keys.js';
export {
  createSandbox,
  type InProcessJournalFilter,
  type InProcessSandbox,
  type SandboxClockControl,
} from './in-process/sandbox.js';
export { createEngine, createTenants, packageRoot, type SandboxOptions } from './sandbox.js';
export { loadScenarioFile, ScenarioError } from './scenario/scenario.js';
export type { RunningServer } from './server/server.js';
export { type TenantCredentials, type TenantInfo, Tenants } from './tenants.js';

export interface StartServerOptions extends SandboxOptions {
  /** Default 4010; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. Any host beyond loopback also needs `adminToken`. */
  host?: string;
  /** Required as `Authorization: Bearer <token>` on the control plane when set. */
  adminToken?: string;
}

/** Starts a sandbox server: `const { url, close } = await startServer({ port: 0 })`. */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const { port, host, adminToken, ...sandbox } = options;
  const tenants = await createTenants(sandbox);
  return listen(tenants, {
    ...(port === undefined ? {} : { port }),
    ...(host === undefined ? {} : { host }),
    ...(adminToken === undefined ? {} : { adminToken }),
  });
}
