import { afterEach, describe, expect, it } from 'vitest';
import { CliProcesses } from '../support/cli.js';

const cli = new CliProcesses();
afterEach(() => cli.stopAll());

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
      const { code, stderr } = await cli.run(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toContain('Usage:');
      expect(stderr).toContain(args[1]);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('prints the usage on start --help and exits 0', async () => {
    const { code, stdout } = await cli.run(['start', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('--journal-size N');
  });

  it('refuses a journal size that is not a whole number of requests', async () => {
    for (const size of ['x', '1e3', '2.5', '-1', '', '1000001', '99999999999999999999']) {
      const { code, stderr } = await cli.run(['start', '--port', '0', `--journal-size=${size}`]);
      expect(code, size).toBe(2);
      expect(stderr).toContain('--journal-size must be a whole number of requests');
    }
  });

  it('refuses a journal detail that is not a whole number of requests', async () => {
    const { code, stderr } = await cli.run(['start', '--port', '0', '--journal-detail=-3']);
    expect(code).toBe(2);
    expect(stderr).toContain('--journal-detail must be a whole number of requests');
  });

  it('keeps headers and bodies for the newest N requests with --journal-detail N', async () => {
    const { url } = await cli.start(['--port', '0', '--journal-size', '3', '--journal-detail', '1']);
    for (let i = 0; i < 3; i++) expect((await tinkToken(url)).status).toBe(200);
    const res = await fetch(`${url}/__sandbox/requests`);
    const { requests } = (await res.json()) as {
      requests: { seq: number; path: string; response?: unknown }[];
    };
    expect(requests.map((e) => [e.seq, e.path, e.response !== undefined])).toEqual([
      [1, '/api/v1/oauth/token', false],
      [2, '/api/v1/oauth/token', false],
      [3, '/api/v1/oauth/token', true],
    ]);
  });

  it('keeps the last N requests with --journal-size N, and none with 0', async () => {
    const { url: two } = await cli.start(['--port', '0', '--journal-size', '2']);
    for (let i = 0; i < 3; i++) expect((await tinkToken(two)).status).toBe(200);
    expect(await journalPaths(two)).toEqual([2, 3]);

    const { url: none } = await cli.start(['--port', '0', '--journal-size', '0']);
    expect((await tinkToken(none)).status).toBe(200);
    expect(await journalPaths(none)).toEqual([]);
  });
});
