import { describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/index.js';
import { bearer, postForm, startTestServer } from '../support/server.js';
import { seededTinkUser, tinkClientToken, tinkToken } from '../support/tink.js';

const tinkLinkClientId = 'df05e4b379934cd09963197cc855bfe9';
const redirectUri = 'http://localhost:3000/callback';

async function delegatedCode(server: RunningServer): Promise<string> {
  const token = await tinkClientToken(server, 'authorization:grant');
  const res = await postForm(
    `${server.url}/tink/api/v1/oauth/authorization-grant/delegate`,
    {
      response_type: 'code',
      user_id: seededTinkUser.userId,
      id_hint: 'Jane Doe',
      actor_client_id: tinkLinkClientId,
      scope:
        'authorization:read,authorization:grant,credentials:refresh,credentials:read,credentials:write,providers:read,user:read',
    },
    bearer(token),
  );
  expect(res.status).toBe(200);
  return ((await res.json()) as { code: string }).code;
}

function linkUrl(server: RunningServer, code: string, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams({
    client_id: 'tink-client',
    redirect_uri: redirectUri,
    authorization_code: code,
    market: 'GB',
    locale: 'en_US',
    state: 'xyz',
    ...extra,
  });
  return `${server.url}/tink/link/1.0/transactions/connect-accounts?${query}`;
}

describe('Tink delegated grant through Tink Link', () => {
  it('shows the Link page, redirects with a code and state on approval, and the code yields a user token', async () => {
    const server = await startTestServer();
    const code = await delegatedCode(server);
    // The name given to /delegate as id_hint is the one the page greets.
    const page = await fetch(linkUrl(server, code));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Signed in as <strong>Jane Doe</strong>');
    expect(html).toContain('<form method="post"');

    const hidden = [...html.matchAll(/type="hidden" name="([^"]+)" value="([^"]*)"/g)];
    const form = new URLSearchParams(hidden.map((m): [string, string] => [m[1] ?? '', m[2] ?? '']));
    form.set('bank', 'Demo Bank (password)');
    form.set('decision', 'approve');
    const submitted = await fetch(linkUrl(server, code).split('?')[0] ?? '', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
      redirect: 'manual',
    });
    expect(submitted.status).toBe(302);
    const location = new URL(submitted.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
    expect(location.searchParams.get('state')).toBe('xyz');
    const userCode = location.searchParams.get('code') ?? '';
    expect(userCode).not.toBe('');

    const exchanged = await tinkToken(server, { grant_type: 'authorization_code', code: userCode });
    expect(exchanged.status).toBe(200);
    const { access_token } = (await exchanged.json()) as { access_token: string };
    expect(
      (await fetch(`${server.url}/tink/data/v2/accounts`, { headers: bearer(access_token) })).status,
    ).toBe(200);
  });

  it('redirects at once with auto_approve=true, for CI', async () => {
    const server = await startTestServer();
    const code = await delegatedCode(server);
    const res = await fetch(linkUrl(server, code, { auto_approve: 'true' }), { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(new URL(res.headers.get('location') ?? '').searchParams.get('code')).toBeTruthy();
    const again = await fetch(linkUrl(server, code, { auto_approve: 'true' }), { redirect: 'manual' });
    expect(again.status).toBe(400);
  });

  it('revokes what a delegated code led to when the Link page gets it a second time', async () => {
    const server = await startTestServer();
    const code = await delegatedCode(server);
    const first = await fetch(linkUrl(server, code, { auto_approve: 'true' }), { redirect: 'manual' });
    const redirected = new URL(first.headers.get('location') ?? '').searchParams.get('code') ?? '';
    const exchanged = await tinkToken(server, { grant_type: 'authorization_code', code: redirected });
    const { access_token, refresh_token } = (await exchanged.json()) as {
      access_token: string;
      refresh_token: string;
    };
    const accounts = () => fetch(`${server.url}/tink/data/v2/accounts`, { headers: bearer(access_token) });
    expect((await accounts()).status).toBe(200);

    const again = await fetch(linkUrl(server, code, { auto_approve: 'true' }), { redirect: 'manual' });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('already used');
    expect(await (await accounts()).json()).toMatchObject({ errorCode: 'TOKEN_REVOKED' });
    const refreshed = await tinkToken(server, { grant_type: 'refresh_token', refresh_token });
    expect(refreshed.status).toBe(400);
  });

  it('redirects a cancelled Link with an error and the state', async () => {
    const server = await startTestServer();
    const code = await delegatedCode(server);
    const body = new URLSearchParams({
      client_id: 'tink-client',
      redirect_uri: redirectUri,
      authorization_code: code,
      state: 's1',
      decision: 'deny',
    });
    const res = await fetch(`${server.url}/tink/link/1.0/transactions/connect-accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
      redirect: 'manual',
    });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location') ?? '');
    expect(location.searchParams.get('error')).toBe('USER_CANCELLED');
    expect(location.searchParams.get('state')).toBe('s1');
  });

  it('needs id_hint, the name Tink Link shows the user', async () => {
    const server = await startTestServer();
    const token = await tinkClientToken(server, 'authorization:grant');
    const res = await postForm(
      `${server.url}/tink/api/v1/oauth/authorization-grant/delegate`,
      { user_id: seededTinkUser.userId, actor_client_id: tinkLinkClientId, scope: 'user:read' },
      bearer(token),
    );
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ errorCode: 'INVALID_REQUEST', errorMessage: 'id_hint is required.' });
  });

  it('does not let the client exchange the delegated code itself', async () => {
    const server = await startTestServer();
    const code = await delegatedCode(server);
    const res = await tinkToken(server, { grant_type: 'authorization_code', code });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      errorCode: 'INVALID_GRANT',
      errorMessage: expect.stringContaining('Tink Link'),
    });
  });

  it.each([
    ['an unknown client', { client_id: 'who' }],
    ['an unregistered redirect_uri', { redirect_uri: 'https://evil.example/cb' }],
    ['a forged authorization_code', { authorization_code: 'forged' }],
  ])('shows %s on the page and never redirects', async (_name, override) => {
    const server = await startTestServer();
    const code = await delegatedCode(server);
    const res = await fetch(linkUrl(server, code, override), { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    expect(await res.text()).toContain('role="alert"');
  });

  it('refuses a delegation to anyone but Tink Link', async () => {
    const server = await startTestServer();
    const token = await tinkClientToken(server, 'authorization:grant');
    const res = await postForm(
      `${server.url}/tink/api/v1/oauth/authorization-grant/delegate`,
      { user_id: seededTinkUser.userId, actor_client_id: 'someone-else', scope: 'user:read', id_hint: 'x' },
      bearer(token),
    );
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ errorCode: 'INVALID_REQUEST' });
  });
});
