import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/index.js';
import { FileStore } from '../../src/stores/file-store.js';

const directory = await mkdtemp(join(tmpdir(), 'auth-sandbox-persistence-'));
const running: { server: RunningServer; store: FileStore }[] = [];
let files = 0;

afterEach(async () => {
  for (const { server, store } of running.splice(0)) {
    await server.close();
    await store.close();
  }
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** A server over the default scenario whose state lives in `path`. */
async function start(path: string): Promise<RunningServer> {
  const store = await FileStore.open(path);
  const server = await startServer({ port: 0, store });
  running.push({ server, store });
  return server;
}

/** Stops the server and closes its state file, as SIGTERM does. */
async function stop(server: RunningServer): Promise<void> {
  const at = running.findIndex((entry) => entry.server === server);
  const [entry] = running.splice(at, 1);
  await entry?.server.close();
  await entry?.store.close();
}

function newPath(): string {
  files += 1;
  return join(directory, `state-${files}.jsonl`);
}

function post(url: string, body: Record<string, string | number | boolean>, token?: string) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

function postForm(url: string, fields: Record<string, string>, token?: string) {
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: new URLSearchParams(fields).toString(),
  });
}

async function json<T>(res: Response, status = 200): Promise<T> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text);
}

interface Pair {
  access_token: string;
  refresh_token: string;
}

const gustoApp = { client_id: 'gusto-client', client_secret: 'gusto-secret' };
const tinkApp = { client_id: 'tink-client', client_secret: 'tink-secret' };
const legacyRefresh = 'gusto-legacy-refresh-token-acme-and-globex-000';

const gustoToken = (server: RunningServer, body: Record<string, string>) =>
  post(`${server.url}/gusto/oauth/token`, { ...gustoApp, ...body });
const tinkToken = (server: RunningServer, fields: Record<string, string>) =>
  postForm(`${server.url}/tink/api/v1/oauth/token`, { ...tinkApp, ...fields });
const expire = (server: RunningServer, token: string) =>
  post(`${server.url}/__sandbox/tokens/expire`, { token });

async function tinkUserPair(server: RunningServer): Promise<Pair> {
  const client = await json<Pair>(
    await tinkToken(server, { grant_type: 'client_credentials', scope: 'authorization:grant' }),
  );
  const { code } = await json<{ code: string }>(
    await postForm(
      `${server.url}/tink/api/v1/oauth/authorization-grant`,
      { user_id: '6e68cc6287704273984567b3300c5822', scope: 'accounts:read' },
      client.access_token,
    ),
  );
  return json<Pair>(await tinkToken(server, { grant_type: 'authorization_code', code }));
}

describe('--state-file persistence across a restart', () => {
  it('keeps tokens, grants, rotated refresh tokens, users and the sandbox clock', async () => {
    const path = newPath();
    const first = await start(path);
    await json(await post(`${first.url}/__sandbox/clock`, { set: '2026-02-01T00:00:00Z' }));
    await json(await post(`${first.url}/__sandbox/clock`, { frozen: true }));
    const clock = await json(await post(`${first.url}/__sandbox/clock`, { advanceSeconds: 90 * 86_400 }));

    const system = await json<Pair>(await gustoToken(first, { grant_type: 'system_access' }));
    const gusto = await json<Pair>(
      await gustoToken(first, { grant_type: 'refresh_token', refresh_token: legacyRefresh }),
    );
    const tinkFirst = await tinkUserPair(first);
    const tinkSecond = await json<Pair>(
      await tinkToken(first, { grant_type: 'refresh_token', refresh_token: tinkFirst.refresh_token }),
    );
    const creator = await json<Pair>(
      await tinkToken(first, { grant_type: 'client_credentials', scope: 'user:create' }),
    );
    const newUser = { external_user_id: 'persisted-user', market: 'GB', locale: 'en_US' };
    await json(await post(`${first.url}/tink/api/v1/user/create`, newUser, creator.access_token));
    await stop(first);

    const second = await start(path);
    expect(await json(await fetch(`${second.url}/__sandbox/clock`))).toEqual(clock);
    const tokenInfo = await fetch(`${second.url}/gusto/v1/token_info`, {
      headers: { authorization: `Bearer ${system.access_token}` },
    });
    expect(tokenInfo.status).toBe(200);
    for (const token of [system.access_token, gusto.access_token, tinkSecond.access_token]) {
      expect((await expire(second, token)).status).toBe(200);
    }
    expect((await expire(second, 'never-issued')).status).toBe(404);
    // Tink rotation survived: the new refresh token works, the old one stays used up.
    await json(
      await tinkToken(second, { grant_type: 'refresh_token', refresh_token: tinkSecond.refresh_token }),
    );
    const reused = await tinkToken(second, {
      grant_type: 'refresh_token',
      refresh_token: tinkFirst.refresh_token,
    });
    expect(reused.status).toBe(400);
    await json(await gustoToken(second, { grant_type: 'refresh_token', refresh_token: gusto.refresh_token }));
    // The user created before the restart is still there.
    const again = await post(`${second.url}/tink/api/v1/user/create`, newUser, creator.access_token);
    expect(again.status).toBe(409);
  });

  it('resumes the stored state instead of seeding the scenario again', async () => {
    const path = newPath();
    const first = await start(path);
    await json(await post(`${first.url}/__sandbox/tokens/revoke`, { token: legacyRefresh }));
    await stop(first);

    const second = await start(path);
    const refused = await gustoToken(second, { grant_type: 'refresh_token', refresh_token: legacyRefresh });
    expect(refused.status).toBe(400);
  });

  it('keeps a reset: tokens issued before it stay forgotten', async () => {
    const path = newPath();
    const first = await start(path);
    const system = await json<Pair>(await gustoToken(first, { grant_type: 'system_access' }));
    await json(await post(`${first.url}/__sandbox/reset`, {}));
    await stop(first);

    const second = await start(path);
    expect((await expire(second, system.access_token)).status).toBe(404);
    await json(await gustoToken(second, { grant_type: 'refresh_token', refresh_token: legacyRefresh }));
  });
});
