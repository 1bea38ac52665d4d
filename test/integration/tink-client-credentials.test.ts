import { decodeJwt, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { postForm, postJson, startTestServer } from '../support/server.js';
import { type TinkTokenBody, tinkToken } from '../support/tink.js';

describe('Tink client_credentials', () => {
  it('issues an 1800 s ES256 JWT from tink://auth with the requested scopes', async () => {
    const server = await startTestServer();
    const res = await tinkToken(server, {
      grant_type: 'client_credentials',
      scope: 'user:create,authorization:grant',
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as TinkTokenBody;
    expect(body).toEqual({
      access_token: expect.any(String),
      token_type: 'bearer',
      expires_in: 1800,
      scope: 'user:create,authorization:grant',
    });
    expect(decodeProtectedHeader(body.access_token).alg).toBe('ES256');
    const claims = decodeJwt(body.access_token);
    expect(claims.iss).toBe('tink://auth');
    expect(claims.scopes).toEqual(['user:create', 'authorization:grant']);
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(1800);
    expect(claims.iat).toBe(Date.parse('2026-01-01T00:00:00Z') / 1000);
  });

  it('refuses scopes the client was not given', async () => {
    const server = await startTestServer();
    const res = await tinkToken(server, {
      grant_type: 'client_credentials',
      scope: 'user:create,payments:write',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      errorCode: 'INVALID_SCOPE',
      errorMessage: expect.stringContaining('payments:write'),
    });
  });

  it.each(['', ',,,', ' , '])('requires at least one scope (scope=%j names none)', async (scope) => {
    const server = await startTestServer();
    const res = await tinkToken(server, { grant_type: 'client_credentials', scope });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ errorCode: 'INVALID_REQUEST', errorMessage: 'scope is required.' });
  });

  it('answers a wrong client secret with 401 INVALID_CLIENT', async () => {
    const server = await startTestServer();
    const res = await postForm(`${server.url}/tink/api/v1/oauth/token`, {
      client_id: 'tink-client',
      client_secret: 'not-the-secret',
      grant_type: 'client_credentials',
      scope: 'user:create',
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ errorCode: 'INVALID_CLIENT' });
  });

  it.each([
    ['no grant_type', { scope: 'user:create' }, 'INVALID_REQUEST'],
    ['an unknown grant_type', { grant_type: 'password', scope: 'user:create' }, 'UNSUPPORTED_GRANT_TYPE'],
    ['no scope', { grant_type: 'client_credentials' }, 'INVALID_REQUEST'],
  ])('answers %s with 400', async (_name, fields, errorCode) => {
    const server = await startTestServer();
    const res = await tinkToken(server, fields);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ errorCode, errorMessage: expect.any(String) });
  });

  it('requires client credentials in the body', async () => {
    const server = await startTestServer();
    const res = await postForm(`${server.url}/tink/api/v1/oauth/token`, {
      grant_type: 'client_credentials',
      scope: 'user:create',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ errorCode: 'INVALID_REQUEST' });
  });

  it('refuses a JSON body, a repeated parameter and a wrong method in Tink’s error shape', async () => {
    const server = await startTestServer();
    const url = `${server.url}/tink/api/v1/oauth/token`;
    const asJson = await postJson(url, { grant_type: 'client_credentials' });
    expect(asJson.status).toBe(400);
    expect(await asJson.json()).toMatchObject({ errorCode: 'INVALID_REQUEST' });

    const repeated = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&scope=user:create&scope=user:read&client_id=tink-client&client_secret=tink-secret',
    });
    expect(repeated.status).toBe(400);
    expect(await repeated.json()).toMatchObject({ errorMessage: expect.stringContaining('scope') });

    const get = await fetch(url);
    expect(get.status).toBe(405);
    expect(await get.json()).toMatchObject({ errorCode: 'METHOD_NOT_ALLOWED' });
  });

  it('answers a body over 1 MiB with 413 in Tink’s shape', async () => {
    const server = await startTestServer();
    const res = await fetch(`${server.url}/tink/api/v1/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `scope=${'a'.repeat(1024 * 1024 + 10)}`,
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ errorCode: 'PAYLOAD_TOO_LARGE' });
  });

  it('answers an unknown path with 404 in Tink’s shape', async () => {
    const server = await startTestServer();
    const res = await fetch(`${server.url}/tink/api/v9/nothing-here`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ errorCode: 'NOT_FOUND' });
  });
});
