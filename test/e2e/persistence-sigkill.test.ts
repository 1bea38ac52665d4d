import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { FileStore } from '../../src/stores/file-store.js';
import { CliProcesses, type RunningCli } from '../support/cli.js';

const directory = await mkdtemp(join(tmpdir(), 'auth-sandbox-sigkill-'));
const cli = new CliProcesses();
afterEach(() => cli.stopAll('SIGKILL'));

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** `start --port 0 --state-file FILE`, resolved once the banner says where it listens. */
function startCli(stateFile: string): Promise<RunningCli> {
  return cli.start(['--port', '0', '--state-file', stateFile]);
}

function post(url: string, body: object): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

function postForm(url: string, fields: Record<string, string>): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
}

function isTokenBody(value: unknown): value is { access_token: string; refresh_token?: string } {
  return typeof value === 'object' && value !== null && 'access_token' in value;
}

/** Acknowledged (200) responses, gathered until the server dies under them. */
interface Acknowledged {
  accessTokens: string[];
  refreshTokens: string[];
}

const gusto = { client_id: 'gusto-client', client_secret: 'gusto-secret' };
const tink = { client_id: 'tink-client', client_secret: 'tink-secret' };
const legacyRefresh = 'gusto-legacy-refresh-token-acme-and-globex-000';

/**
 * Keeps issuing one kind of request until the connection fails (the kill). `request` returns the next
 * response; every 200 is recorded before the next request goes out.
 */
async function worker(
  acknowledged: Acknowledged,
  request: (previousRefresh: string | undefined) => Promise<Response>,
  onAcknowledged: () => void,
): Promise<void> {
  let refresh: string | undefined;
  for (;;) {
    let body: unknown;
    try {
      const res = await request(refresh);
      if (res.status !== 200) throw new Error(`unexpected ${res.status}: ${await res.text()}`);
      body = await res.json();
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('unexpected')) throw error;
      return; // The connection died with the server: this request was never acknowledged.
    }
    if (!isTokenBody(body)) throw new Error(`no token in ${JSON.stringify(body)}`);
    acknowledged.accessTokens.push(body.access_token);
    if (body.refresh_token !== undefined) {
      acknowledged.refreshTokens.push(body.refresh_token);
      refresh = body.refresh_token;
    }
    onAcknowledged();
  }
}

/** Runs `check` over `items` with at most `limit` in flight. */
async function eachLimited<T>(items: T[], limit: number, check: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const item = items[next++];
        if (item !== undefined) await check(item);
      }
    }),
  );
}

describe('--state-file under SIGKILL', () => {
  it('keeps every token and grant acknowledged before a SIGKILL mid-load, and the file loads cleanly', async () => {
    const stateFile = join(directory, 'killed.jsonl');
    const first = await startCli(stateFile);
    const acknowledged: Acknowledged = { accessTokens: [], refreshTokens: [] };
    const killAfter = 600;
    const exited = once(first.child, 'exit');
    const onAcknowledged = () => {
      if (acknowledged.accessTokens.length === killAfter) first.child.kill('SIGKILL');
    };
    const gustoToken = (body: object) => post(`${first.url}/gusto/oauth/token`, { ...gusto, ...body });
    const workers = [
      ...Array.from({ length: 120 }, () =>
        worker(acknowledged, () => gustoToken({ grant_type: 'system_access' }), onAcknowledged),
      ),
      ...Array.from({ length: 100 }, () =>
        worker(
          acknowledged,
          () =>
            postForm(`${first.url}/tink/api/v1/oauth/token`, {
              ...tink,
              grant_type: 'client_credentials',
              scope: 'user:create',
            }),
          onAcknowledged,
        ),
      ),
      // Refresh chains: each refreshes the refresh token its previous refresh returned.
      ...Array.from({ length: 20 }, () =>
        worker(
          acknowledged,
          (previous) => gustoToken({ grant_type: 'refresh_token', refresh_token: previous ?? legacyRefresh }),
          onAcknowledged,
        ),
      ),
    ];
    await Promise.all(workers);
    const [, signal] = await exited;
    expect(signal).toBe('SIGKILL');
    expect(acknowledged.accessTokens.length).toBeGreaterThanOrEqual(killAfter);
    expect(acknowledged.refreshTokens.length).toBeGreaterThan(0);

    const second = await startCli(stateFile);
    await eachLimited(acknowledged.accessTokens, 32, async (token) => {
      const res = await post(`${second.url}/__sandbox/tokens/expire`, { token });
      expect(res.status, `access token ${token.slice(0, 8)}… was acknowledged but is unknown`).toBe(200);
    });
    // Gusto keeps a refresh token usable until its successor's access token is used; none was.
    await eachLimited(acknowledged.refreshTokens, 8, async (token) => {
      const res = await post(`${second.url}/gusto/oauth/token`, {
        ...gusto,
        grant_type: 'refresh_token',
        refresh_token: token,
      });
      expect(res.status, `refresh token ${token.slice(0, 8)}…: ${await res.text()}`).toBe(200);
    });
    const state: unknown = await (await fetch(`${second.url}/__sandbox/state`)).json();
    expect(state).toMatchObject({ grants: expect.any(Array), accessTokens: expect.any(Array) });

    const stopped = once(second.child, 'exit');
    second.child.kill('SIGTERM');
    expect((await stopped)[0]).toBe(0);
    // The file loads without error or warning after a clean shutdown, with everything acknowledged in it.
    const warnings: string[] = [];
    const store = await FileStore.open(stateFile, {
      logger: { warn: (_, message) => warnings.push(message) },
    });
    try {
      expect(warnings).toEqual([]);
      const known = new Set((await store.list('accessToken')).map((token) => token.value));
      expect(acknowledged.accessTokens.filter((token) => !known.has(token))).toEqual([]);
      const grants = new Set((await store.list('grant')).map((grant) => grant.id));
      const orphans = (await store.list('accessToken')).filter(
        (token) => token.grantId !== undefined && !grants.has(token.grantId),
      );
      expect(orphans).toEqual([]);
    } finally {
      await store.close();
    }
  }, 60_000);

  it('refuses to start on a state file with a corrupt line in the middle, naming the file and line', async () => {
    const stateFile = join(directory, 'corrupt.jsonl');
    const store = await FileStore.open(stateFile);
    await store.upsert('client', {
      provider: 'tink',
      clientId: 'one',
      clientSecret: 's',
      scopes: [],
      redirectUris: [],
    });
    await store.upsert('client', {
      provider: 'tink',
      clientId: 'two',
      clientSecret: 's',
      scopes: [],
      redirectUris: [],
    });
    await store.close();
    const damaged = (await readFile(stateFile, 'utf8')).replace('"clientId":"one"', '"clientId":"0ne"');
    await writeFile(stateFile, damaged);

    const { code, stderr } = await cli.run(['start', '--port', '0', '--state-file', stateFile]);
    expect(code).toBe(1);
    expect(stderr).toContain(`${stateFile}:2: checksum mismatch`);
    expect(await readFile(stateFile, 'utf8')).toBe(damaged);
  });
});
