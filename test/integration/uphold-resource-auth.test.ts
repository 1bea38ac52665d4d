import { describe, expect, it } from 'vitest';
import { advanceClock, postJson } from '../support/server.js';
import {
  accessToken,
  activeUser,
  call,
  limitedClient,
  orgClient,
  pick,
  startUphold,
  uuidPattern,
} from '../unit/providers/uphold/harness.js';

const start = startUphold;
const onBehalf = `user ${activeUser}`;

describe('Uphold resource calls: the bearer token', () => {
  it('answers a call without Authorization with 401 token_invalid and a hint', async () => {
    const server = await start();
    const res = await call(server, 'GET', '/core/users/me', { onBehalfOf: onBehalf });
    expect(res.status).toBe(401);
    expect(res.headers.get('x-uphold-request-id')).toMatch(uuidPattern);
    expect(await res.json()).toEqual({
      code: 'token_invalid',
      message: 'The access token is invalid',
      details: { hint: expect.stringContaining('Authorization: Bearer') },
    });
  });

  it.each([
    ['a Basic header', 'Basic dXBob2xkOnNlY3JldA=='],
    ['Bearer without a token', 'Bearer '],
    ['a token with spaces', 'Bearer a b c'],
  ])('answers %s with 401 token_invalid', async (_name, authorization) => {
    const server = await start();
    const res = await call(server, 'GET', '/core/users/me', {
      headers: { authorization },
      onBehalfOf: onBehalf,
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 'token_invalid', message: 'The access token is invalid' });
  });

  it('answers an unknown token with the exact token_invalid body', async () => {
    const server = await start();
    const res = await call(server, 'GET', '/core/users/me', {
      token: 'eyJhbGciOiJIUzI1NiJ9.e30.x',
      onBehalfOf: onBehalf,
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ code: 'token_invalid', message: 'The access token is invalid' });
  });

  it('accepts a token until its 600th second and answers token_expired from then on', async () => {
    const server = await start();
    const token = await accessToken(server);
    await advanceClock(server, 599);
    expect((await call(server, 'GET', '/core/users/me', { token, onBehalfOf: onBehalf })).status).toBe(200);
    await advanceClock(server, 1);
    const res = await call(server, 'GET', '/core/users/me', { token, onBehalfOf: onBehalf });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ code: 'token_expired', message: 'The access token has expired' });
  });

  it('answers token_expired after the control plane expires a token', async () => {
    const server = await start();
    const token = await accessToken(server);
    expect((await postJson(`${server.url}/__sandbox/tokens/expire`, { token })).status).toBe(200);
    const res = await call(server, 'GET', '/core/accounts', { token, onBehalfOf: onBehalf });
    expect(await res.json()).toEqual({ code: 'token_expired', message: 'The access token has expired' });
  });

  it('answers token_revoked after the control plane revokes a token', async () => {
    const server = await start();
    const token = await accessToken(server);
    expect((await postJson(`${server.url}/__sandbox/tokens/revoke`, { token })).status).toBe(200);
    const res = await call(server, 'GET', '/core/accounts', { token, onBehalfOf: onBehalf });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ code: 'token_revoked', message: 'The access token has been revoked' });
  });

  it('does not accept another provider’s tokens', async () => {
    const server = await start();
    const token = await accessToken(server);
    const res = await fetch(`${server.url}/tink/data/v2/accounts`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(401);
  });
});

describe('Uphold resource calls: scopes', () => {
  it('answers 403 token_insufficient_scopes listing the required and the token’s scopes', async () => {
    const server = await start();
    const token = await accessToken(server, orgClient, 'core.users:read core.users:act-on-behalf-of');
    const res = await call(server, 'GET', '/core/accounts', { token, onBehalfOf: onBehalf });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      code: 'token_insufficient_scopes',
      message: 'Authorization failed due to insufficient scopes',
      details: {
        security: [
          {
            scheme: 'OAuth',
            schemeScopes: ['core.accounts:read'],
            tokenScopes: ['core.users:read', 'core.users:act-on-behalf-of'],
          },
        ],
      },
    });
  });

  it.each([
    ['POST', '/core/users', 'core.users:create', { email: 'x@example.com' }],
    ['GET', '/core/users/me', 'core.users:read', undefined],
    ['GET', '/core/accounts', 'core.accounts:read', undefined],
    ['POST', '/core/accounts', 'core.accounts:create', { asset: 'BTC', label: 'b' }],
  ])('%s %s needs %s', async (method, path, scope, body) => {
    const server = await start();
    const token = await accessToken(server, orgClient, 'core.users:act-on-behalf-of');
    const res = await call(server, method, path, { token, body, onBehalfOf: onBehalf });
    expect(res.status).toBe(403);
    expect(pick(await res.json(), 'details', 'security', 0, 'schemeScopes')).toEqual([scope]);
  });

  it('checks scopes before the subject, so a limited client learns what it lacks', async () => {
    const server = await start();
    const token = await accessToken(server, limitedClient);
    const res = await call(server, 'GET', '/core/accounts', { token });
    expect(res.status).toBe(403);
    expect(pick(await res.json(), 'code')).toBe('token_insufficient_scopes');
  });

  it('lets a wildcard scope cover the actions of its resource', async () => {
    const server = await start({
      clients: [{ clientId: 'wild', clientSecret: 'w', scopes: ['core.users:*', 'core.accounts:*'] }],
      users: [{ id: activeUser, status: 'active' }],
    });
    const token = await accessToken(server, { id: 'wild', secret: 'w' }, 'core.users:* core.accounts:read');
    const res = await call(server, 'GET', '/core/accounts', { token, onBehalfOf: onBehalf });
    expect(res.status).toBe(200);
  });
});
