import type { RegisteredDialect } from '../engine/dialect.js';
import type { Fallback, Inspector } from '../engine/engine.js';
import type { SandboxRequest, SandboxResponse } from '../engine/http.js';
import { type ContractViolation, checkExchange } from './contract.js';
import { DocumentOperations } from './documents.js';
import { answerFromExamples } from './mock.js';
import { importPrism, type PrismRuntime } from './runtime.js';

export type { ContractViolation, ViolationDetail } from './contract.js';

/** Where contract violations go at run time (`start --validate`); pino's logger fits. */
export interface ViolationLogger {
  warn(details: object, message: string): void;
}

export type PrismLayerOptions =
  | {
      /** The package root; each dialect's `openapi` path is relative to it. */
      root: string;
      /** Test suite: violations accumulate in `violations` for the test to assert on. */
      mode: 'collect';
      /** Told when `warm()` cannot load a document (the next request then fails loudly). */
      logger?: ViolationLogger;
    }
  | {
      root: string;
      /** `start --validate`: each violation is logged and counted in a response header. */
      mode: 'log';
      logger: ViolationLogger;
    };

/** The header that tells a `--validate` user how many contract violations an exchange had. */
export const violationsHeader = 'x-sandbox-contract-violations';

/** Stoplight Prism under the stateful layer: mocks from examples, contract validation. */
export interface PrismLayer {
  /** The engine's `fallback`: Prism's mock for operations no stateful route handles. */
  readonly fallback: Fallback;
  /** The engine's `inspector`: validates each stateful exchange against the provider's document. */
  readonly inspector: Inspector;
  /** Whether prism-http has been imported yet (it is only on `warm()` or first use). */
  readonly loaded: boolean;
  /** Starts importing Prism and parsing the dialects' documents in the background; never rejects. */
  warm(dialects: readonly RegisteredDialect[]): Promise<void>;
  /** Violations collected so far (mode `collect`), oldest first. */
  readonly violations: readonly ContractViolation[];
  /** Returns the collected violations and forgets them. */
  takeViolations(): ContractViolation[];
  clearViolations(): void;
}

/** Creates the layer without importing Prism: start-up must not pay its 1.2-1.9 s. */
export function createPrismLayer(options: PrismLayerOptions): PrismLayer {
  let runtime: Promise<PrismRuntime> | undefined;
  let loaded = false;
  const prism = (): Promise<PrismRuntime> => {
    if (!runtime) {
      const importing = importPrism().then((imported) => {
        loaded = true;
        return imported;
      });
      runtime = importing;
      // A failed import is retried on next use rather than cached.
      void importing.catch(() => {
        if (runtime === importing) runtime = undefined;
      });
    }
    return runtime;
  };
  const documents = new DocumentOperations(options.root, prism);
  const collected: ContractViolation[] = [];

  const report = (found: ContractViolation[], res: SandboxResponse): void => {
    if (found.length === 0) return;
    if (options.mode === 'collect') {
      collected.push(...found);
      return;
    }
    let count = 0;
    for (const violation of found) {
      count += violation.violations.length;
      options.logger.warn(
        { violation },
        `contract violation: ${violation.where} of ${violation.provider} ${violation.operation} (${violation.method} ${violation.path} -> ${violation.status})`,
      );
    }
    res.headers[violationsHeader] = String(count);
  };

  const fallback: Fallback = async (req, dialect) => {
    const [loadedPrism, operations] = await Promise.all([prism(), documents.operations(dialect.openapi)]);
    return answerFromExamples(loadedPrism, operations, req, dialect.openapi);
  };

  const inspector: Inspector = async (req, res, dialect) => {
    // The engine awaits the inspector outside its error handling: never throw from here.
    let found: ContractViolation[];
    try {
      const [loadedPrism, operations] = await Promise.all([prism(), documents.operations(dialect.openapi)]);
      found = await checkExchange(loadedPrism, operations, req, res, dialect.openapi);
    } catch (error) {
      // Prism cannot decode a form with broken percent-escapes (URIError); answering it with a 4xx is right.
      const undecodableRequestRefused = error instanceof URIError && res.status >= 400 && res.status < 500;
      found = undecodableRequestRefused ? [] : [validationFailure(req, res, error)];
    }
    report(found, res);
  };

  return {
    fallback,
    inspector,
    get loaded() {
      return loaded;
    },
    async warm(dialects) {
      const files = new Set(dialects.map((d) => d.openapi));
      const results = await Promise.allSettled([
        prism(),
        ...[...files].map((file) => documents.operations(file)),
      ]);
      for (const result of results) {
        if (result.status === 'rejected')
          options.logger?.warn({ err: result.reason }, 'Prism could not load');
      }
    },
    get violations() {
      return [...collected];
    },
    takeViolations() {
      return collected.splice(0, collected.length);
    },
    clearViolations() {
      collected.length = 0;
    },
  };
}

/** A validation that could not run (unreadable document, Prism failure) must not pass silently. */
function validationFailure(req: SandboxRequest, res: SandboxResponse, error: unknown): ContractViolation {
  const message = `contract validation failed: ${error instanceof Error ? error.message : String(error)}`;
  return {
    provider: req.provider,
    operation: '(validation failed)',
    method: req.method,
    path: req.path,
    status: res.status,
    where: 'response',
    violations: [{ path: '', message, severity: 'error' }],
  };
}
