/**
 * The typed control-plane client: openapi-fetch over `openapi/sandbox.yaml` (its GET, POST... directly on
 * the client), with helpers for the steps a test takes (move the clock, script a fault, read the journal,
 * make a tenant).
 */
import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './generated/sandbox.js';

type Schemas = components['schemas'];
export type SandboxClock = Schemas['Clock'];
export type SandboxFault = Schemas['Fault'];
export type SandboxFaultSpec = Schemas['FaultSpec'];
export type SandboxJournalEntry = Schemas['JournalEntry'];
export type SandboxScenario = Schemas['Scenario'];
export type SandboxState = Schemas['State'];
export type SandboxTokenStatus = Schemas['TokenStatus'];
export type SandboxTenantCredentials = Schemas['TenantCredentials'];
export type SandboxProviderId = Schemas['ProviderId'];
/** The raw openapi-fetch client over the control plane's paths. */
export type SandboxApi = Client<paths>;

export interface RequestFilter {
  provider?: SandboxProviderId;
  /** Only requests whose provider path (or `/<id>` + path) starts with this. */
  path?: string;
  status?: number;
  /** Only requests at or after this sandbox time. */
  since?: string | Date;
  /** At most this many, the newest. */
  limit?: number;
}

export interface SandboxClientOptions {
  /**
   * The fetch to send with. By default `globalThis.fetch` is looked up on every call (openapi-fetch alone
   * would capture it once, at creation, and so miss an msw server started later).
   */
  fetch?: (request: Request) => Promise<Response>;
  /** Act on this tenant (`X-Sandbox-Tenant`) instead of the default sandbox. */
  tenant?: string;
  /** The admin token the server was started with (needed only off loopback). */
  adminToken?: string;
}

export interface CreatedTenant {
  id: string;
  /** The tenant's fresh client credentials, per provider. */
  credentials: SandboxTenantCredentials;
  /** A client bound to this tenant. */
  client: SandboxClient;
}

/**
 * openapi-fetch's client over the control plane (`GET`, `POST`, `DELETE`..., `use`), typed by its paths,
 * with the helpers below on top.
 */
export interface SandboxClient extends SandboxApi {
  /** The same openapi-fetch client on its own. */
  readonly api: SandboxApi;
  readonly baseUrl: string;
  readonly tenant: string | undefined;
  health(): Promise<Schemas['Health']>;
  /** Back to the loaded scenario: state, clock, faults and journal. */
  reset(): Promise<void>;
  clock(): Promise<SandboxClock>;
  advanceClock(seconds: number): Promise<SandboxClock>;
  setClock(at: string | Date): Promise<SandboxClock>;
  freezeClock(frozen?: boolean): Promise<SandboxClock>;
  /** Arms a fault and returns its id. */
  injectFault(spec: SandboxFaultSpec): Promise<string>;
  listFaults(): Promise<SandboxFault[]>;
  deleteFault(id: string): Promise<void>;
  clearFaults(): Promise<void>;
  /** The journal, oldest first, secrets redacted. */
  requests(filter?: RequestFilter): Promise<SandboxJournalEntry[]>;
  /** Every grant, token and code with its status; with `limit`, the newest of each list only. */
  state(options?: { limit?: number }): Promise<SandboxState>;
  /** A tenant over the given scenario (or the server's), with a client bound to it. */
  createTenant(scenario?: SandboxScenario): Promise<CreatedTenant>;
  expireToken(token: string): Promise<SandboxTokenStatus>;
  revokeToken(token: string): Promise<SandboxTokenStatus>;
  /** Replaces the scenario (YAML text or data) and resets. */
  loadScenario(scenario: string | SandboxScenario): Promise<Schemas['ScenarioLoaded']>;
}

/** A control-plane call answered with a non-2xx status. */
export class SandboxControlError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
    readonly problems: readonly Schemas['Problem'][] = [],
  ) {
    super(message);
    this.name = 'SandboxControlError';
  }
}

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The body of a 2xx answer, or a SandboxControlError carrying the control plane's message. */
async function expectOk<T>(call: string, pending: Promise<Answer<T>>): Promise<T | undefined> {
  const { data, error, response } = await pending;
  if (response.ok) return data;
  throw controlError(call, response.status, error);
}

async function expectBody<T>(call: string, pending: Promise<Answer<T>>): Promise<T> {
  const data = await expectOk(call, pending);
  if (data === undefined) throw new SandboxControlError(200, undefined, `${call}: the answer had no body.`);
  return data;
}

function controlError(call: string, status: number, error: unknown): SandboxControlError {
  const body = isRecord(error) ? error : {};
  const code = typeof body.error === 'string' ? body.error : undefined;
  const said =
    typeof body.message === 'string' ? body.message : typeof error === 'string' ? error : 'no message';
  const problems = Array.isArray(body.problems) ? body.problems.filter(isProblem) : [];
  const details = problems.map((p) => `\n  ${p.path || '(top level)'}: ${p.message}`).join('');
  const message = `auth-sandbox: ${call} answered ${status}${code ? ` ${code}` : ''}: ${said}${details}`;
  return new SandboxControlError(status, code, message, problems);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isProblem(value: unknown): value is Schemas['Problem'] {
  return isRecord(value) && typeof value.path === 'string' && typeof value.message === 'string';
}

/**
 * A typed client for the sandbox at `baseUrl` (the server's root, e.g. `http://127.0.0.1:4010`):
 * `const sandbox = createSandboxClient(url); await sandbox.advanceClock(3600);`.
 */
export function createSandboxClient(baseUrl: string, options: SandboxClientOptions = {}): SandboxClient {
  const root = baseUrl.replace(/\/+$/, '');
  const headers: Record<string, string> = {};
  if (options.tenant !== undefined) headers['X-Sandbox-Tenant'] = options.tenant;
  if (options.adminToken !== undefined) headers.authorization = `Bearer ${options.adminToken}`;
  const send = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  const api = createClient<paths>({ baseUrl: root, fetch: send, headers });

  const changeClock = (change: Schemas['ClockChange']) =>
    expectBody('POST /__sandbox/clock', api.POST('/__sandbox/clock', { body: change }));
  const tokenCall = (path: '/__sandbox/tokens/expire' | '/__sandbox/tokens/revoke', token: string) =>
    expectBody(`POST ${path}`, api.POST(path, { body: { token } }));

  return {
    ...api,
    api,
    baseUrl: root,
    tenant: options.tenant,
    health: () => expectBody('GET /__sandbox/health', api.GET('/__sandbox/health')),
    async reset() {
      await expectOk('POST /__sandbox/reset', api.POST('/__sandbox/reset'));
    },
    clock: () => expectBody('GET /__sandbox/clock', api.GET('/__sandbox/clock')),
    advanceClock: (seconds) => changeClock({ advanceSeconds: seconds }),
    setClock: (at) => changeClock({ set: typeof at === 'string' ? at : at.toISOString() }),
    freezeClock: (frozen = true) => changeClock({ frozen }),
    async injectFault(spec) {
      const created = await expectBody(
        'POST /__sandbox/faults',
        api.POST('/__sandbox/faults', { body: spec }),
      );
      return created.id;
    },
    async listFaults() {
      return (await expectBody('GET /__sandbox/faults', api.GET('/__sandbox/faults'))).faults;
    },
    async deleteFault(id) {
      await expectOk(
        `DELETE /__sandbox/faults/${id}`,
        api.DELETE('/__sandbox/faults/{id}', { params: { path: { id } } }),
      );
    },
    async clearFaults() {
      await expectOk('DELETE /__sandbox/faults', api.DELETE('/__sandbox/faults'));
    },
    async requests(filter = {}) {
      const { since, ...rest } = filter;
      const query =
        since === undefined
          ? rest
          : { ...rest, since: typeof since === 'string' ? since : since.toISOString() };
      const list = await expectBody(
        'GET /__sandbox/requests',
        api.GET('/__sandbox/requests', { params: { query } }),
      );
      return list.requests;
    },
    state: (options = {}) =>
      expectBody(
        'GET /__sandbox/state',
        api.GET(
          '/__sandbox/state',
          options.limit === undefined ? {} : { params: { query: { limit: options.limit } } },
        ),
      ),
    async createTenant(scenario) {
      const body = scenario === undefined ? {} : { scenario };
      const tenant = await expectBody('POST /__sandbox/tenants', api.POST('/__sandbox/tenants', { body }));
      const bound: SandboxClientOptions = { ...options, tenant: tenant.id };
      return { id: tenant.id, credentials: tenant.credentials, client: createSandboxClient(root, bound) };
    },
    expireToken: (token) => tokenCall('/__sandbox/tokens/expire', token),
    revokeToken: (token) => tokenCall('/__sandbox/tokens/revoke', token),
    loadScenario(scenario) {
      if (typeof scenario !== 'string') {
        return expectBody('POST /__sandbox/scenario', api.POST('/__sandbox/scenario', { body: scenario }));
      }
      return expectBody(
        'POST /__sandbox/scenario',
        api.POST('/__sandbox/scenario', {
          body: scenario,
          headers: { 'content-type': 'application/yaml' },
          bodySerializer: (text) => (typeof text === 'string' ? text : JSON.stringify(text)),
        }),
      );
    },
  };
}
