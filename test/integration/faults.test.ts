import { describe, expect, it } from 'vitest';
import { postJson, startTestServer } from '../support/server.js';
import { tinkToken, tinkUserTokens } from '../support/tink.js';

const clientCredentials = { grant_type: 'client_credentials', scope: 'user:create' };

/** The key paths a 400 answer names as problems, sorted. */
async function refusedPaths(res: Response): Promise<string[]> {
  expect(res.status).toBe(400);
  const body = (await res.json()) as { problems: { path: string }[] };
  return body.problems.map((p) => p.path).sort();
}

describe('faults', () => {
  it('answers the next N matching requests with the scripted status, body and headers, then recovers', async () => {
    const server = await startTestServer();
    const created = await postJson(`${server.url}/__sandbox/faults`, {
      provider: 'tink',
      method: 'POST',
      path: '/api/v1/oauth/token',
      times: 2,
      status: 503,
      body: { errorMessage: 'down for maintenance', errorCode: 'SERVICE_UNAVAILABLE' },
      headers: { 'Retry-After': '7' },
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ id: expect.any(String) });
    for (let i = 0; i < 2; i++) {
      const res = await tinkToken(server, clientCredentials);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('7');
      expect(await res.json()).toEqual({
        errorMessage: 'down for maintenance',
        errorCode: 'SERVICE_UNAVAILABLE',
      });
    }
    expect((await tinkToken(server, clientCredentials)).status).toBe(200);
  });

  it('matches globs with or without the provider mount, and a bare 429 gets the provider’s own body', async () => {
    const server = await startTestServer();
    await postJson(`${server.url}/__sandbox/faults`, { path: '/tink/api/**', status: 429, times: 0 });
    const res = await tinkToken(server, clientCredentials);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(await res.json()).toEqual({ errorMessage: expect.any(String), errorCode: 'TOO_MANY_REQUESTS' });
    expect((await tinkToken(server, clientCredentials)).status).toBe(429);
    const other = await fetch(`${server.url}/tink/data/v2/accounts`);
    expect(other.status).toBe(401);
  });

  it('injects a named provider-shaped error: the next refresh gets invalid_grant', async () => {
    const server = await startTestServer();
    const tokens = await tinkUserTokens(server, 'accounts:read');
    await postJson(`${server.url}/__sandbox/faults`, {
      provider: 'tink',
      path: '/api/v1/oauth/token',
      error: 'invalid_grant',
    });
    const refused = await tinkToken(server, {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ errorCode: 'INVALID_GRANT' });
    const retried = await tinkToken(server, {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
    });
    expect(retried.status).toBe(200);
  });

  it('drops the connection on reset-connection', async () => {
    const server = await startTestServer();
    await postJson(`${server.url}/__sandbox/faults`, { provider: 'tink', action: 'reset-connection' });
    await expect(tinkToken(server, clientCredentials)).rejects.toThrow();
    expect((await tinkToken(server, clientCredentials)).status).toBe(200);
  });

  it('delays a request and still answers it', async () => {
    const server = await startTestServer();
    await postJson(`${server.url}/__sandbox/faults`, { provider: 'tink', delayMs: 20 });
    const res = await tinkToken(server, clientCredentials);
    expect(res.status).toBe(200);
  });

  it('sends the real length of a scripted body whatever content-length the fault names', async () => {
    const server = await startTestServer();
    const body = { errorMessage: 'slow down', errorCode: 'TOO_MANY_REQUESTS' };
    await postJson(`${server.url}/__sandbox/faults`, {
      provider: 'tink',
      path: '/api/v1/oauth/token',
      status: 429,
      body,
      headers: { 'Content-Length': '999', 'X-Extra': 'kept' },
    });
    const res = await tinkToken(server, clientCredentials);
    expect(res.status).toBe(429);
    expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength(JSON.stringify(body))));
    expect(res.headers.get('x-extra')).toBe('kept');
    expect(await res.json()).toEqual(body);
  });

  it('lists, deletes one, clears all, and forgets faults on reset', async () => {
    const server = await startTestServer();
    const first = (await (await postJson(`${server.url}/__sandbox/faults`, { status: 500 })).json()) as {
      id: string;
    };
    await postJson(`${server.url}/__sandbox/faults`, { status: 502, times: 0 });
    const listed = (await (await fetch(`${server.url}/__sandbox/faults`)).json()) as {
      faults: { id: string }[];
    };
    expect(listed.faults).toHaveLength(2);
    expect((await fetch(`${server.url}/__sandbox/faults/${first.id}`, { method: 'DELETE' })).status).toBe(
      204,
    );
    expect((await fetch(`${server.url}/__sandbox/faults/${first.id}`, { method: 'DELETE' })).status).toBe(
      404,
    );
    await fetch(`${server.url}/__sandbox/reset`, { method: 'POST' });
    const after = (await (await fetch(`${server.url}/__sandbox/faults`)).json()) as { faults: unknown[] };
    expect(after.faults).toEqual([]);
    await postJson(`${server.url}/__sandbox/faults`, { status: 500 });
    expect((await fetch(`${server.url}/__sandbox/faults`, { method: 'DELETE' })).status).toBe(204);
    expect((await tinkToken(server, clientCredentials)).status).toBe(200);
  });

  it('refuses headers no response can carry, naming each, so that the fault never drops the request', async () => {
    const server = await startTestServer();
    const res = await postJson(`${server.url}/__sandbox/faults`, {
      status: 500,
      headers: {
        'bad header': 'v',
        'x-split': 'a\r\nset-cookie: x=1',
        'x-object': { a: 1 },
        'Transfer-Encoding': 'chunked',
        'x-fine': 'ok',
      },
    });
    expect(await refusedPaths(res)).toEqual([
      'headers.Transfer-Encoding',
      'headers.bad header',
      'headers.x-object',
      'headers.x-split',
    ]);
    const faults = (await (await fetch(`${server.url}/__sandbox/faults`)).json()) as { faults: unknown[] };
    expect(faults.faults).toEqual([]);
    expect((await tinkToken(server, clientCredentials)).status).toBe(200);
  });

  it('refuses an invalid fault with every problem named', async () => {
    const server = await startTestServer();
    const res = await postJson(`${server.url}/__sandbox/faults`, {
      provider: 'acme',
      status: 'teapot',
      action: 'explode',
      error: 'oops',
      times: -1,
    });
    expect(await refusedPaths(res)).toEqual(['action', 'error', 'provider', 'status', 'times']);
  });
});
