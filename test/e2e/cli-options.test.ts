import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';

const children: ChildProcess[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const closed = once(child, 'close');
    child.kill('SIGTERM');
    await closed;
  }
});

/** `node dist/cli.js ARGS` run to its end: exit code and what it printed. */
async function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn('node', ['dist/cli.js', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const [code] = await once(child, 'close');
  return { code: typeof code === 'number' ? code : null, stdout, stderr };
}

/** `node dist/cli.js start --port 0 ARGS`, resolved with its URL once it listens. */
async function serve(args: string[]): Promise<string> {
  const child = spawn('node', ['dist/cli.js', 'start', '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const [, url] = await new Promise<RegExpExecArray>((resolve, reject) => {
    child.stdout?.on('data', () => {
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match);
    });
    child.once('close', (code) => reject(new Error(`exited with ${code}: ${output}`)));
  });
  return url ?? '';
}

function tinkToken(url: string): Promise<Response> {
  return fetch(`${url}/tink/api/v1/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'client_id=tink-client&client_secret=tink-secret&grant_type=client_credentials&scope=user:create',
  });
}

async function journalPaths(url: string): Promise<number[]> {
  const res = await fetch(`${url}/__sandbox/requests`);
  const { requests } = (await res.json()) as { requests: { seq: number }[] };
  return requests.map((entry) => entry.seq);
}

describe('auth-sandbox start options', () => {
  it('answers an unknown option or a missing value with the usage and exit code 2, not a stack trace', async () => {
    for (const args of [
      ['start', '--bogus'],
      ['start', '--port'],
    ]) {
      const { code, stderr } = await run(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toContain('Usage:');
      expect(stderr).toContain(args[1]);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('prints the usage on start --help and exits 0', async () => {
    const { code, stdout } = await run(['start', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('--journal-size N');
  });

  it('refuses a journal size that is not a whole number of requests', async () => {
    for (const size of ['x', '1e3', '2.5', '-1', '']) {
      const { code, stderr } = await run(['start', '--port', '0', `--journal-size=${size}`]);
      expect(code, size).toBe(2);
      expect(stderr).toContain('--journal-size must be a whole number of requests');
    }
  });

  it('keeps the last N requests with --journal-size N, and none with 0', async () => {
    const two = await serve(['--journal-size', '2']);
    for (let i = 0; i < 3; i++) expect((await tinkToken(two)).status).toBe(200);
    expect(await journalPaths(two)).toEqual([2, 3]);

    const none = await serve(['--journal-size', '0']);
    expect((await tinkToken(none)).status).toBe(200);
    expect(await journalPaths(none)).toEqual([]);
  });
});
