import { readBasicCredentials, readBearer } from './engine/body.js';
import type { RegisteredDialect } from './engine/dialect.js';
import type { HandleOptions, SandboxEngine } from './engine/engine.js';
import { type Eventually, promised } from './engine/eventually.js';
import { isProviderId, type ProviderId, type SandboxRequest, type SandboxResponse } from './engine/http.js';
import type { Random } from './engine/random.js';
import { parseScenario, type Scenario } from './scenario/scenario.js';
import { refreshIdentities, type TenantIdentities } from './tenant-identities.js';

export type TenantCredentials = Partial<Record<ProviderId, { clientId: string; clientSecret: string }[]>>;

export interface TenantInfo {
  id: string;
  credentials: TenantCredentials;
  /** Per provider, the scenario's user and company ids and the fresh ids this tenant has instead. */
  identities: TenantIdentities;
}

/** The header that picks a tenant on control calls (and, optionally, on provider calls). */
export const tenantHeader = 'x-sandbox-tenant';

/**
 * Isolated tenants on one server: each is its own engine (clock, store, faults, journal) over a copy of a
 * scenario whose clients got fresh credentials. A provider request goes to the tenant that owns the client
 * id or the bearer token it carries, so parallel CI jobs can share one server without seeing each other.
 */
export class Tenants {
  private readonly engines = new Map<string, SandboxEngine>();
  private readonly clientOwners = new Map<string, string>();

  constructor(
    readonly main: SandboxEngine,
    private readonly makeEngine: (scenario: Scenario) => Promise<SandboxEngine>,
    private readonly dialects: readonly RegisteredDialect[],
    private readonly random: Random,
  ) {}

  /** Sweeps every engine's long-expired tokens every `intervalMs` (an unref'd timer); returns a stop. */
  sweepEvery(intervalMs: number, retentionSeconds?: number): () => void {
    const timer = setInterval(() => {
      for (const engine of [this.main, ...this.engines.values()]) {
        engine.sweepExpired(retentionSeconds).catch(() => undefined);
      }
    }, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  get size(): number {
    return this.engines.size;
  }

  get(id: string): SandboxEngine | undefined {
    return this.engines.get(id);
  }

  ids(): string[] {
    return [...this.engines.keys()];
  }

  /** A new tenant over `raw` (a scenario as data) or the main scenario's own data. */
  async create(raw?: unknown): Promise<TenantInfo> {
    const id = `t_${this.random.bytes(6).toString('hex')}`;
    const source = raw ?? this.main.scenario.raw;
    const { data, credentials } = withFreshCredentials(source, id, this.random);
    const identities = refreshIdentities(data, id.slice(2), this.random);
    const scenario = parseScenario(data, `(tenant ${id})`, this.dialects);
    const engine = await this.makeEngine(scenario);
    this.engines.set(id, engine);
    for (const [provider, clients] of Object.entries(credentials)) {
      for (const client of clients) this.clientOwners.set(`${provider}:${client.clientId}`, id);
    }
    return { id, credentials, identities };
  }

  remove(id: string): boolean {
    for (const [client, owner] of this.clientOwners) if (owner === id) this.clientOwners.delete(client);
    return this.engines.delete(id);
  }

  /** Routes a provider request to its tenant's engine and handles it there (no lookup without tenants). */
  handle(req: SandboxRequest, options?: HandleOptions): Promise<SandboxResponse> {
    return promised(() => this.respond(req, options));
  }

  /** `handle`, answering at once when the engine can (see SandboxEngine.respond). */
  respond(req: SandboxRequest, options?: HandleOptions): Eventually<SandboxResponse> {
    if (this.engines.size === 0) return this.main.respond(req, options);
    return this.route(req).then((engine) => engine.respond(req, options));
  }

  /** The engine a provider request belongs to (with tenants): by header, then client id, then bearer token. */
  private async route(req: SandboxRequest): Promise<SandboxEngine> {
    const named = req.headers[tenantHeader];
    if (named !== undefined) return this.engines.get(named) ?? this.main;
    const clientId = clientIdOf(req);
    const owner = clientId === undefined ? undefined : this.clientOwners.get(`${req.provider}:${clientId}`);
    if (owner !== undefined) return this.engines.get(owner) ?? this.main;
    const bearer = readBearer(req);
    if (bearer.ok) {
      for (const engine of this.engines.values()) {
        if (await engine.store.find('accessToken', bearer.token)) return engine;
      }
    }
    return this.main;
  }
}

/** The client id a request names: Basic header, `client_id` in the query, a form or a JSON body. */
function clientIdOf(req: SandboxRequest): string | undefined {
  const basic = readBasicCredentials(req);
  if (basic) return basic.clientId;
  const inQuery = req.query.get('client_id');
  if (inQuery) return inQuery;
  if (req.rawBody.length === 0) return undefined;
  const text = req.rawBody.toString('utf8');
  const type = req.headers['content-type'] ?? '';
  if (type.includes('x-www-form-urlencoded')) return new URLSearchParams(text).get('client_id') ?? undefined;
  if (type.includes('json')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (
        parsed !== null &&
        typeof parsed === 'object' &&
        'client_id' in parsed &&
        typeof parsed.client_id === 'string'
      ) {
        return parsed.client_id;
      }
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A deep copy of scenario data in which every provider client has a tenant-specific id and a new secret. */
function withFreshCredentials(
  raw: unknown,
  tenantId: string,
  random: Random,
): { data: unknown; credentials: TenantCredentials } {
  const data: unknown = structuredClone(raw ?? {});
  const credentials: TenantCredentials = {};
  const providers = isRecord(data) ? data.providers : undefined;
  if (!isRecord(providers)) return { data, credentials };
  for (const [provider, section] of Object.entries(providers)) {
    if (!isRecord(section) || !Array.isArray(section.clients)) continue;
    const issued: { clientId: string; clientSecret: string }[] = [];
    const renamed = new Map<string, string>();
    for (const client of section.clients) {
      if (!isRecord(client) || typeof client.clientId !== 'string') continue;
      const fresh = {
        clientId: `${client.clientId}-${tenantId}`,
        clientSecret: random.bytes(24).toString('base64url'),
      };
      renamed.set(client.clientId, fresh.clientId);
      Object.assign(client, fresh);
      issued.push(fresh);
    }
    for (const [key, value] of Object.entries(section))
      if (key !== 'clients') renameClientIds(value, renamed);
    if (isProviderId(provider)) credentials[provider] = issued;
  }
  return { data, credentials };
}

/** Other records of a section (grants, ...) that name a client follow it to its new id. */
function renameClientIds(value: unknown, renamed: Map<string, string>): void {
  if (Array.isArray(value)) {
    for (const item of value) renameClientIds(item, renamed);
    return;
  }
  if (!isRecord(value)) return;
  for (const [key, inner] of Object.entries(value)) {
    const next = key === 'clientId' && typeof inner === 'string' ? renamed.get(inner) : undefined;
    if (next !== undefined) value[key] = next;
    else renameClientIds(inner, renamed);
  }
}
