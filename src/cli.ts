#!/usr/bin/env node
import { parseArgs } from 'node:util';
import type { LoggerOptions } from 'pino';
import { journalSizeProblem, maxJournalSize } from './engine/engine.js';
import { createPrismLayer } from './prism/layer.js';
import { dialects } from './providers/registry.js';
import { type createEngine, createTenants, defaultScenarioPath, packageRoot } from './sandbox.js';
import { loadScenarioFile, ScenarioError } from './scenario/scenario.js';
import { isLoopback } from './server/loopback.js';
import { listen } from './server/server.js';
import { openStore } from './stores/open-store.js';

const usage = `Usage:
  auth-sandbox start [--port N] [--host H] [--scenario FILE] [--state-file FILE | --store redis://HOST:PORT]
                     [--validate] [--journal-size N] [--journal-detail N]
  auth-sandbox validate FILE

  start     serve the five providers under http://HOST:PORT/<id> and the control plane under /__sandbox
            (defaults: --host 127.0.0.1 --port 4010 --scenario scenarios/default.yaml; --port 0 picks a free port;
            --state-file FILE keeps all state and the sandbox clock across restarts;
            --store redis://HOST:PORT[?prefix=NAME] shares them between servers behind a load balancer;
            --journal-size N keeps the last N requests in the journal, 1000 by default, 0 for none, at most ${maxJournalSize};
            --journal-detail N keeps the headers and bodies of the newest N of them, 100 by default)
  validate  check a scenario file and list every problem with its key path`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'start') return start(rest);
  if (command === 'validate') return validateFile(rest);
  process.stderr.write(`${usage}\n`);
  return command === undefined || command === '--help' || command === 'help' ? 0 : 2;
}

const startOptions = {
  port: { type: 'string', default: '4010' },
  host: { type: 'string', default: '127.0.0.1' },
  scenario: { type: 'string', default: defaultScenarioPath },
  'state-file': { type: 'string' },
  store: { type: 'string' },
  validate: { type: 'boolean', default: false },
  'admin-token': { type: 'string' },
  'journal-size': { type: 'string' },
  'journal-detail': { type: 'string' },
} as const;

/** The start command's options; an unknown option or a missing value is a usage error (exit 2), not a crash. */
function startArgs(args: string[]) {
  try {
    return parseArgs({ args, options: startOptions, strict: true }).values;
  } catch (error) {
    if (!(error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      throw error;
    }
    process.stderr.write(`${error.message}\n\n${usage}\n`);
    return undefined;
  }
}

/** A journal size flag's number, undefined when absent, false (after saying why) when it is not one. */
function journalOption(
  values: Partial<Record<'journal-size' | 'journal-detail', string>>,
  name: 'journal-size' | 'journal-detail',
): number | undefined | false {
  const text = values[name];
  if (text === undefined) return undefined;
  // Digits only: Number() would also take '', '0x10' or '1e3'.
  const size = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  const problem = journalSizeProblem(size);
  if (problem === undefined) return size;
  process.stderr.write(`--${name} ${problem}, not ${text}\n`);
  return false;
}

async function start(args: string[]): Promise<number> {
  if (args.includes('--help')) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const values = startArgs(args);
  if (values === undefined) return 2;
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`--port must be a port number (0 picks a free one), not ${values.port}\n`);
    return 2;
  }
  const journalSize = journalOption(values, 'journal-size');
  const journalDetail = journalOption(values, 'journal-detail');
  if (journalSize === false || journalDetail === false) return 2;
  if (!isLoopback(values.host) && values['admin-token'] === undefined) {
    process.stderr.write(
      `Refusing to serve the control plane on ${values.host} without --admin-token: anyone on the network could reset it.\n`,
    );
    return 2;
  }
  const logger = lazyPino({ level: process.env.LOG_LEVEL ?? 'info', redact: ['req.headers.authorization'] });
  // Prism answers operations without a stateful handler; it loads in the background after listening.
  const prism = createPrismLayer(
    values.validate
      ? { root: packageRoot, mode: 'log', logger }
      : { root: packageRoot, mode: 'collect', logger },
  );
  let store: Awaited<ReturnType<typeof openStore>>;
  try {
    store = await openStore({ stateFile: values['state-file'], store: values.store }, logger);
  } catch (error) {
    // A corrupt state file names the file and line (StateFileError); an unreadable one says why.
    if (!(error instanceof Error)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
  const tenants = await createTenants({
    scenario: values.scenario,
    ...(journalSize === undefined ? {} : { journalSize }),
    ...(journalDetail === undefined ? {} : { journalDetail }),
    logger,
    fallback: prism.fallback,
    ...(values.validate ? { inspector: prism.inspector } : {}),
    ...(store ? { store } : {}),
  });
  const adminToken = values['admin-token'];
  const engine = tenants.main;
  const server = await listen(tenants, {
    port,
    host: values.host,
    ...(adminToken === undefined ? {} : { adminToken }),
  });
  // Tokens and codes that expired over a day ago (sandbox time) are forgotten once a minute.
  tenants.sweepEvery(60_000);
  // Importing Prism blocks the event loop for over a second: only --validate pays it up front; otherwise
  // the first request for an operation without a stateful handler loads it.
  if (values.validate) void prism.warm(engine.dialects);

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    process.stdout.write(`\n${signal}: shutting down\n`);
    server
      .close()
      .then(() => store?.close?.())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  // The banner says the server is ready, so it comes once a signal would shut it down cleanly: before the
  // handlers, a SIGTERM sent on seeing it could still find node's default (exit by signal, nothing closed).
  process.stdout.write(banner(server.url, engine.scenario.source, engine));
  return -1;
}

function banner(url: string, source: string, engine: Awaited<ReturnType<typeof createEngine>>): string {
  const lines = [`auth-sandbox listening on ${url}`, `scenario: ${source}`, ''];
  for (const dialect of engine.dialects) {
    const section = engine.scenario.providers[dialect.id];
    lines.push(`${dialect.title.padEnd(8)} ${url}/${dialect.id}`);
    if (section !== undefined) for (const line of dialect.describe(section)) lines.push(`           ${line}`);
  }
  lines.push('', `control  ${url}/__sandbox (health, reset, scenario, clock, requests, tokens)`, '');
  return `${lines.join('\n')}\n`;
}

async function validateFile(args: string[]): Promise<number> {
  const [file] = args;
  if (!file) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  try {
    await loadScenarioFile(file, dialects);
    process.stdout.write(`${file}: valid\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
}

// Output is for whoever reads it: a reader that goes away (`auth-sandbox start | head -1`) must not take
// the server down with an EPIPE on its next line. Other write errors stay errors.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof ScenarioError ? error.message : error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);

/**
 * A pino logger loaded on its first message: most runs log nothing, and importing pino was 20 ms of a
 * 165 ms start-up. Messages keep their order (each waits for the same import).
 */
function lazyPino(options: LoggerOptions): {
  error(details: object, message: string): void;
  warn(details: object, message: string): void;
} {
  let loading: Promise<import('pino').Logger> | undefined;
  const write = (level: 'error' | 'warn', details: object, message: string) => {
    loading ??= import('pino').then(({ pino }) => pino(options));
    loading.then(
      (logger) => logger[level](details, message),
      (error: unknown) => process.stderr.write(`${message} (and pino could not load: ${String(error)})\n`),
    );
  };
  return {
    error: (details, message) => write('error', details, message),
    warn: (details, message) => write('warn', details, message),
  };
}
