import { describe, expect, it } from 'vitest';
import { advanceClock, bearer, postForm, startTestServer } from '../support/server.js';
import {
  seededTinkUser,
  tinkClientToken,
  tinkGrantCode,
  tinkToken,
  tinkUserTokens,
} from '../support/tink.js';

describe('Tink authorization grant and code exchange', () => {
  it('exchanges a code for a 7200 s user token with a refresh token, which reads the user’s accounts', async () => {
    const server = await startTestServer();
    const tokens = await tinkUserTokens(server, 'accounts:read,transactions:read');
    expect(tokens).toEqual({
      token_type: 'bearer',
      expires_in: 7200,
      access_token: expect.any(String),
      refresh_token: expect.any(String),
      scope: 'accounts:read,transactions:read',
    });
    const accounts = await fetch(`${server.url}/tink/data/v2/accounts`, {
      headers: bearer(tokens.access_token),
    });
    expect(accounts.status).toBe(200);
    const body = (await accounts.json()) as { accounts: unknown[]; nextPageToken: string };
    expect(body.accounts).toHaveLength(2);
    expect(body.nextPageToken).toBe('');
  });

  it('accepts external_user_id instead of user_id', async () => {
    const server = await startTestServer();
    const code = await tinkGrantCode(server, 'accounts:read', {
      external_user_id: seededTinkUser.externalUserId,
    });
    const res = await tinkToken(server, { grant_type: 'authorization_code', code });
    expect(res.status).toBe(200);
  });

  it('refuses a reused code and revokes the tokens the first exchange issued (RFC 6749 §4.1.2)', async () => {
    const server = await startTestServer();
    const code = await tinkGrantCode(server, 'accounts:read');
    const first = await tinkToken(server, { grant_type: 'authorization_code', code });
    const { access_token } = (await first.json()) as { access_token: string };
    const second = await tinkToken(server, { grant_type: 'authorization_code', code });
    expect(second.status).toBe(400);
    expect(await second.json()).toMatchObject({ errorCode: 'INVALID_GRANT' });
    const after = await fetch(`${server.url}/tink/data/v2/accounts`, { headers: bearer(access_token) });
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ errorCode: 'TOKEN_REVOKED' });
  });

  it('lets a code expire after 10 minutes on the sandbox clock', async () => {
    const server = await startTestServer();
    const code = await tinkGrantCode(server, 'accounts:read');
    await advanceClock(server, 601);
    const res = await tinkToken(server, { grant_type: 'authorization_code', code });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      errorCode: 'INVALID_GRANT',
      errorMessage: expect.stringContaining('expired'),
    });
  });

  it('expires the user token after 7200 s on the sandbox clock', async () => {
    const server = await startTestServer();
    const { access_token } = await tinkUserTokens(server, 'accounts:read');
    await advanceClock(server, 7199);
    expect(
      (await fetch(`${server.url}/tink/data/v2/accounts`, { headers: bearer(access_token) })).status,
    ).toBe(200);
    await advanceClock(server, 1);
    const expired = await fetch(`${server.url}/tink/data/v2/accounts`, { headers: bearer(access_token) });
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ errorCode: 'TOKEN_EXPIRED' });
  });

  it('refuses a code issued to another client and an unknown code', async () => {
    const server = await startTestServer();
    const res = await tinkToken(server, { grant_type: 'authorization_code', code: 'no-such-code' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ errorCode: 'INVALID_GRANT' });
  });

  it('answers an unknown user with 404 USER_NOT_FOUND and scopes beyond the client with 400', async () => {
    const server = await startTestServer();
    const clientToken = await tinkClientToken(server, 'authorization:grant');
    const url = `${server.url}/tink/api/v1/oauth/authorization-grant`;
    const unknown = await postForm(url, { user_id: 'nobody', scope: 'accounts:read' }, bearer(clientToken));
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ errorCode: 'USER_NOT_FOUND' });
    const beyond = await postForm(
      url,
      { user_id: seededTinkUser.userId, scope: 'payments:write' },
      bearer(clientToken),
    );
    expect(beyond.status).toBe(400);
    expect(await beyond.json()).toMatchObject({ errorCode: 'INVALID_SCOPE' });
    const both = await postForm(
      url,
      {
        user_id: seededTinkUser.userId,
        external_user_id: seededTinkUser.externalUserId,
        scope: 'accounts:read',
      },
      bearer(clientToken),
    );
    expect(both.status).toBe(400);
  });

  it('needs a client token with authorization:grant', async () => {
    const server = await startTestServer();
    const url = `${server.url}/tink/api/v1/oauth/authorization-grant`;
    const fields = { user_id: seededTinkUser.userId, scope: 'accounts:read' };
    const none = await postForm(url, fields);
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ errorCode: 'TOKEN_INVALID' });
    const wrongScope = await postForm(url, fields, bearer(await tinkClientToken(server, 'user:create')));
    expect(wrongScope.status).toBe(403);
    expect(await wrongScope.json()).toMatchObject({ errorCode: 'MISSING_SCOPE' });
    const malformed = await postForm(url, fields, { authorization: 'Token abc' });
    expect(malformed.status).toBe(401);
  });
});
