import { describe, expect, it } from 'vitest';
import { bearer, postForm, postJson, startTestServer } from '../support/server.js';
import { seededTinkUser, tinkClientToken, tinkToken, tinkUserTokens } from '../support/tink.js';

describe('Tink users', () => {
  it('creates a user and refuses a second user with the same external_user_id with 409', async () => {
    const server = await startTestServer();
    const token = await tinkClientToken(server, 'user:create');
    const url = `${server.url}/tink/api/v1/user/create`;
    const created = await postJson(
      url,
      { external_user_id: 'shopper-42', market: 'GB', locale: 'en_US' },
      bearer(token),
    );
    expect(created.status).toBe(200);
    const body = (await created.json()) as { user_id: string; external_user_id: string };
    expect(body.external_user_id).toBe('shopper-42');
    expect(body.user_id).toMatch(/^[0-9a-f]{32}$/);

    const duplicate = await postJson(
      url,
      { external_user_id: 'shopper-42', market: 'SE', locale: 'sv_SE' },
      bearer(token),
    );
    expect(duplicate.status).toBe(409);
    expect(await duplicate.json()).toEqual({
      errorCode: 'USER_ALREADY_EXISTS',
      errorMessage: expect.any(String),
    });
  });

  it('lets the new user be granted and read', async () => {
    const server = await startTestServer();
    const token = await tinkClientToken(server, 'user:create,authorization:grant');
    const created = await postJson(
      `${server.url}/tink/api/v1/user/create`,
      { market: 'GB', locale: 'en_US' },
      bearer(token),
    );
    const { user_id } = (await created.json()) as { user_id: string };
    const grant = await postForm(
      `${server.url}/tink/api/v1/oauth/authorization-grant`,
      { user_id, scope: 'accounts:read' },
      bearer(token),
    );
    expect(grant.status).toBe(200);
  });

  it.each([
    ['a missing market', { locale: 'en_US' }],
    ['a malformed locale', { market: 'GB', locale: 'english' }],
    ['a non-string external_user_id', { market: 'GB', locale: 'en_US', external_user_id: 42 }],
  ])('refuses %s with 400', async (_name, body) => {
    const server = await startTestServer();
    const token = await tinkClientToken(server, 'user:create');
    const res = await postJson(`${server.url}/tink/api/v1/user/create`, body, bearer(token));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ errorCode: 'INVALID_REQUEST' });
  });

  it('refuses malformed JSON and a form body with 400', async () => {
    const server = await startTestServer();
    const token = await tinkClientToken(server, 'user:create');
    const url = `${server.url}/tink/api/v1/user/create`;
    const broken = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(token) },
      body: '{"market": "GB",',
    });
    expect(broken.status).toBe(400);
    const form = await postForm(url, { market: 'GB', locale: 'en_US' }, bearer(token));
    expect(form.status).toBe(400);
  });

  it('needs user:create', async () => {
    const server = await startTestServer();
    const token = await tinkClientToken(server, 'authorization:grant');
    const res = await postJson(
      `${server.url}/tink/api/v1/user/create`,
      { market: 'GB', locale: 'en_US' },
      bearer(token),
    );
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ errorCode: 'MISSING_SCOPE' });
  });

  it('deletes the user behind a user token and revokes every token and grant of theirs', async () => {
    const server = await startTestServer();
    const reader = await tinkUserTokens(server, 'accounts:read');
    const deleter = await tinkUserTokens(server, 'user:delete');
    const res = await fetch(`${server.url}/tink/api/v1/user/delete`, {
      method: 'POST',
      headers: bearer(deleter.access_token),
    });
    expect(res.status).toBe(204);

    const read = await fetch(`${server.url}/tink/data/v2/accounts`, { headers: bearer(reader.access_token) });
    expect(read.status).toBe(401);
    expect(await read.json()).toMatchObject({ errorCode: 'TOKEN_REVOKED' });
    const refresh = await tinkToken(server, {
      grant_type: 'refresh_token',
      refresh_token: reader.refresh_token,
    });
    expect(refresh.status).toBe(400);
    const clientToken = await tinkClientToken(server, 'authorization:grant');
    const grantFor = async (user: Record<string, string>) => {
      const res = await postForm(
        `${server.url}/tink/api/v1/oauth/authorization-grant`,
        { ...user, scope: 'accounts:read' },
        bearer(clientToken),
      );
      return res.status;
    };
    expect(await grantFor({ user_id: seededTinkUser.userId })).toBe(404);
    expect(await grantFor({ external_user_id: seededTinkUser.externalUserId })).toBe(404);
    // The deleted user's external id is free again.
    const again = await postJson(
      `${server.url}/tink/api/v1/user/create`,
      { external_user_id: seededTinkUser.externalUserId, market: 'GB', locale: 'en_US' },
      bearer(await tinkClientToken(server, 'user:create')),
    );
    expect(again.status).toBe(200);
    expect(await grantFor({ external_user_id: seededTinkUser.externalUserId })).toBe(200);
  });

  it('refuses to delete with a client token or without user:delete', async () => {
    const server = await startTestServer();
    const url = `${server.url}/tink/api/v1/user/delete`;
    const client = await fetch(url, {
      method: 'POST',
      headers: bearer(await tinkClientToken(server, 'user:create')),
    });
    expect(client.status).toBe(403);
    const { access_token } = await tinkUserTokens(server, 'accounts:read');
    const user = await fetch(url, { method: 'POST', headers: bearer(access_token) });
    expect(user.status).toBe(403);
    expect(await user.json()).toMatchObject({ errorCode: 'MISSING_SCOPE' });
  });
});
