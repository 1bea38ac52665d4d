import { describe, expect, it } from 'vitest';
import {
  accessToken,
  activeUser,
  call,
  orgClient,
  pick,
  singleUserClient,
  startUphold,
  unknownUser,
} from '../unit/providers/uphold/harness.js';

const start = startUphold;
const missingUserContext = {
  code: 'operation_not_allowed',
  message: 'Request not allowed due to missing user context',
  details: { reasons: ['missing-user-context'] },
};

describe('Uphold subjects: organization-wide clients', () => {
  it('act on behalf of the user named in X-On-Behalf-Of', async () => {
    const server = await start();
    const token = await accessToken(server);
    const res = await call(server, 'GET', '/core/users/me', { token, onBehalfOf: `user ${activeUser}` });
    expect(res.status).toBe(200);
    expect(pick(await res.json(), 'user')).toMatchObject({
      id: activeUser,
      email: 'active@uphold.example',
      status: 'active',
    });
  });

  it('act as the client without the header, so a user endpoint answers 409 missing user context', async () => {
    const server = await start();
    const token = await accessToken(server);
    for (const [method, path, body] of [
      ['GET', '/core/users/me', undefined],
      ['GET', '/core/accounts', undefined],
      ['POST', '/core/accounts', { asset: 'BTC', label: 'b' }],
    ] as const) {
      const res = await call(server, method, path, { token, body });
      expect(res.status, `${method} ${path}`).toBe(409);
      expect(await res.json()).toEqual(missingUserContext);
    }
  });

  it('act as the client with `X-On-Behalf-Of: client {uuid}`', async () => {
    const server = await start();
    const token = await accessToken(server);
    const res = await call(server, 'GET', '/core/users/me', {
      token,
      onBehalfOf: 'client 3fa85f64-5717-4562-b3fc-2c963f66afa6',
    });
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual(missingUserContext);
  });

  it('need core.users:act-on-behalf-of to name a user (403 listing it with the operation’s scopes)', async () => {
    const server = await start();
    const token = await accessToken(server, orgClient, 'core.users:read');
    const res = await call(server, 'GET', '/core/users/me', { token, onBehalfOf: `user ${activeUser}` });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      code: 'token_insufficient_scopes',
      message: 'Authorization failed due to insufficient scopes',
      details: {
        security: [
          {
            scheme: 'OAuth',
            schemeScopes: ['core.users:read', 'core.users:act-on-behalf-of'],
            tokenScopes: ['core.users:read'],
          },
        ],
      },
    });
  });

  it('get 404 entity_not_found for a user that does not exist', async () => {
    const server = await start();
    const token = await accessToken(server);
    const res = await call(server, 'GET', '/core/users/me', { token, onBehalfOf: `user ${unknownUser}` });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ code: 'entity_not_found', message: 'The user cannot be found' });
  });

  it('may not create users on behalf of a user (client-only operation)', async () => {
    const server = await start();
    const token = await accessToken(server);
    const res = await call(server, 'POST', '/core/users', {
      token,
      onBehalfOf: `user ${activeUser}`,
      body: { email: 'new@example.com' },
    });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({
      code: 'operation_not_allowed',
      details: { reasons: ['user-subject-not-allowed'] },
    });
  });
});

describe('Uphold subjects: malformed X-On-Behalf-Of', () => {
  it.each([
    ['an empty value', ''],
    ['a bare uuid', activeUser],
    ['an unknown kind', `admin ${activeUser}`],
    ['an upper-case kind', `USER ${activeUser}`],
    ['an upper-case uuid', `user ${activeUser.toUpperCase()}`],
    ['two spaces', `user  ${activeUser}`],
    ['a trailing word', `user ${activeUser} extra`],
    ['a uuid of version 0', 'user 0b7c1a52-7f0e-0d52-9a3e-3c1f2f6d9a11'],
    ['a truncated uuid', 'user 0b7c1a52-7f0e-4d52-9a3e'],
    ['a non-uuid id', 'user me'],
  ])('rejects %s with 400 request_invalid naming the header', async (_name, value) => {
    const server = await start();
    const token = await accessToken(server);
    const res = await call(server, 'GET', '/core/users/me', { token, headers: { 'x-on-behalf-of': value } });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      code: 'request_invalid',
      message: 'The request has missing or invalid parameters',
      details: {
        context: 'headers',
        violations: [
          { property: 'x-on-behalf-of', rule: 'pattern', ruleParams: { pattern: expect.any(String) } },
        ],
      },
    });
  });

  it('rejects a malformed header even on a write, before looking at the user', async () => {
    const server = await start();
    const token = await accessToken(server);
    const res = await call(server, 'POST', '/core/accounts', {
      token,
      onBehalfOf: 'user nobody',
      body: { asset: 'BTC', label: 'b' },
    });
    expect(res.status).toBe(400);
    expect(pick(await res.json(), 'code')).toBe('request_invalid');
  });
});

describe('Uphold subjects: single-user clients', () => {
  it('act as their user without any header', async () => {
    const server = await start();
    const token = await accessToken(server, singleUserClient);
    const res = await call(server, 'GET', '/core/users/me', { token });
    expect(res.status).toBe(200);
    expect(pick(await res.json(), 'user', 'id')).toBe(activeUser);
  });

  it('accept their own user in X-On-Behalf-Of without core.users:act-on-behalf-of', async () => {
    const server = await start();
    const token = await accessToken(server, singleUserClient);
    const res = await call(server, 'GET', '/core/accounts', { token, onBehalfOf: `user ${activeUser}` });
    expect(res.status).toBe(200);
    expect(pick(await res.json(), 'accounts')).toHaveLength(2);
  });

  it.each([
    ['another user', `user ${unknownUser}`],
    ['the client subject', 'client 3fa85f64-5717-4562-b3fc-2c963f66afa6'],
  ])('refuse to act for %s with 403', async (_name, onBehalfOf) => {
    const server = await start();
    const token = await accessToken(server, singleUserClient);
    const res = await call(server, 'GET', '/core/users/me', { token, onBehalfOf });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({
      code: 'operation_not_allowed',
      details: { reasons: ['client-bound-to-user'] },
    });
  });

  it('open accounts for their user', async () => {
    const server = await start();
    const token = await accessToken(server, singleUserClient);
    const res = await call(server, 'POST', '/core/accounts', {
      token,
      body: { asset: 'ETH', label: 'Ether' },
    });
    expect(res.status).toBe(201);
    expect(pick(await res.json(), 'account')).toMatchObject({ ownerId: activeUser, asset: 'ETH' });
  });
});
