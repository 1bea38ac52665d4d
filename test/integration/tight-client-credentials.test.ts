import { decodeJwt, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/index.js';
import { advanceClock, basic, bearer, postForm, postJson } from '../support/server.js';
import { useContractSandbox } from '../unit/providers/tight/harness.js';

const start = useContractSandbox('tight');

const client = basic('tight-client', 'tight-secret');
type Server = RunningServer;

async function tightToken(server: Server, fields: Record<string, string> = {}): Promise<string> {
  const res = await postForm(`${server.url}/tight/v6/auth/token`, fields, { authorization: client });
  if (res.status !== 200) throw new Error(`token failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

describe('Tight client_credentials tokens', () => {
  it('issues a partner-level 3600 s RS256 JWT for a bare POST with only Basic credentials, as the guide shows', async () => {
    const server = await start();
    const res = await fetch(`${server.url}/tight/v6/auth/token`, {
      method: 'POST',
      headers: { authorization: client },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 3600 });
    const token = String(body.access_token);
    expect(decodeProtectedHeader(token).alg).toBe('RS256');
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({ iss: 'https://sandbox.tight.com', sub: 'tight-client', scope: 'write' });
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(3600);
    expect(claims.iat).toBe(Date.parse('2026-01-01T00:00:00Z') / 1000);
  });

  it('defaults grant_type to client_credentials and scopes the token to a user when userId is sent', async () => {
    const server = await start();
    const token = await tightToken(server, { userId: 'user_owner_acme', scope: 'read' });
    expect(decodeJwt(token)).toMatchObject({
      sub: 'user_owner_acme',
      userId: 'user_owner_acme',
      scope: 'read',
    });
  });

  it('refuses a wrong secret with 401 in the Tight envelope', async () => {
    const server = await start();
    const res = await postForm(
      `${server.url}/tight/v6/auth/token`,
      {},
      { authorization: basic('tight-client', 'nope') },
    );
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Basic realm="tight"');
    expect(await res.json()).toEqual({
      result: 'FAILURE',
      data: null,
      error: [{ type: 'INVALID_VALUE', message: expect.stringContaining('client'), param: 'client_id' }],
    });
  });

  it('refuses client credentials sent in the body instead of HTTP Basic', async () => {
    const server = await start();
    const res = await postForm(`${server.url}/tight/v6/auth/token`, {
      client_id: 'tight-client',
      client_secret: 'tight-secret',
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({
      result: 'FAILURE',
      error: [{ type: 'REQUIRED', param: 'client_id' }],
    });
  });

  it.each([
    [{ scope: 'admin' }, 'scope'],
    [{ grant_type: 'password' }, 'grant_type'],
    [{ userId: 'nobody' }, 'userId'],
  ])('answers 400 INVALID_VALUE naming the parameter for %o', async (fields, param) => {
    const server = await start();
    const res = await postForm(`${server.url}/tight/v6/auth/token`, fields, { authorization: client });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      result: 'FAILURE',
      data: null,
      error: [{ type: 'INVALID_VALUE', param }],
    });
  });

  it('rejects a JSON body and a duplicated parameter with 400 INVALID_FORMAT', async () => {
    const server = await start();
    const json = await postJson(
      `${server.url}/tight/v6/auth/token`,
      { userId: 'user_owner_acme' },
      { authorization: client },
    );
    expect(json.status).toBe(400);
    expect(await json.json()).toMatchObject({ error: [{ type: 'INVALID_FORMAT' }] });
    const duplicated = await fetch(`${server.url}/tight/v6/auth/token`, {
      method: 'POST',
      headers: { authorization: client, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'scope=read&scope=write',
    });
    expect(duplicated.status).toBe(400);
    expect(await duplicated.json()).toMatchObject({ error: [{ type: 'INVALID_FORMAT', param: 'scope' }] });
  });

  it('expires the access token after exactly 3600 s on the sandbox clock (401 EXPIRED_TOKEN)', async () => {
    const server = await start();
    const token = await tightToken(server);
    const query = () => postJson(`${server.url}/tight/v6/company/query`, {}, bearer(token));
    await advanceClock(server, 3599);
    expect((await query()).status).toBe(200);
    await advanceClock(server, 1);
    const expired = await query();
    expect(expired.status).toBe(401);
    expect(await expired.json()).toEqual({
      result: 'FAILURE',
      data: null,
      error: [{ type: 'EXPIRED_TOKEN', message: expect.stringContaining('expired') }],
    });
  });

  it('honours a lifetimes.tight.accessToken override from the scenario', async () => {
    const server = await start({ lifetimes: { accessToken: 60 } });
    const res = await postForm(`${server.url}/tight/v6/auth/token`, {}, { authorization: client });
    expect(await res.json()).toMatchObject({ expires_in: 60 });
  });

  it.each([
    [undefined, 'INVALID_TOKEN'],
    ['Basic abc', 'INVALID_TOKEN'],
    ['Bearer not-a-token', 'INVALID_TOKEN'],
  ])('answers a resource call with Authorization %s with 401 %s', async (authorization, type) => {
    const server = await start();
    const headers: Record<string, string> = authorization === undefined ? {} : { authorization };
    const res = await postJson(`${server.url}/tight/v6/banks/transactions/query`, {}, headers);
    expect(res.status).toBe(401);
    // Tight's documented text, whatever is wrong with the token.
    expect(await res.json()).toEqual({
      result: 'FAILURE',
      data: null,
      error: [{ type, message: 'The access_token provided is invalid.' }],
    });
  });
});
