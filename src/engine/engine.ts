import type { Scenario } from '../scenario/scenario.js';
import { type Clock, createClock } from './clock.js';
import type { RegisteredDialect, RouteContext, SandboxServices } from './dialect.js';
import { ProviderError } from './errors.js';
import { type Eventually, promised } from './eventually.js';
import { faultResponse } from './fault-response.js';
import { type Fault, FaultBook } from './faults.js';
import { Grants } from './grants.js';
import type { ProviderId, SandboxRequest, SandboxResponse } from './http.js';
import { Journal } from './journal.js';
import { type AsymmetricSigning, KeyRing } from './keys.js';
import { MemoryStore } from './memory-store.js';
import { cryptoRandom, type Random } from './random.js';
import { Router } from './router.js';
import type { Store } from './store.js';

export interface Logger {
  error(details: object, message: string): void;
}

/** Answers a request no stateful route handles (the Prism mock), or undefined for a 404. */
export type Fallback = (
  req: SandboxRequest,
  dialect: RegisteredDialect,
) => Promise<SandboxResponse | undefined>;

/** Sees every stateful exchange (contract validation under `--validate` and in the test suite). */
export type Inspector = (
  req: SandboxRequest,
  res: SandboxResponse,
  dialect: RegisteredDialect,
) => Promise<void>;

/** The most requests a journal keeps: its slots are allocated up front (about 80 bytes each). */
export const maxJournalSize = 1_000_000;

export interface EngineOptions {
  dialects: readonly RegisteredDialect[];
  scenario: Scenario;
  /** Injected clock (tests); by default one is made from the scenario's `clock` settings. */
  clock?: Clock;
  store?: Store;
  random?: Random;
  /** Requests the journal keeps (default 1000; 0 keeps none; at most maxJournalSize). */
  journalSize?: number;
  /**
   * How many of the newest journal entries keep their request and response, headers and bodies (default
   * 100; 0 keeps none; at most journalSize).
   */
  journalDetail?: number;
  /** Where RS256 (and ES256 without a nonce ready) signatures are computed (default: the thread pool). */
  asymmetricSigning?: AsymmetricSigning;
  fallback?: Fallback;
  inspector?: Inspector;
  logger?: Logger;
}

export interface HandleOptions {
  /** The adapter refused the body for its size; answer 413 in the provider's shape. */
  bodyTooLarge?: boolean;
}

interface Mounted {
  dialect: RegisteredDialect;
  router: Router<RegisteredDialect['routes'][number]>;
}

/** One isolated sandbox: its clock, store, keys, journal and the provider dialects over them. */
export class SandboxEngine {
  readonly clock: Clock;
  readonly store: Store;
  readonly random: Random;
  readonly keys: KeyRing;
  readonly grants: Grants;
  readonly journal: Journal;
  readonly faults = new FaultBook();
  readonly services: SandboxServices;
  private readonly mounted = new Map<ProviderId, Mounted>();
  private scenarioInUse: Scenario;
  private readonly clockInjected: boolean;
  private readonly changeListeners = new Set<() => void>();

  private constructor(private readonly options: EngineOptions) {
    checkOptions(options);
    this.scenarioInUse = options.scenario;
    this.clockInjected = options.clock !== undefined;
    this.clock = options.clock ?? createClock(options.scenario.clock);
    this.store = options.store ?? new MemoryStore();
    this.random = options.random ?? cryptoRandom;
    this.keys = new KeyRing(this.random, options.asymmetricSigning);
    this.grants = new Grants(this.store, this.clock, this.random);
    this.journal = new Journal(options.journalSize, options.journalDetail);
    this.clock.onChange(() => this.notifyChanged());
    for (const dialect of options.dialects) {
      this.mounted.set(dialect.id, { dialect, router: new Router(dialect.routes) });
      this.keys.prepare(dialect.algorithms.map((alg) => [dialect.id, alg] as const));
    }
    this.services = {
      clock: this.clock,
      store: this.store,
      grants: this.grants,
      keys: this.keys,
      random: this.random,
      lifetime: (provider, kind, fallback) => this.scenarioInUse.lifetimes[provider]?.[kind] ?? fallback,
    };
  }

  /** Settles once every clock change so far is in a durable or shared store (if there is one). */
  clockSaved: Promise<void> = Promise.resolve();

  static async create(options: EngineOptions): Promise<SandboxEngine> {
    const engine = new SandboxEngine(options);
    const { store, clock } = engine;
    // A durable store from an earlier run resumes its state and sandbox time instead of re-seeding.
    const resumed = (await store.hasState?.()) ?? false;
    const saved = resumed ? await store.readClock?.() : undefined;
    if (saved) clock.restore(saved);
    if (!resumed) await engine.seed();
    if (store.writeClock) {
      const write = store.writeClock.bind(store);
      clock.onChange((state) => {
        const saving = write(state).catch((error: unknown) =>
          options.logger?.error({ err: error }, 'could not save the clock'),
        );
        engine.clockSaved = engine.clockSaved.then(() => saving);
      });
      if (!resumed) await write(clock.state());
    }
    store.watchClock?.((state) => clock.restore(state));
    return engine;
  }

  /**
   * Called after every provider request, clock change and control call that changes state (the
   * dashboard's live updates). Returns an unsubscribe.
   */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Tells the change listeners that state may have changed. */
  notifyChanged(): void {
    for (const listener of this.changeListeners) listener();
  }

  get scenario(): Scenario {
    return this.scenarioInUse;
  }

  get dialects(): RegisteredDialect[] {
    return [...this.mounted.values()].map((m) => m.dialect);
  }

  dialect(id: ProviderId): RegisteredDialect | undefined {
    return this.mounted.get(id)?.dialect;
  }

  /**
   * Forgets access tokens and codes that expired more than `retentionSeconds` ago (sandbox time), so that
   * memory returns under load. The retention keeps recently expired tokens answering "expired" rather than
   * "invalid", and Gusto's strict_access able to hand back an expired pair.
   */
  async sweepExpired(retentionSeconds = 24 * 3600): Promise<number> {
    return this.store.sweep(this.clock.now() - retentionSeconds * 1000);
  }

  /** Back to the loaded scenario: state, clock and journal. */
  async reset(): Promise<void> {
    if (this.clockInjected) this.clock.reset();
    else this.clock.configure(this.scenarioInUse.clock);
    this.journal.clear();
    this.faults.clear();
    await this.seed();
  }

  /** Replaces the scenario and resets to it. */
  async loadScenario(scenario: Scenario): Promise<void> {
    this.scenarioInUse = scenario;
    await this.reset();
  }

  private async seed(): Promise<void> {
    await this.store.reset();
    const ctx = { store: this.store, clock: this.clock, random: this.random };
    for (const [id, { dialect }] of this.mounted) {
      const section = this.scenarioInUse.providers[id];
      if (section !== undefined) await dialect.seed(section, ctx);
    }
  }

  handle(req: SandboxRequest, options: HandleOptions = {}): Promise<SandboxResponse> {
    return promised(() => this.respond(req, options));
  }

  /**
   * `handle`, answering at once when nothing on the way waits (a route served from a synchronous store,
   * no delay fault, no inspector), so that the node:http adapter's hot path makes no promise.
   */
  respond(req: SandboxRequest, options: HandleOptions = {}): Eventually<SandboxResponse> {
    const started = performance.now();
    const mounted = this.mounted.get(req.provider);
    if (!mounted) throw new Error(`no dialect is mounted for ${req.provider}`);
    const fault = this.faults.take(req);
    if (fault?.delayMs) {
      const delay = fault.delayMs;
      return new Promise((resolve) => setTimeout(resolve, delay)).then(() =>
        this.answer(req, options, mounted, fault, started),
      );
    }
    return this.answer(req, options, mounted, fault, started);
  }

  private answer(
    req: SandboxRequest,
    options: HandleOptions,
    { dialect, router }: Mounted,
    fault: Fault | undefined,
    started: number,
  ): Eventually<SandboxResponse> {
    const injected = fault ? faultResponse(fault, req, dialect) : undefined;
    if (injected) return this.finish(req, injected, dialect, started, undefined);
    let response: Eventually<SandboxResponse | undefined>;
    let ctx: HandlerContext | undefined;
    try {
      if (options.bodyTooLarge) throw dialect.errors.refused(req, 'body-too-large');
      const match = router.match(req.method, req.path);
      if (match.kind === 'found') {
        ctx = new HandlerContext(req, match.params, this.services);
        response = match.route.handle(ctx);
      } else if (match.kind === 'wrong-method') {
        throw dialect.errors.methodNotAllowed(req, match.allowed);
      } else {
        response = this.options.fallback?.(req, dialect);
      }
    } catch (error) {
      return this.finish(req, this.errorResponse(error, req, dialect), dialect, started, ctx);
    }
    if (!(response instanceof Promise)) return this.finishRoute(req, response, dialect, started, ctx);
    const handled = ctx;
    return response.then(
      (answered) => this.finishRoute(req, answered, dialect, started, handled),
      (error: unknown) =>
        this.finish(req, this.errorResponse(error, req, dialect), dialect, started, handled),
    );
  }

  /** A route's or the fallback's answer; none (the fallback knows no such operation) is a 404. */
  private finishRoute(
    req: SandboxRequest,
    answered: SandboxResponse | undefined,
    dialect: RegisteredDialect,
    started: number,
    ctx: HandlerContext | undefined,
  ): Eventually<SandboxResponse> {
    return this.finish(req, answered ?? dialect.errors.notFound(req).toResponse(), dialect, started, ctx);
  }

  /** Decorates, inspects (stateful routes only) and journals the response. */
  private finish(
    req: SandboxRequest,
    response: SandboxResponse,
    dialect: RegisteredDialect,
    started: number,
    ctx: HandlerContext | undefined,
  ): Eventually<SandboxResponse> {
    if (!response.dropConnection) dialect.decorate?.(req, response, this.services);
    const { inspector } = this.options;
    if (ctx !== undefined && inspector) {
      return inspector(req, response, dialect).then(() => this.record(req, response, started, ctx));
    }
    return this.record(req, response, started, ctx);
  }

  private record(
    req: SandboxRequest,
    response: SandboxResponse,
    started: number,
    ctx: HandlerContext | undefined,
  ): SandboxResponse {
    this.journal.record(req, response, this.clock.now(), performance.now() - started, ctx);
    this.notifyChanged();
    return response;
  }

  private errorResponse(error: unknown, req: SandboxRequest, dialect: RegisteredDialect): SandboxResponse {
    if (error instanceof ProviderError) return error.toResponse();
    this.options.logger?.error(
      { err: error, provider: req.provider, method: req.method, path: req.path },
      'handler failed',
    );
    return dialect.errors.internal().toResponse();
  }
}

/** What a journal size must be, when `size` is not one (the engine option and the CLI flag share it). */
export function journalSizeProblem(size: number): string | undefined {
  if (Number.isInteger(size) && size >= 0 && size <= maxJournalSize) return undefined;
  return `must be a whole number of requests up to ${maxJournalSize} (0 keeps none)`;
}

/** Options a JavaScript caller can get wrong, refused with what was expected rather than half-used. */
function checkOptions({ journalSize, journalDetail, asymmetricSigning }: EngineOptions): void {
  for (const [name, size] of [
    ['journalSize', journalSize],
    ['journalDetail', journalDetail],
  ] as const) {
    const problem = size === undefined ? undefined : journalSizeProblem(size);
    if (problem !== undefined) throw new TypeError(`${name} ${problem}, not ${String(size)}`);
  }
  if (asymmetricSigning !== undefined && !['thread-pool', 'event-loop'].includes(asymmetricSigning)) {
    throw new TypeError(
      `asymmetricSigning must be 'thread-pool' or 'event-loop', not ${JSON.stringify(asymmetricSigning)}`,
    );
  }
}

/** What a stateful route gets, and what it tells the journal it touched. */
class HandlerContext implements RouteContext {
  grantId: string | undefined = undefined;
  token: string | undefined = undefined;

  constructor(
    readonly req: SandboxRequest,
    readonly params: Readonly<Record<string, string>>,
    readonly sandbox: SandboxServices,
  ) {}

  touch(ref: { grantId?: string | undefined; token?: string | undefined }): void {
    if ('grantId' in ref) this.grantId = ref.grantId;
    if ('token' in ref) this.token = ref.token;
  }
}
