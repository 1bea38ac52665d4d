import { describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/index.js';
import { advanceClock, bearer, postForm } from '../support/server.js';
import { useContractSandbox } from '../unit/providers/tight/harness.js';

const start = useContractSandbox('hurdlr');
// The refresh token the default scenario seeds for hurdlr-user-1.
const seededRefreshToken =
  '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0.00112233445566778899aabbccddeeff';
const credentials = { client_id: 'hurdlr-client', client_secret: 'hurdlr-secret' };
const tokenShape = /^[0-9a-f]{64}\.[0-9a-f]{32}$/;
type Server = RunningServer;

function token(server: Server, fields: Record<string, string>): Promise<Response> {
  return postForm(`${server.url}/hurdlr/v4/auth/token`, { ...credentials, ...fields });
}

describe('Hurdlr v4 token endpoint', () => {
  it('refreshes the seeded refresh token into exactly Hurdlr’s response, with no token_type', async () => {
    const server = await start();
    const res = await token(server, { grant_type: 'refresh_token', refresh_token: seededRefreshToken });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual([
      'access_token',
      'created_at',
      'expires_in',
      'refresh_token',
      'scope',
    ]);
    expect(body).toEqual({
      access_token: expect.stringMatching(tokenShape),
      refresh_token: expect.stringMatching(tokenShape),
      expires_in: 7776000,
      created_at: Date.parse('2026-01-01T00:00:00Z') / 1000,
      scope: 'token',
    });
  });

  it('rotates: the old refresh token stops working at once and the new one works', async () => {
    const server = await start();
    const first = (await (
      await token(server, { grant_type: 'refresh_token', refresh_token: seededRefreshToken })
    ).json()) as {
      refresh_token: string;
    };
    const old = await token(server, { grant_type: 'refresh_token', refresh_token: seededRefreshToken });
    expect(old.status).toBe(400);
    expect(await old.json()).toEqual({
      error: 'invalid_grant',
      error_description: expect.stringContaining('already used'),
    });
    // Replay detection revoked the grant, so the successor is dead too (RFC 6819 §5.2.2.3).
    const successor = await token(server, {
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token,
    });
    expect(successor.status).toBe(400);
  });

  it('keeps the rotated refresh token working when the old one is not replayed', async () => {
    const server = await start();
    const first = (await (
      await token(server, { grant_type: 'refresh_token', refresh_token: seededRefreshToken })
    ).json()) as {
      refresh_token: string;
    };
    const second = await token(server, { grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect(second.status).toBe(200);
  });

  it('issues client_credentials tokens for a known userId and refuses the grant without one', async () => {
    const server = await start();
    const ok = await token(server, { grant_type: 'client_credentials', userId: 'hurdlr-user-1' });
    expect(ok.status).toBe(200);
    const { access_token } = (await ok.json()) as { access_token: string };
    const info = await fetch(`${server.url}/hurdlr/v4/auth/userInfo`, { headers: bearer(access_token) });
    expect(info.status).toBe(200);
    expect(await info.json()).toMatchObject({ userId: 'hurdlr-user-1', email: 'owner@hurdlr.example' });
    const missing = await token(server, { grant_type: 'client_credentials' });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({
      error: 'invalid_request',
      error_description: expect.stringContaining('userId'),
    });
  });

  it('ignores the Authorization header the reference page shows on the token endpoint', async () => {
    const server = await start();
    const res = await postForm(
      `${server.url}/hurdlr/v4/auth/token`,
      { ...credentials, grant_type: 'client_credentials', userId: 'hurdlr-user-1' },
      bearer('whatever'),
    );
    expect(res.status).toBe(200);
  });

  it.each([
    [{ client_secret: 'wrong' }, 401, 'invalid_client'],
    [{ client_id: '' }, 401, 'invalid_client'],
    [{ grant_type: 'password' }, 400, 'unsupported_grant_type'],
    [{ grant_type: '' }, 400, 'invalid_request'],
    [{ grant_type: 'refresh_token', refresh_token: 'nope' }, 400, 'invalid_grant'],
    [{ grant_type: 'client_credentials', userId: 'nobody' }, 400, 'invalid_grant'],
    [{ grant_type: 'authorization_code' }, 400, 'invalid_request'],
  ])('answers %o with %i %s in RFC 6749 shape', async (fields, status, error) => {
    const server = await start();
    const res = await token(server, {
      grant_type: 'refresh_token',
      refresh_token: seededRefreshToken,
      ...fields,
    });
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual({ error, error_description: expect.any(String) });
  });

  it('refuses a JSON body and duplicated parameters with invalid_request', async () => {
    const server = await start();
    const json = await fetch(`${server.url}/hurdlr/v4/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(credentials),
    });
    expect(json.status).toBe(400);
    expect(await json.json()).toMatchObject({ error: 'invalid_request' });
    const duplicated = await fetch(`${server.url}/hurdlr/v4/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'client_id=a&client_id=b',
    });
    expect(duplicated.status).toBe(400);
  });

  it('expires the access token after 90 days on the sandbox clock', async () => {
    const server = await start();
    const res = await token(server, { grant_type: 'client_credentials', userId: 'hurdlr-user-1' });
    const { access_token } = (await res.json()) as { access_token: string };
    const info = () => fetch(`${server.url}/hurdlr/v4/auth/userInfo`, { headers: bearer(access_token) });
    await advanceClock(server, 7_776_000 - 1);
    expect((await info()).status).toBe(200);
    await advanceClock(server, 1);
    const expired = await info();
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect(await expired.json()).toEqual({
      error: 'invalid_token',
      error_description: expect.stringContaining('expired'),
    });
  });

  it('answers a resource call without a token with 401 invalid_token', async () => {
    const server = await start();
    const res = await fetch(`${server.url}/hurdlr/v4/auth/userInfo`);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="hurdlr"');
    expect(await res.json()).toMatchObject({ error: 'invalid_token' });
  });
});
