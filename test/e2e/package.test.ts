import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/index.js';
import { CliProcesses } from '../support/cli.js';

const run = promisify(execFile);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const tsc = resolve(packageRoot, 'node_modules/typescript/bin/tsc');
const slow = 240_000;

let work = '';
let app = '';

/** Runs a command; on failure the error carries its output, so that the test report says what broke. */
async function sh(command: string, args: string[], cwd: string): Promise<string> {
  try {
    const { stdout } = await run(command, args, { cwd, maxBuffer: 32 * 1024 * 1024, timeout: slow });
    return stdout;
  } catch (error) {
    const output = (name: 'stdout' | 'stderr'): string =>
      error !== null && typeof error === 'object' && name in error ? String(Reflect.get(error, name)) : '';
    throw new Error(`${command} ${args.join(' ')} failed:\n${output('stdout')}\n${output('stderr')}`);
  }
}

/** Runs an ES module in the temp project and returns what it printed as JSON on its last line. */
async function runInApp(name: string, source: string): Promise<unknown> {
  await writeFile(join(app, name), source);
  const out = await sh(process.execPath, [name], app);
  return JSON.parse(out.trim().split('\n').at(-1) ?? 'null');
}

const tinkForm =
  'client_id=tink-client&client_secret=tink-secret&grant_type=client_credentials&scope=user:create';

/**
 * The package as a partner gets it: packed (the prepare script builds it from a clean copy of the sources,
 * so no stale dist/ is shipped and the working tree's dist/ is left alone), then installed into an empty
 * project whose dependencies come from the registry.
 */
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'auth-sandbox-pack-'));
  // A space in the path: the build (tsc, then the CLI's bundle) must not depend on URL-encoded paths.
  const stage = join(work, 'stage dir');
  await mkdir(stage);
  for (const entry of [
    'package.json',
    'README.md',
    'tsconfig.json',
    'tsconfig.build.json',
    'scripts',
    'src',
    'openapi',
    'scenarios',
  ]) {
    await cp(join(packageRoot, entry), join(stage, entry), { recursive: true });
  }
  await symlink(join(packageRoot, 'node_modules'), join(stage, 'node_modules'), 'dir');
  const packed: unknown = JSON.parse(await sh(npm, ['pack', '--json', '--pack-destination', work], stage));
  const filename = Array.isArray(packed) && packed[0]?.filename;
  if (typeof filename !== 'string')
    throw new Error(`npm pack printed no file name: ${JSON.stringify(packed)}`);

  app = join(work, 'app');
  await mkdir(app);
  await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  await sh(npm, ['install', join(work, filename), '--no-audit', '--no-fund', '--prefer-offline'], app);
}, slow);

const cli = new CliProcesses();

afterAll(async () => {
  await cli.stopAll('SIGKILL');
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the packed package installed into an empty project', () => {
  it('runs the bin: auth-sandbox validate accepts the bundled default scenario', async () => {
    const out = await sh(
      join(app, 'node_modules/.bin/auth-sandbox'),
      ['validate', 'node_modules/auth-sandbox/scenarios/default.yaml'],
      app,
    );
    expect(out).toContain('valid');
  });

  it('runs the bin: auth-sandbox start serves tokens, loads the control plane and dashboard on first use, stops on SIGTERM', async () => {
    // The CLI is a bundle whose control plane, dashboard and stores are chunks loaded on first use, with
    // Express and the rest resolved from the installing project's node_modules.
    const { child, url, output } = await cli.start(['--port', '0'], {
      bin: join(app, 'node_modules/.bin/auth-sandbox'),
      cwd: app,
    });
    try {
      const token = await fetch(`${url}/tink/api/v1/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: tinkForm,
      });
      expect(token.status).toBe(200);
      const health = await fetch(`${url}/__sandbox/health`);
      expect(await health.json()).toEqual({ status: 'ok' });
      const dashboard = await fetch(`${url}/__sandbox/`);
      expect(dashboard.status).toBe(200);
      expect(dashboard.headers.get('content-type')).toContain('text/html');
      await dashboard.text();
    } finally {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = await exited;
      expect(code, output()).toBe(0);
    }
  });

  it('imports without msw: startServer answers a Tink token, createSandbox works and says msw is missing', async () => {
    const result = await runInApp(
      'entry.mjs',
      `
const pkg = await import('auth-sandbox');
const out = { exports: ['startServer', 'createSandbox', 'createSandboxClient'].map((name) => typeof pkg[name]) };
const server = await pkg.startServer({ port: 0 });
try {
  const res = await fetch(server.url + '/tink/api/v1/oauth/token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: '${tinkForm}',
  });
  out.tink = { status: res.status, body: await res.json() };
  out.health = await pkg.createSandboxClient(server.url).health();
} finally {
  await server.close();
}
const sandbox = await pkg.createSandbox({ scenario: 'scenarios/default.yaml' });
try { sandbox.mswHandlers(); out.msw = 'loaded'; } catch (error) { out.msw = error.message; }
const res = await sandbox.fetch('https://api.tink.com/api/v1/oauth/token', {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: '${tinkForm}',
});
out.inProcess = res.status;
console.log(JSON.stringify(out));
`,
    );
    expect(result).toEqual({
      exports: ['function', 'function', 'function'],
      tink: { status: 200, body: expect.objectContaining({ token_type: 'bearer', expires_in: 1800 }) },
      health: { status: 'ok' },
      msw: expect.stringContaining('npm install --save-dev msw@^2.15.0'),
      inProcess: 200,
    });
  });

  it('imports auth-sandbox/vitest: its globalSetup provides a live URL and tears the server down', async () => {
    const result = await runInApp(
      'vitest-setup.mjs',
      `
const { default: setup } = await import('auth-sandbox/vitest');
const { createSandboxClient } = await import('auth-sandbox');
const provided = {};
const teardown = await setup({ provide: (key, value) => { provided[key] = value; } });
const health = await createSandboxClient(provided.authSandboxUrl).health();
const env = process.env.AUTH_SANDBOX_URL === provided.authSandboxUrl;
await teardown();
console.log(JSON.stringify({ health, env }));
`,
    );
    expect(result).toEqual({ health: { status: 'ok' }, env: true });
  });

  it(
    'type-checks a strict TypeScript file against the shipped declarations, and serves msw once it is installed',
    async () => {
      await sh(
        npm,
        ['install', 'msw@2.15.0', '@types/node@20.19.43', '--no-audit', '--no-fund', '--prefer-offline'],
        app,
      );
      await writeFile(
        join(app, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            target: 'ES2022',
            module: 'NodeNext',
            moduleResolution: 'NodeNext',
            strict: true,
            exactOptionalPropertyTypes: true,
            noUncheckedIndexedAccess: true,
            skipLibCheck: false,
            noEmit: true,
            types: ['node'],
          },
          files: ['typed.ts'],
        }),
      );
      await writeFile(
        join(app, 'typed.ts'),
        `import { setupServer } from 'msw/node';
import {
  createSandbox,
  createSandboxClient,
  type InProcessSandbox,
  type JournalEntry,
  type RunningServer,
  type SandboxClient,
  startServer,
} from 'auth-sandbox';

export async function typed(): Promise<void> {
  const server: RunningServer = await startServer({ port: 0 });
  const client: SandboxClient = createSandboxClient(server.url, { tenant: 't_1' });
  const now: string = (await client.advanceClock(3600)).now;
  const id: string = await client.injectFault({ provider: 'tink', status: 429 });
  // @ts-expect-error advanceClock takes a number of seconds
  await client.advanceClock('3600');
  // @ts-expect-error no such provider
  await client.injectFault({ provider: 'paypal' });
  const sandbox: InProcessSandbox = await createSandbox({ scenario: 'scenarios/default.yaml' });
  const msw = setupServer(...sandbox.mswHandlers());
  sandbox.clock.advance(3600);
  const entries: JournalEntry[] = sandbox.journal.list({ provider: 'tink' });
  void [now, id, entries, msw, sandbox.reset(), server.close()];
}
`,
      );
      await sh(process.execPath, [tsc, '-p', 'tsconfig.json'], app);

      const result = await runInApp(
        'msw.mjs',
        `
import { setupServer } from 'msw/node';
import { createSandbox } from 'auth-sandbox';
const sandbox = await createSandbox({ scenario: 'scenarios/default.yaml' });
const server = setupServer(...sandbox.mswHandlers());
server.listen({ onUnhandledRequest: 'error' });
const res = await fetch('https://api.tink.com/api/v1/oauth/token', {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: '${tinkForm}',
});
server.close();
console.log(JSON.stringify({ status: res.status, journal: sandbox.journal.list().length }));
`,
      );
      expect(result).toEqual({ status: 200, journal: 1 });
    },
    slow,
  );
});
