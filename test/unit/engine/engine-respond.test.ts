import { describe, expect, it } from 'vitest';
import { SandboxEngine } from '../../../src/engine/engine.js';
import type { SandboxResponse } from '../../../src/engine/http.js';
import { MemoryStore } from '../../../src/engine/memory-store.js';
import type { AccessToken } from '../../../src/engine/records.js';
import { uphold } from '../../../src/providers/uphold/dialect.js';
import { createEngine } from '../../../src/sandbox.js';
import { asyncOnly } from './async-store.js';
import { sandboxRequest } from './sandbox-request.js';

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

const upholdToken = (secret = 'uphold-secret', body = 'grant_type=client_credentials') =>
  sandboxRequest({
    provider: 'uphold',
    method: 'POST',
    path: '/core/oauth2/token',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: basic('uphold-client', secret),
    },
    body,
  });

const gustoSystemToken = (secret = 'gusto-secret') =>
  sandboxRequest({
    provider: 'gusto',
    method: 'POST',
    path: '/oauth/token',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: 'gusto-client', client_secret: secret, grant_type: 'system_access' }),
  });

function tokenOf(response: SandboxResponse): string {
  const { body } = response;
  if (typeof body !== 'object' || body === null || !('access_token' in body)) throw new Error('no token');
  return String(body.access_token);
}

describe('SandboxEngine.respond', () => {
  it('answers an Uphold token from the memory store at once, and keeps the token', async () => {
    const store = new MemoryStore();
    const engine = await createEngine({ store });
    const response = engine.respond(upholdToken());
    expect(response).not.toBeInstanceOf(Promise);
    if (response instanceof Promise) return;
    expect(response.status).toBe(200);
    expect(response.headers['x-uphold-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(store.findNow('accessToken', tokenOf(response))?.clientId).toBe('uphold-client');
    expect(engine.journal.list().at(-1)?.status).toBe(200);
  });

  it('answers a Gusto system token at once, with its API version, and keeps the token', async () => {
    const store = new MemoryStore();
    const engine = await createEngine({ store });
    const response = engine.respond(gustoSystemToken());
    expect(response).not.toBeInstanceOf(Promise);
    if (response instanceof Promise) return;
    expect(response.status).toBe(200);
    expect(response.headers['x-gusto-api-version']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(store.findNow('accessToken', tokenOf(response))?.kind).toBe('system');
  });

  it('answers refusals at once too, in the provider shape (a wrong secret, a form it cannot read)', async () => {
    const engine = await createEngine();
    const wrongSecret = engine.respond(upholdToken('not-the-secret'));
    const badForm = engine.respond(upholdToken('uphold-secret', 'grant_type=a&grant_type=b'));
    expect(wrongSecret).not.toBeInstanceOf(Promise);
    expect(badForm).not.toBeInstanceOf(Promise);
    expect(await wrongSecret).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    expect(await badForm).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
  });

  it('waits for a store that answers with promises, with the same answers', async () => {
    const memory = new MemoryStore();
    const engine = await createEngine({ store: asyncOnly(memory) });
    const cases = [
      { request: upholdToken, kept: (token?: AccessToken) => token?.clientId, expected: 'uphold-client' },
      { request: gustoSystemToken, kept: (token?: AccessToken) => token?.kind, expected: 'system' },
    ];
    for (const { request, kept, expected } of cases) {
      const issued = engine.respond(request());
      expect(issued).toBeInstanceOf(Promise);
      const response = await issued;
      expect(response.status).toBe(200);
      expect(kept(memory.findNow('accessToken', tokenOf(response)))).toBe(expected);
      expect(await engine.respond(request('not-the-secret'))).toMatchObject({
        status: 401,
        body: { error: 'invalid_client' },
      });
    }
  });

  it('answers what handle answers', async () => {
    const engine = await createEngine();
    const viaHandle = await engine.handle(upholdToken('not-the-secret'));
    const viaRespond = await engine.respond(upholdToken('not-the-secret'));
    expect(viaRespond.status).toBe(viaHandle.status);
    expect(viaRespond.body).toEqual(viaHandle.body);
  });

  it('handle turns what respond throws into a rejection', async () => {
    const { scenario } = await createEngine();
    const upholdOnly = await SandboxEngine.create({ dialects: [uphold], scenario });
    expect(() => upholdOnly.respond(sandboxRequest({ provider: 'tink' }))).toThrow(
      'no dialect is mounted for tink',
    );
    await expect(upholdOnly.handle(sandboxRequest({ provider: 'tink' }))).rejects.toThrow(
      'no dialect is mounted for tink',
    );
  });
});
