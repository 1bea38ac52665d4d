import type { Clock } from './clock.js';
import type { ProviderError } from './errors.js';
import type { Eventually } from './eventually.js';
import type { NamedFault } from './faults.js';
import type { Grants } from './grants.js';
import type { ProviderId, SandboxRequest, SandboxResponse } from './http.js';
import type { JwtAlgorithm, KeyRing } from './keys.js';
import type { Random } from './random.js';
import { type Problem, type Shape, validate } from './shape.js';
import type { Store } from './store.js';

/** What a handler may use: the sandbox's shared mechanics, never HTTP. */
export interface SandboxServices {
  readonly clock: Clock;
  readonly store: Store;
  readonly grants: Grants;
  readonly keys: KeyRing;
  readonly random: Random;
  /** A lifetime in seconds: the scenario's `lifetimes.<provider>.<kind>` override, else `fallback`. */
  lifetime(provider: ProviderId, kind: string, fallback: number): number;
}

export interface RouteContext {
  req: SandboxRequest;
  params: Readonly<Record<string, string>>;
  sandbox: SandboxServices;
  /** Tells the journal which grant or token this request touched. */
  touch(ref: { grantId?: string | undefined; token?: string | undefined }): void;
}

export interface Route {
  method: string;
  path: string;
  /** The OpenAPI operation this route implements. */
  operationId: string;
  /** May answer at once (see eventually.ts) or with a promise. */
  handle(ctx: RouteContext): Eventually<SandboxResponse>;
}

/**
 * Why a request was refused before any route ran: its body is over 1 MiB, its headers over node:http's
 * 16 KiB, node:http could not parse it, or it did not arrive within node:http's request timeout.
 */
export type Refusal = 'body-too-large' | 'headers-too-large' | 'malformed' | 'timeout';

export const refusals: Record<Refusal, { status: number; message: string }> = {
  'body-too-large': { status: 413, message: 'The request body is larger than 1 MiB.' },
  'headers-too-large': { status: 431, message: 'The request headers are larger than 16 KiB.' },
  malformed: { status: 400, message: 'The request is not valid HTTP/1.1.' },
  timeout: { status: 408, message: 'The request did not arrive in time.' },
};

/** The errors the dispatcher needs from every dialect, in that provider's own shape. */
export interface DialectErrors {
  notFound(req: SandboxRequest): ProviderError;
  methodNotAllowed(req: SandboxRequest, allowed: string[]): ProviderError;
  /**
   * A request refused before any route ran (see `Refusal`), in the shape of the endpoint it was for (a
   * token endpoint's may differ from the rest); its status is `refusals[refusal].status`.
   */
  refused(req: SandboxRequest, refusal: Refusal): ProviderError;
  /** A sandbox bug: answered in the provider's shape so that clients still parse it. */
  internal(): ProviderError;
  /**
   * A provider-shaped error injected by a fault (`{"error": "invalid_grant"}`), so that users need not
   * write provider bodies themselves. Undefined: this provider has no such error (a generic one is used).
   */
  named?(name: NamedFault, req: SandboxRequest): ProviderError | undefined;
}

export interface SeedContext {
  store: Store;
  clock: Clock;
  random: Random;
}

/** A provider dialect: routes, scenario section, seeding and error catalog. */
export interface Dialect<Section> {
  id: ProviderId;
  title: string;
  /** The real hosts this dialect stands in for (msw mode intercepts them). */
  hosts: string[];
  /** The dialect's OpenAPI document, relative to the package root. */
  openapi: string;
  routes: Route[];
  errors: DialectErrors;
  /** Keys to generate at start. */
  algorithms: JwtAlgorithm[];
  scenario: Shape<Section>;
  seed(section: Section, ctx: SeedContext): Promise<void>;
  /** Lines the CLI prints so a user can try the provider at once. */
  describe(section: Section): string[];
  /** Extra headers on every response (Uphold's request id, Gusto's API version). */
  decorate?(req: SandboxRequest, res: SandboxResponse, sandbox: SandboxServices): void;
}

/** A dialect with its section type erased behind validation, as the registry holds it. */
export interface RegisteredDialect extends Omit<Dialect<unknown>, 'scenario' | 'seed' | 'describe'> {
  checkSection(raw: unknown, path: string): Problem[];
  seed(raw: unknown, ctx: SeedContext): Promise<void>;
  describe(raw: unknown): string[];
}

export function defineDialect<Section>(dialect: Dialect<Section>): RegisteredDialect {
  const parse = (raw: unknown): Section => {
    const result = validate(dialect.scenario, raw, `providers.${dialect.id}`);
    if (!result.ok) throw new Error(`invalid ${dialect.id} scenario section: ${result.problems[0]?.message}`);
    return result.value;
  };
  const { scenario, seed, describe, ...rest } = dialect;
  return {
    ...rest,
    checkSection: (raw, path) => {
      const result = validate(scenario, raw, path);
      return result.ok ? [] : result.problems;
    },
    seed: (raw, ctx) => seed(parse(raw), ctx),
    describe: (raw) => describe(parse(raw)),
  };
}
