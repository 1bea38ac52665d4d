import { describe, expect, it } from 'vitest';
import { advanceClock } from '../support/server.js';
import { acme, api, legacyRefresh, postToken, refresh, startGusto, strictAccess } from './gusto-sandbox.js';

/** A strict pair for Acme, from the seeded legacy grant. */
async function acmePair(server: Awaited<ReturnType<typeof startGusto>>) {
  const legacy = await refresh(server, legacyRefresh);
  const pairs = await strictAccess(server, legacy.access_token);
  const pair = pairs.find((p) => p.resource_uuid === acme);
  if (!pair) throw new Error('no Acme pair');
  return pair;
}

describe('Gusto refresh token rotation', () => {
  it('returns a new pair each time, with a numeric created_at and 43-character tokens', async () => {
    const server = await startGusto();
    const first = await refresh(server, legacyRefresh);
    const second = await refresh(server, first.refresh_token);
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.access_token).not.toBe(first.access_token);
    for (const value of [
      first.access_token,
      first.refresh_token,
      second.access_token,
      second.refresh_token,
    ]) {
      expect(value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    }
    expect(second).toMatchObject({ token_type: 'Bearer', expires_in: 7200, created_at: 1767225600 });
  });

  it('keeps the old refresh token working until the new access token is first used', async () => {
    const server = await startGusto();
    const { refresh_token: old } = await acmePair(server);
    const next = await refresh(server, old);
    // Not used yet: the old refresh token still works, as often as needed.
    const again = await refresh(server, old);
    expect(again.access_token).not.toBe(next.access_token);

    expect((await api(server, `/v1/companies/${acme}`, next.access_token)).status).toBe(200);
    const late = await postToken(server, { grant_type: 'refresh_token', refresh_token: old });
    expect(late.status).toBe(400);
    expect(await late.json()).toMatchObject({ error: 'invalid_grant' });
    // The new refresh token works.
    expect((await refresh(server, next.refresh_token)).access_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('revokes the previous access token too when the new one is first used (one Doorkeeper row)', async () => {
    const server = await startGusto();
    const pair = await acmePair(server);
    const next = await refresh(server, pair.refresh_token);
    expect((await api(server, `/v1/companies/${acme}`, pair.access_token)).status).toBe(200);
    expect((await api(server, `/v1/companies/${acme}`, next.access_token)).status).toBe(200);
    const old = await api(server, `/v1/companies/${acme}`, pair.access_token);
    expect(old.status).toBe(401);
    expect(old.headers.get('www-authenticate')).toContain('The access token was revoked');
  });

  it('expires access tokens after 7200 seconds but never the refresh tokens', async () => {
    const server = await startGusto();
    const pair = await acmePair(server);
    await advanceClock(server, 7199);
    expect((await api(server, `/v1/companies/${acme}`, pair.access_token)).status).toBe(200);
    await advanceClock(server, 1);
    const expired = await api(server, `/v1/companies/${acme}`, pair.access_token);
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toBe(
      'Bearer realm="Doorkeeper", error="invalid_token", error_description="The access token expired"',
    );
    expect(await expired.json()).toMatchObject({
      errors: [{ error_key: 'base', category: 'invalid_token' }],
    });

    await advanceClock(server, 10 * 365 * 86400);
    const later = await refresh(server, pair.refresh_token);
    expect((await api(server, `/v1/companies/${acme}`, later.access_token)).status).toBe(200);
  });

  it("refuses unknown, missing and other clients' refresh tokens with RFC 6749 errors", async () => {
    const server = await startGusto();
    const unknown = await postToken(server, { grant_type: 'refresh_token', refresh_token: 'x'.repeat(43) });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ error: 'invalid_grant' });
    const missing = await postToken(server, { grant_type: 'refresh_token' });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: 'invalid_request' });
    const stolen = await postToken(server, {
      client_id: 'old-client',
      client_secret: 'old-secret',
      grant_type: 'refresh_token',
      refresh_token: legacyRefresh,
    });
    expect(stolen.status).toBe(400);
    expect(await stolen.json()).toMatchObject({ error: 'invalid_grant' });
  });
});
