import { describe, expect, it } from 'vitest';
import { bearer, startTestServer } from '../support/server.js';
import { type TinkTokenBody, tinkToken, tinkUserTokens } from '../support/tink.js';

describe('Tink refresh token rotation', () => {
  it('returns a new pair, and the old refresh token stops working at once', async () => {
    const server = await startTestServer();
    const first = await tinkUserTokens(server, 'accounts:read');
    const res = await tinkToken(server, { grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect(res.status).toBe(200);
    const second = (await res.json()) as Required<TinkTokenBody>;
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.access_token).not.toBe(first.access_token);
    expect(second).toMatchObject({ token_type: 'bearer', expires_in: 7200, scope: 'accounts:read' });
    expect(
      (await fetch(`${server.url}/tink/data/v2/accounts`, { headers: bearer(second.access_token) })).status,
    ).toBe(200);

    const replay = await tinkToken(server, {
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token,
    });
    expect(replay.status).toBe(400);
    expect(await replay.json()).toMatchObject({ errorCode: 'INVALID_GRANT' });
  });

  it('revokes the whole grant when a rotated refresh token is replayed (RFC 6819 §5.2.2.3)', async () => {
    const server = await startTestServer();
    const first = await tinkUserTokens(server, 'accounts:read');
    const rotated = (await (
      await tinkToken(server, { grant_type: 'refresh_token', refresh_token: first.refresh_token })
    ).json()) as Required<TinkTokenBody>;
    await tinkToken(server, { grant_type: 'refresh_token', refresh_token: first.refresh_token });
    const after = await fetch(`${server.url}/tink/data/v2/accounts`, {
      headers: bearer(rotated.access_token),
    });
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ errorCode: 'TOKEN_REVOKED' });
    const next = await tinkToken(server, {
      grant_type: 'refresh_token',
      refresh_token: rotated.refresh_token,
    });
    expect(next.status).toBe(400);
  });

  it('lets exactly one of many concurrent refreshes of one token win', async () => {
    const server = await startTestServer();
    const { refresh_token } = await tinkUserTokens(server, 'accounts:read');
    const results = await Promise.all(
      Array.from({ length: 20 }, () => tinkToken(server, { grant_type: 'refresh_token', refresh_token })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 400)).toHaveLength(19);
  });

  it('refuses an unknown refresh token and a missing one', async () => {
    const server = await startTestServer();
    const unknown = await tinkToken(server, { grant_type: 'refresh_token', refresh_token: 'nope' });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ errorCode: 'INVALID_GRANT' });
    const missing = await tinkToken(server, { grant_type: 'refresh_token' });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ errorCode: 'INVALID_REQUEST' });
  });
});
