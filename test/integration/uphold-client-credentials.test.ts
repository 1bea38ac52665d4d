import { decodeJwt, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { basic, postForm } from '../support/server.js';
import {
  limitedClient,
  organizationId,
  orgClient,
  pick,
  requestToken,
  singleUserClient,
  startUphold,
  tokenUrl,
  uuidPattern,
} from '../unit/providers/uphold/harness.js';

const start = startUphold;
const allScopes =
  'core.users:act-on-behalf-of core.users:create core.users:read core.users:delete core.accounts:create core.accounts:read';

describe('Uphold POST /core/oauth2/token', () => {
  it('issues a 600 s HS256 JWT whose payload names the client, organization and scopes', async () => {
    const server = await start();
    const res = await requestToken(server, orgClient, {
      grant_type: 'client_credentials',
      scope: 'core.users:read core.accounts:read',
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual({
      access_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 600,
      scope: 'core.users:read core.accounts:read',
    });
    const jwt = String(pick(body, 'access_token'));
    // The documented header, exactly: no key id for a secret that is never published.
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'HS256', typ: 'JWT' });
    const claims = decodeJwt(jwt);
    const iat = Date.parse('2026-01-01T00:00:00Z') / 1000;
    expect(claims).toMatchObject({
      aud: 'uphold-client',
      org: organizationId,
      scope: 'core.users:read core.accounts:read',
      iat,
      exp: iat + 600,
    });
  });

  it('sends the organization and a request id as headers, and forbids caching', async () => {
    const server = await start();
    const res = await requestToken(server, orgClient);
    expect(res.headers.get('x-uphold-organization-id')).toBe(organizationId);
    expect(res.headers.get('x-uphold-request-id')).toMatch(uuidPattern);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it("grants all of the client's scopes when none are asked for", async () => {
    const server = await start();
    const res = await requestToken(server, orgClient);
    expect(pick(await res.json(), 'scope')).toBe(allScopes);
  });

  it('folds repeated scopes and extra spaces', async () => {
    const server = await start();
    const res = await requestToken(server, orgClient, {
      grant_type: 'client_credentials',
      scope: ' core.users:read  core.users:read ',
    });
    expect(pick(await res.json(), 'scope')).toBe('core.users:read');
  });

  it('gives every token a distinct value, even within one second', async () => {
    const server = await start();
    const first = await (await requestToken(server, orgClient)).json();
    const second = await (await requestToken(server, orgClient)).json();
    expect(pick(first, 'access_token')).not.toBe(pick(second, 'access_token'));
  });

  it('honours a lifetime override from the scenario', async () => {
    const server = await start();
    await server.engine.loadScenario({
      ...server.engine.scenario,
      lifetimes: { uphold: { accessToken: 60 } },
    });
    const body = await (await requestToken(server, limitedClient)).json();
    expect(pick(body, 'expires_in')).toBe(60);
    const claims = decodeJwt(String(pick(body, 'access_token')));
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(60);
  });

  it('uses a per-client organization when the scenario gives one, and generates one otherwise', async () => {
    const server = await start({
      clients: [
        {
          clientId: 'own-org',
          clientSecret: 's1',
          scopes: [],
          organizationId: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
        },
        { clientId: 'no-org', clientSecret: 's2', scopes: [] },
      ],
    });
    const own = await requestToken(server, { id: 'own-org', secret: 's1' });
    expect(own.headers.get('x-uphold-organization-id')).toBe('6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b');
    const generated = await requestToken(server, { id: 'no-org', secret: 's2' });
    const org = generated.headers.get('x-uphold-organization-id');
    expect(org).toMatch(uuidPattern);
    expect(decodeJwt(String(pick(await generated.json(), 'access_token'))).org).toBe(org);
  });

  it('binds the token of a single-user client to its client id', async () => {
    const server = await start();
    const body = await (await requestToken(server, singleUserClient)).json();
    expect(decodeJwt(String(pick(body, 'access_token'))).aud).toBe('uphold-single-user');
  });
});

describe('Uphold token endpoint errors', () => {
  it('names the missing grant_type', async () => {
    const server = await start();
    const res = await requestToken(server, orgClient, { scope: 'core.users:read' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: 'invalid_request',
      error_description: "Body must have required property 'grant_type'",
    });
  });

  it.each(['refresh_token', 'authorization_code', 'password', ''])(
    'refuses grant_type "%s"',
    async (grantType) => {
      const server = await start();
      const res = await requestToken(server, orgClient, { grant_type: grantType });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({
        error: 'unsupported_grant_type',
        error_description: 'Grant type not supported',
      });
    },
  );

  it('refuses a scope the client does not have', async () => {
    const server = await start();
    const res = await requestToken(server, limitedClient, {
      grant_type: 'client_credentials',
      scope: 'core.users:read core.users:create',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: 'invalid_scope',
      error_description: 'Requested scopes must be equal or narrower',
    });
  });

  it('answers a missing Basic header with invalid_client, even with credentials in the body', async () => {
    const server = await start();
    const res = await postForm(tokenUrl(server), {
      grant_type: 'client_credentials',
      client_id: 'uphold-client',
      client_secret: 'uphold-secret',
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: 'invalid_client',
      error_description: 'Client id and secret could not be extracted from Authorization header',
    });
  });

  it.each([
    ['a Bearer header', 'Bearer abc'],
    ['Basic without a colon', `Basic ${Buffer.from('no-colon').toString('base64')}`],
    ['Basic with an empty client id', `Basic ${Buffer.from(':secret').toString('base64')}`],
    ['Basic with garbage', 'Basic !!!'],
  ])('cannot extract credentials from %s', async (_name, authorization) => {
    const server = await start();
    const res = await postForm(tokenUrl(server), { grant_type: 'client_credentials' }, { authorization });
    expect(res.status).toBe(401);
    expect(pick(await res.json(), 'error_description')).toBe(
      'Client id and secret could not be extracted from Authorization header',
    );
  });

  it.each([
    ['a wrong secret', basic('uphold-client', 'wrong')],
    ['an unknown client', basic('nobody', 'uphold-secret')],
  ])('answers %s with invalid_client', async (_name, authorization) => {
    const server = await start();
    const res = await postForm(tokenUrl(server), { grant_type: 'client_credentials' }, { authorization });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: 'invalid_client',
      error_description: 'Client does not exist or secret is incorrect',
    });
    expect(res.headers.get('x-uphold-request-id')).toMatch(uuidPattern);
  });

  it('refuses a JSON body', async () => {
    const server = await start();
    const res = await fetch(tokenUrl(server), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: basic(orgClient.id, orgClient.secret) },
      body: JSON.stringify({ grant_type: 'client_credentials' }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('refuses a repeated parameter', async () => {
    const server = await start();
    const res = await fetch(tokenUrl(server), {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: basic(orgClient.id, orgClient.secret),
      },
      body: 'grant_type=client_credentials&scope=core.users:read&scope=core.users:create',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: 'invalid_request',
      error_description: 'Body/scope must not be repeated',
    });
  });

  it('refuses a scope longer than 4096 characters', async () => {
    const server = await start();
    const res = await requestToken(server, orgClient, {
      grant_type: 'client_credentials',
      scope: 'core.users:read '.repeat(300),
    });
    expect(res.status).toBe(400);
    expect(pick(await res.json(), 'error')).toBe('invalid_request');
  });

  it('answers GET with 405 in the Core error shape', async () => {
    const server = await start();
    const res = await fetch(tokenUrl(server));
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    expect(res.headers.get('x-uphold-request-id')).toMatch(uuidPattern);
    expect(await res.json()).toMatchObject({ code: 'method_not_allowed', message: expect.any(String) });
  });
});
