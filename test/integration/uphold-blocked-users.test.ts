import { describe, expect, it } from 'vitest';
import { postJson } from '../support/server.js';
import {
  accessToken,
  activeUser,
  blockedUser,
  call,
  pick,
  singleUserClient,
  startUphold,
} from '../unit/providers/uphold/harness.js';

const start = startUphold;

/** Seed 003, verbatim. */
const userBlockedBody = {
  code: 'operation-not-allowed',
  message: 'The current status of the user does not allow calling this endpoint',
  reasons: ['user-blocked'],
};

describe('Uphold blocked users', () => {
  it('answer every non-GET call on their behalf with exactly the seed’s 409 body', async () => {
    const server = await start();
    const token = await accessToken(server);
    const res = await call(server, 'POST', '/core/accounts', {
      token,
      onBehalfOf: `user ${blockedUser}`,
      body: { asset: 'BTC', label: 'b' },
    });
    expect(res.status).toBe(409);
    expect(await res.json()).toStrictEqual(userBlockedBody);
  });

  it('refuse a write even when its body is invalid: the user’s status comes first', async () => {
    const server = await start();
    const token = await accessToken(server);
    const res = await call(server, 'POST', '/core/accounts', {
      token,
      onBehalfOf: `user ${blockedUser}`,
      body: {},
    });
    expect(res.status).toBe(409);
    expect(await res.json()).toStrictEqual(userBlockedBody);
  });

  it('still answer GET calls on their behalf', async () => {
    const server = await start();
    const token = await accessToken(server);
    const me = await call(server, 'GET', '/core/users/me', { token, onBehalfOf: `user ${blockedUser}` });
    expect(me.status).toBe(200);
    expect(pick(await me.json(), 'user')).toMatchObject({ id: blockedUser, status: 'blocked' });
    const accounts = await call(server, 'GET', '/core/accounts', {
      token,
      onBehalfOf: `user ${blockedUser}`,
    });
    expect(accounts.status).toBe(200);
    expect(pick(await accounts.json(), 'accounts')).toMatchObject([{ asset: 'EUR', ownerId: blockedUser }]);
  });

  it('do not stop the client from acting for other users', async () => {
    const server = await start();
    const token = await accessToken(server);
    const res = await call(server, 'POST', '/core/accounts', {
      token,
      onBehalfOf: `user ${activeUser}`,
      body: { asset: 'BTC', label: 'b' },
    });
    expect(res.status).toBe(201);
  });

  it('can be blocked and unblocked at run time through the control plane', async () => {
    const server = await start();
    const token = await accessToken(server);
    const write = () =>
      call(server, 'POST', '/core/accounts', {
        token,
        onBehalfOf: `user ${activeUser}`,
        body: { asset: 'GBP', label: 'g' },
      });

    const blocked = await postJson(`${server.url}/__sandbox/users/uphold/${activeUser}/block`, {});
    expect(blocked.status).toBe(200);
    const refused = await write();
    expect(refused.status).toBe(409);
    expect(await refused.json()).toStrictEqual(userBlockedBody);

    expect((await postJson(`${server.url}/__sandbox/users/uphold/${activeUser}/unblock`, {})).status).toBe(
      200,
    );
    expect((await write()).status).toBe(201);
  });

  it('block a single-user client’s writes once its user is blocked, tokens issued before included', async () => {
    const server = await start();
    const token = await accessToken(server, singleUserClient);
    await postJson(`${server.url}/__sandbox/users/uphold/${activeUser}/block`, {});
    const res = await call(server, 'POST', '/core/accounts', { token, body: { asset: 'BTC', label: 'b' } });
    expect(res.status).toBe(409);
    expect(await res.json()).toStrictEqual(userBlockedBody);
    expect((await call(server, 'GET', '/core/users/me', { token })).status).toBe(200);
  });

  it('are back to blocked after a reset', async () => {
    const server = await start();
    await postJson(`${server.url}/__sandbox/users/uphold/${blockedUser}/unblock`, {});
    await postJson(`${server.url}/__sandbox/reset`, {});
    const token = await accessToken(server);
    const res = await call(server, 'POST', '/core/accounts', {
      token,
      onBehalfOf: `user ${blockedUser}`,
      body: { asset: 'BTC', label: 'b' },
    });
    expect(res.status).toBe(409);
  });
});
