import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { afterAll, beforeAll } from 'vitest';

export interface RunningRedis {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const missing =
  'redis-server is not installed, and the Redis store tests need a real one. Install it with ' +
  '`apt-get install -y redis-server` (.ci/run does this before the tests).';

/** A free loopback port: the OS picks one, we release it for redis-server. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

function launch(port: number): Promise<ChildProcess> {
  // In memory only: no RDB snapshots, no AOF, nothing written to disk.
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    let settled = false;
    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(child);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      settle(new Error(`redis-server did not become ready within 10 s:\n${output}`));
    }, 10_000);
    child.once('error', (error: NodeJS.ErrnoException) =>
      settle(error.code === 'ENOENT' ? new Error(missing) : error),
    );
    child.once('exit', (code) =>
      settle(new Error(`redis-server exited (${code}) before it was ready:\n${output}`)),
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) settle();
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
  });
}

/** Starts a real redis-server on a free loopback port (a few tries, in case another process takes the port). */
export async function startRedis(): Promise<RunningRedis> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    try {
      const child = await launch(port);
      return {
        url: `redis://127.0.0.1:${port}`,
        port,
        stop: () =>
          new Promise((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      };
    } catch (error) {
      if (error instanceof Error && error.message === missing) throw error;
      lastError = error;
    }
  }
  throw lastError;
}

/**
 * One redis-server for the test file that calls this, started before its tests and stopped after them.
 * Read `redis.url` inside tests (not at module load).
 */
export function useRedis(): { readonly url: string } {
  let running: RunningRedis | undefined;
  beforeAll(async () => {
    running = await startRedis();
  });
  afterAll(async () => {
    await running?.stop();
  });
  return {
    get url() {
      if (!running) throw new Error('redis-server is not running: read redis.url inside a test');
      return running.url;
    },
  };
}

/** A key prefix no other test uses, so tests share one redis-server without seeing each other. */
export function uniquePrefix(name = 'test'): string {
  return `${name}-${randomUUID()}`;
}
