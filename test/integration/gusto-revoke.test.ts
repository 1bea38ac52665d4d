import { describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/index.js';
import {
  acme,
  api,
  legacyRefresh,
  postToken,
  refresh,
  startGusto,
  strictAccess,
  systemToken,
} from './gusto-sandbox.js';

function revoke(server: RunningServer, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/gusto/oauth/revoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

const creds = { client_id: 'gusto-client', client_secret: 'gusto-secret' };

async function acmePair(server: RunningServer) {
  const legacy = await refresh(server, legacyRefresh);
  const pair = (await strictAccess(server, legacy.access_token)).find((p) => p.resource_uuid === acme);
  if (!pair) throw new Error('no Acme pair');
  return pair;
}

describe('Gusto token revocation (RFC 7009)', () => {
  it('revokes an access token and the refresh token issued with it', async () => {
    const server = await startGusto();
    const pair = await acmePair(server);
    const res = await revoke(server, { ...creds, token: pair.access_token });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({});
    const after = await api(server, `/v1/companies/${acme}`, pair.access_token);
    expect(after.status).toBe(401);
    expect(after.headers.get('www-authenticate')).toContain('revoked');
    expect(
      (await postToken(server, { grant_type: 'refresh_token', refresh_token: pair.refresh_token })).status,
    ).toBe(400);
  });

  it('revokes a refresh token and its access token, with the client in HTTP Basic', async () => {
    const server = await startGusto();
    const pair = await acmePair(server);
    const basic = `Basic ${Buffer.from('gusto-client:gusto-secret').toString('base64')}`;
    expect((await revoke(server, { token: pair.refresh_token }, { authorization: basic })).status).toBe(200);
    expect(
      (await postToken(server, { grant_type: 'refresh_token', refresh_token: pair.refresh_token })).status,
    ).toBe(400);
    expect((await api(server, `/v1/companies/${acme}`, pair.access_token)).status).toBe(401);
  });

  it('revokes a system token', async () => {
    const server = await startGusto();
    const token = await systemToken(server);
    expect((await revoke(server, { ...creds, token })).status).toBe(200);
    expect((await api(server, '/v1/token_info', token)).status).toBe(401);
  });

  it('answers 200 for an unknown token', async () => {
    const server = await startGusto();
    expect((await revoke(server, { ...creds, token: 'z'.repeat(43) })).status).toBe(200);
  });

  it("refuses to revoke another client's token, and a wrong client", async () => {
    const server = await startGusto();
    const pair = await acmePair(server);
    const other = await revoke(server, {
      client_id: 'old-client',
      client_secret: 'old-secret',
      token: pair.access_token,
    });
    expect(other.status).toBe(403);
    expect(await other.json()).toMatchObject({ error: 'unauthorized_client' });
    const wrong = await revoke(server, {
      client_id: 'gusto-client',
      client_secret: 'nope',
      token: pair.access_token,
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: 'invalid_client' });
    const missing = await revoke(server, { ...creds });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: 'invalid_request' });
    expect((await api(server, `/v1/companies/${acme}`, pair.access_token)).status).toBe(200);
  });
});
