import { describe, expect, it } from 'vitest';
import { postJson } from '../support/server.js';
import {
  accessToken,
  activeUser,
  call,
  pick,
  startUphold,
  uuidPattern,
} from '../unit/providers/uphold/harness.js';

const start = startUphold;
const asActive = `user ${activeUser}`;

function listed(body: unknown, field: string): unknown[] {
  const accounts = pick(body, 'accounts');
  return Array.isArray(accounts) ? accounts.map((account) => pick(account, field)) : [];
}
const assets = (body: unknown) => listed(body, 'asset');
const ids = (body: unknown) => listed(body, 'id');

describe('Uphold POST /core/users', () => {
  it('creates an active user that the client can then act for', async () => {
    const server = await start();
    const token = await accessToken(server);
    const res = await call(server, 'POST', '/core/users', {
      token,
      body: { email: 'jane@example.com', fullName: 'Jane Doe', type: 'business' },
    });
    expect(res.status).toBe(201);
    const user = pick(await res.json(), 'user');
    expect(user).toEqual({
      id: expect.stringMatching(uuidPattern),
      type: 'business',
      email: 'jane@example.com',
      fullName: 'Jane Doe',
      status: 'active',
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    const me = await call(server, 'GET', '/core/users/me', {
      token,
      onBehalfOf: `user ${String(pick(user, 'id'))}`,
    });
    expect(pick(await me.json(), 'user')).toEqual(user);
  });

  it("needs the end user's IP: none is a 409 missing user context, a value that is no IP a 400", async () => {
    const server = await start();
    const token = await accessToken(server);
    const body = { email: 'jane@example.com' };
    const missing = await call(server, 'POST', '/core/users', { token, body, userIp: false });
    expect(missing.status).toBe(409);
    expect(await missing.json()).toEqual({
      code: 'operation_not_allowed',
      message: 'Request not allowed due to missing user context',
      details: { reasons: ['missing-user-ip-header'] },
    });
    const notIp = await call(server, 'POST', '/core/users', {
      token,
      body,
      headers: { 'x-uphold-user-ip': 'localhost' },
    });
    expect(notIp.status).toBe(400);
    expect(await notIp.json()).toMatchObject({
      code: 'request_invalid',
      details: { context: 'headers', violations: [{ property: 'x-uphold-user-ip' }] },
    });
    const v6 = await call(server, 'POST', '/core/users', {
      token,
      body,
      headers: { 'x-uphold-user-ip': '2001:db8::1' },
    });
    expect(v6.status).toBe(201);
  });

  it('refuses an email already in use, whatever its case', async () => {
    const server = await start();
    const token = await accessToken(server);
    const res = await call(server, 'POST', '/core/users', {
      token,
      body: { email: 'Active@Uphold.example' },
    });
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({
      code: 'email_already_exists',
      message: 'The provided email is already in use by another user',
    });
  });

  it.each([
    ['no email', {}, [{ property: 'email', rule: 'required' }]],
    [
      'a number for email',
      { email: 42 },
      [{ property: 'email', rule: 'type', ruleParams: { type: 'string' } }],
    ],
    [
      'a malformed email',
      { email: 'not-an-email' },
      [{ property: 'email', rule: 'format', ruleParams: { format: 'email' } }],
    ],
    [
      'an unknown type and an empty name',
      { email: 'a@b.co', type: 'robot', fullName: '' },
      [
        { property: 'fullName', rule: 'minLength', ruleParams: { limit: 1 } },
        { property: 'type', rule: 'enum', ruleParams: { allowedValues: ['individual', 'business'] } },
      ],
    ],
  ])('answers %s with 400 request_invalid listing the violations', async (_name, body, violations) => {
    const server = await start();
    const token = await accessToken(server);
    const res = await call(server, 'POST', '/core/users', { token, body });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      code: 'request_invalid',
      message: 'The request has missing or invalid parameters',
      details: { context: 'body', violations },
    });
  });

  it.each([
    ['malformed JSON', '{"email":', 'application/json', 'body'],
    ['a JSON array', '[]', 'application/json', 'body'],
    ['a form body', 'email=a%40b.co', 'application/x-www-form-urlencoded', 'headers'],
  ])('answers %s with 400 request_invalid', async (_name, body, contentType, context) => {
    const server = await start();
    const token = await accessToken(server);
    const res = await call(server, 'POST', '/core/users', {
      token,
      body,
      headers: { 'content-type': contentType },
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'request_invalid', details: { context } });
  });
});

describe('Uphold accounts', () => {
  it('lists the seeded accounts of the subject user, oldest first', async () => {
    const server = await start();
    const token = await accessToken(server);
    const res = await call(server, 'GET', '/core/accounts', { token, onBehalfOf: asActive });
    expect(res.status).toBe(200);
    const accounts = await res.json();
    expect(assets(accounts)).toEqual(['BTC', 'USD']);
    expect(pick(accounts, 'accounts', 0)).toEqual({
      id: '2f4c1e8a-5b6d-4c3e-9a1f-7d8e9f0a1b2c',
      ownerId: activeUser,
      label: 'Bitcoin',
      asset: 'BTC',
      balance: { total: '0', available: '0' },
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
  });

  it('filters by asset', async () => {
    const server = await start();
    const token = await accessToken(server);
    const res = await call(server, 'GET', '/core/accounts?asset=USD,ETH', { token, onBehalfOf: asActive });
    expect(assets(await res.json())).toEqual(['USD']);
  });

  it('creates an empty account that the list then shows, and forgets it on reset', async () => {
    const server = await start();
    const token = await accessToken(server);
    const created = await call(server, 'POST', '/core/accounts', {
      token,
      onBehalfOf: asActive,
      body: { asset: 'ETH', label: 'My ETH account' },
    });
    expect(created.status).toBe(201);
    const account = pick(await created.json(), 'account');
    expect(account).toEqual({
      id: expect.stringMatching(uuidPattern),
      ownerId: activeUser,
      label: 'My ETH account',
      asset: 'ETH',
      balance: { total: '0', available: '0' },
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    const listed = await (
      await call(server, 'GET', '/core/accounts', { token, onBehalfOf: asActive })
    ).json();
    expect(ids(listed)).toContain(pick(account, 'id'));

    await postJson(`${server.url}/__sandbox/reset`, {});
    const fresh = await accessToken(server);
    const after = await (
      await call(server, 'GET', '/core/accounts', { token: fresh, onBehalfOf: asActive })
    ).json();
    expect(ids(after)).not.toContain(pick(account, 'id'));
  });

  it('keeps each user’s accounts to that user', async () => {
    const server = await start();
    const token = await accessToken(server);
    const created = await call(server, 'POST', '/core/users', { token, body: { email: 'new@example.com' } });
    const userId = String(pick(await created.json(), 'user', 'id'));
    const res = await call(server, 'GET', '/core/accounts', { token, onBehalfOf: `user ${userId}` });
    expect(await res.json()).toEqual({ accounts: [] });
  });

  it('answers an unlisted asset with 409 asset_not_supported', async () => {
    const server = await start();
    const token = await accessToken(server);
    const res = await call(server, 'POST', '/core/accounts', {
      token,
      onBehalfOf: asActive,
      body: { asset: 'DOGE', label: 'such' },
    });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({
      code: 'asset_not_supported',
      message: 'The asset is not supported',
    });
  });

  it('answers a lower-case asset and a missing label with 400 listing both', async () => {
    const server = await start();
    const token = await accessToken(server);
    const res = await call(server, 'POST', '/core/accounts', {
      token,
      onBehalfOf: asActive,
      body: { asset: 'btc' },
    });
    expect(res.status).toBe(400);
    expect(pick(await res.json(), 'details', 'violations')).toEqual([
      { property: 'asset', rule: 'pattern', ruleParams: { pattern: '^[A-Z0-9]{2,12}$' } },
      { property: 'label', rule: 'required' },
    ]);
  });
});

describe('Uphold operations without a stateful handler', () => {
  it('are answered by Prism from the document’s examples, with a request id', async () => {
    const server = await start();
    const token = await accessToken(server);
    const res = await call(server, 'GET', '/core/capabilities', { token, onBehalfOf: asActive });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-uphold-request-id')).toMatch(uuidPattern);
    expect(pick(await res.json(), 'capabilities')).toContainEqual(
      expect.objectContaining({ code: 'deposits' }),
    );
  });

  it('answer a call without a token with 401 token_invalid', async () => {
    const server = await start();
    const res = await call(server, 'GET', '/core/countries');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ code: 'token_invalid', message: 'The access token is invalid' });
  });

  it('answer an unknown path with 404 in the Core error shape', async () => {
    const server = await start();
    const res = await call(server, 'GET', '/core/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers.get('x-uphold-request-id')).toMatch(uuidPattern);
    expect(await res.json()).toMatchObject({ code: expect.any(String), message: expect.any(String) });
  });
});
