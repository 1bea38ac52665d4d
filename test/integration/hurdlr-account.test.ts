import { describe, expect, it } from 'vitest';
import { bearer, postForm, postJson } from '../support/server.js';
import { useContractSandbox } from '../unit/providers/tight/harness.js';

const start = useContractSandbox('hurdlr');
const credentials = { client_id: 'hurdlr-client', client_secret: 'hurdlr-secret' };
const tokenShape = /^[0-9a-f]{64}\.[0-9a-f]{32}$/;

describe('Hurdlr v4 account creation', () => {
  it('creates a user and returns SUCCESS with working tokens in oAuth', async () => {
    const server = await start();
    const res = await postJson(`${server.url}/hurdlr/v4/auth/account`, {
      ...credentials,
      userId: 'partner-user-42',
      email: 'jane@example.com',
      firstName: 'Jane',
      lastName: 'Doe',
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { result: string; oAuth: { access_token: string } };
    expect(body).toEqual({
      result: 'SUCCESS',
      oAuth: {
        access_token: expect.stringMatching(tokenShape),
        refresh_token: expect.stringMatching(tokenShape),
        expires_in: 7776000,
        created_at: Date.parse('2026-01-01T00:00:00Z') / 1000,
        scope: 'token',
      },
    });
    const info = await fetch(`${server.url}/hurdlr/v4/auth/userInfo`, {
      headers: bearer(body.oAuth.access_token),
    });
    expect(await info.json()).toEqual({
      userId: 'partner-user-42',
      email: 'jane@example.com',
      firstName: 'Jane',
      lastName: 'Doe',
    });
    const later = await postForm(`${server.url}/hurdlr/v4/auth/token`, {
      ...credentials,
      grant_type: 'client_credentials',
      userId: 'partner-user-42',
    });
    expect(later.status).toBe(200);
  });

  it('answers SUCCESS_UPDATED for an existing userId and accepts a form body', async () => {
    const server = await start();
    const res = await postForm(`${server.url}/hurdlr/v4/auth/account`, {
      ...credentials,
      userId: 'hurdlr-user-1',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ result: 'SUCCESS_UPDATED', oAuth: { scope: 'token' } });
  });

  it('answers INVALID_CREDENTIALS for a wrong secret and creates nobody', async () => {
    const server = await start();
    const res = await postJson(`${server.url}/hurdlr/v4/auth/account`, {
      ...credentials,
      client_secret: 'x',
      userId: 'u2',
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ result: 'INVALID_CREDENTIALS', error: expect.any(String) });
    const token = await postForm(`${server.url}/hurdlr/v4/auth/token`, {
      ...credentials,
      grant_type: 'client_credentials',
      userId: 'u2',
    });
    expect(token.status).toBe(400);
  });

  it.each([
    [{ ...credentials }, 'userId is required'],
    [{ ...credentials, userId: 42 }, 'userId must be a string'],
    [{ ...credentials, userId: 'has spaces' }, 'userId must be'],
  ])('answers 400 FAILURE for %j', async (body, message) => {
    const server = await start();
    const res = await postJson(`${server.url}/hurdlr/v4/auth/account`, body);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ result: 'FAILURE', error: expect.stringContaining(message) });
  });

  it('answers 400 FAILURE for malformed JSON, an empty body and a wrong content type', async () => {
    const server = await start();
    const url = `${server.url}/hurdlr/v4/auth/account`;
    for (const [type, body] of [
      ['application/json', '{"userId":'],
      ['application/json', ''],
      ['text/plain', 'userId=x'],
      ['application/json', '[1,2]'],
    ] as const) {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': type }, body });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ result: 'FAILURE' });
    }
  });
});
