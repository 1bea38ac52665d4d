import type { HttpHandler } from 'msw';
import { type Clock, parseInstant } from '../engine/clock.js';
import type { SandboxEngine } from '../engine/engine.js';
import type { Fault, FaultSpec } from '../engine/faults.js';
import type { SandboxResponse } from '../engine/http.js';
import type { JournalEntry, JournalFilter } from '../engine/journal.js';
import { createPrismLayer } from '../prism/layer.js';
import { createTenants, packageRoot, type SandboxOptions } from '../sandbox.js';
import { FaultRequestError, parseFault } from '../server/fault-routes.js';
import { listen, type RunningServer } from '../server/server.js';
import type { Tenants } from '../tenants.js';
import {
  type ProviderHost,
  type ProviderTarget,
  providerHosts,
  serveFetchRequest,
  targetOf,
  toFetchResponse,
} from './fetch-adapter.js';

type MswModule = typeof import('./msw-handlers.js');

/** The sandbox clock, driven from a test. */
export interface SandboxClockControl {
  /** The sandbox time. */
  now(): Date;
  readonly frozen: boolean;
  /** Moves time forward by this many seconds (negative moves it back). */
  advance(seconds: number): void;
  /** Jumps to an instant: an ISO string, a Date or milliseconds since the epoch. */
  set(at: string | Date | number): void;
  /** Stops (default) or restarts time. */
  freeze(frozen?: boolean): void;
}

export interface InProcessJournalFilter extends Omit<JournalFilter, 'since'> {
  /** Only entries at or after this sandbox time. */
  since?: string | Date | number;
}

export interface InProcessSandbox {
  /**
   * msw 2.x handlers that intercept the real provider hosts (sandbox.tight.com, sandbox.hurdlr.com/rest,
   * api.tink.com, ...): `setupServer(...sandbox.mswHandlers())`. Needs msw installed.
   */
  mswHandlers(): HttpHandler[];
  /**
   * A fetch that serves the real provider URLs in-process without msw, for clients that take a custom
   * fetch. Other URLs go to `globalThis.fetch`; a reset-connection fault rejects like a dropped socket.
   */
  fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>;
  readonly clock: SandboxClockControl;
  /**
   * Back to the loaded scenario: state, clock, faults and journal. The clock, faults and journal reset at
   * once; the store is re-seeded asynchronously, and requests through `mswHandlers()`/`fetch` wait for it,
   * so the call need not be awaited in a test (awaiting it is still recommended).
   */
  reset(): Promise<void>;
  readonly faults: {
    /** Arms a fault (validated as `POST /__sandbox/faults` does) and returns its id. */
    add(spec: FaultSpec): string;
    list(): Fault[];
    remove(id: string): boolean;
    clear(): void;
  };
  readonly journal: {
    /** Provider requests, oldest first, secrets redacted. */
    list(filter?: InProcessJournalFilter): JournalEntry[];
    clear(): void;
  };
  /** The main (default-tenant) engine. */
  readonly engine: SandboxEngine;
  /** Tenants: `await sandbox.tenants.create()` gives an isolated copy with fresh credentials. */
  readonly tenants: Tenants;
  /** The real hosts this sandbox answers for. */
  readonly hosts: readonly ProviderHost[];
  /** Serves this same sandbox over HTTP as well (default: a free loopback port). */
  listen(options?: { port?: number; host?: string; adminToken?: string }): Promise<RunningServer>;
}

/**
 * The sandbox in the test's own process, no port needed:
 * `const sandbox = await createSandbox({ scenario: 'scenarios/default.yaml' });
 *  const server = setupServer(...sandbox.mswHandlers());`
 */
export async function createSandbox(options: SandboxOptions = {}): Promise<InProcessSandbox> {
  const fallback = options.fallback ?? createPrismLayer({ root: packageRoot, mode: 'collect' }).fallback;
  // One test's requests come one at a time: signing on the event loop saves the thread hop.
  const tenants = await createTenants({ asymmetricSigning: 'event-loop', ...options, fallback });
  const engine = tenants.main;
  const hosts = providerHosts(engine.dialects);
  const msw = await importMsw();
  /** A reset still re-seeding the store, if any: requests wait for it. */
  let settling: Promise<void> | undefined;

  const byHost = new Map(hosts.map((host) => [host.host, host]));
  const serve = async (request: Request, target: ProviderTarget): Promise<SandboxResponse> => {
    if (settling !== undefined) await settling;
    return serveFetchRequest(tenants, request, target);
  };

  return {
    mswHandlers() {
      if (msw instanceof Error) {
        throw new Error(
          `mswHandlers() needs msw 2.x, an optional peer dependency of auth-sandbox: npm install --save-dev msw@^2.15.0 (${msw.message})`,
        );
      }
      return msw.providerHandlers(byHost, serve);
    },
    async fetch(input, init) {
      const request = new Request(input, init);
      const target = targetOf(request.url, byHost);
      if (!target) return globalThis.fetch(request);
      const response = await serve(request, target);
      if (response.dropConnection)
        throw new TypeError('fetch failed', { cause: new Error('socket hang up') });
      return toFetchResponse(response, request.method);
    },
    clock: clockControl(engine.clock),
    reset() {
      const resetting = engine.reset();
      const settled = resetting
        .catch(() => undefined)
        .finally(() => {
          if (settling === settled) settling = undefined;
        });
      settling = settled;
      return resetting;
    },
    faults: {
      add: (spec) => engine.faults.add(checkedFault(spec)).id,
      list: () => engine.faults.list(),
      remove: (id) => engine.faults.remove(id),
      clear: () => engine.faults.clear(),
    },
    journal: {
      list: (filter = {}) => engine.journal.list(journalFilter(filter)),
      clear: () => engine.journal.clear(),
    },
    engine,
    tenants,
    hosts,
    listen: (listenOptions = {}) => listen(tenants, { port: 0, ...listenOptions }),
  };
}

async function importMsw(): Promise<MswModule | Error> {
  try {
    return await import('./msw-handlers.js');
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

function clockControl(clock: Clock): SandboxClockControl {
  return {
    now: () => new Date(clock.now()),
    get frozen() {
      return clock.frozen;
    },
    advance: (seconds) => clock.advance(seconds),
    set: (at) => clock.set(instant(at, 'clock.set')),
    freeze: (frozen = true) => clock.freeze(frozen),
  };
}

function instant(at: string | Date | number, what: string): number {
  const ms = typeof at === 'number' ? at : typeof at === 'string' ? parseInstant(at) : at.getTime();
  if (ms === undefined || !Number.isFinite(ms))
    throw new Error(`${what} needs an ISO 8601 time such as 2026-01-01T00:00:00Z.`);
  return ms;
}

function checkedFault(spec: FaultSpec): FaultSpec {
  try {
    return parseFault(spec);
  } catch (error) {
    if (!(error instanceof FaultRequestError)) throw error;
    const problems = error.problems.map((p) => `\n  ${p.path || '(top level)'}: ${p.message}`).join('');
    throw new Error(`auth-sandbox: the fault is not valid:${problems}`);
  }
}

function journalFilter(filter: InProcessJournalFilter): JournalFilter {
  const { since, ...rest } = filter;
  return since === undefined ? rest : { ...rest, since: instant(since, 'journal.list({ since })') };
}
