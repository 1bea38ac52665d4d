import { createHash } from 'node:crypto';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { describeDashboard } from '../../src/dashboard/view.js';
import { redactSecret } from '../../src/engine/redact.js';
import type { RunningServer } from '../../src/index.js';
import { advanceClock, basic, bearer, postForm, postJson } from '../support/server.js';
import { useContractSandbox } from '../unit/providers/tight/harness.js';

const start = useContractSandbox('tight');
const client = basic('tight-client', 'tight-secret');
const redirectUri = 'http://localhost:3000/callback';
const verifier = 'a-sufficiently-long-pkce-code-verifier-of-43-chars-or-more-0123';
const challenge = createHash('sha256').update(verifier).digest('base64url');
type Server = RunningServer;

function authorizeUrl(server: Server, params: Record<string, string> = {}): string {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: 'tight-client',
    redirect_uri: redirectUri,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: 'xyz',
    ...params,
  });
  return `${server.url}/tight/v6/auth/authorize?${query}`;
}

/** The non-browser way: login_hint + prompt=none redirects at once. */
async function codeFor(server: Server, userId: string, params: Record<string, string> = {}): Promise<string> {
  const res = await fetch(authorizeUrl(server, { login_hint: userId, prompt: 'none', ...params }), {
    redirect: 'manual',
  });
  expect(res.status).toBe(302);
  const location = new URL(res.headers.get('location') ?? '');
  expect(location.searchParams.get('state')).toBe('xyz');
  return location.searchParams.get('code') ?? '';
}

function exchange(server: Server, fields: Record<string, string>): Promise<Response> {
  return postForm(
    `${server.url}/tight/v6/auth/token`,
    { grant_type: 'authorization_code', redirect_uri: redirectUri, ...fields },
    { authorization: client },
  );
}

describe('Tight authorization code with PKCE S256', () => {
  it('shows a consent page listing the scenario users, but no partner-level choice', async () => {
    const server = await start();
    const res = await fetch(authorizeUrl(server, { scope: 'read' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const page = await res.text();
    expect(page).toContain('value="user_owner_acme"');
    expect(page).toContain('value="user_bookkeeper"');
    expect(page).toContain('read-only');
    expect(page).not.toContain('partner');
  });

  it('escapes what the request puts into the page', async () => {
    const server = await start();
    const page = await (await fetch(authorizeUrl(server, { state: '"><script>alert(1)</script>' }))).text();
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).toContain('&#34;&#62;&#60;script&#62;');
  });

  it('issues a code when the form is posted and exchanges it for a token pair of the chosen user', async () => {
    const server = await start();
    const form = {
      response_type: 'code',
      client_id: 'tight-client',
      redirect_uri: redirectUri,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      state: 'xyz',
      userId: 'user_bookkeeper',
      decision: 'approve',
    };
    const posted = await fetch(`${server.url}/tight/v6/auth/authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
      redirect: 'manual',
    });
    expect(posted.status).toBe(302);
    const location = new URL(posted.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
    const res = await exchange(server, {
      code: location.searchParams.get('code') ?? '',
      code_verifier: verifier,
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, string>;
    expect(body).toEqual({
      access_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 3600,
      refresh_token: expect.any(String),
      scope: 'write',
    });
    expect(decodeJwt(body.access_token ?? '')).toMatchObject({ sub: 'user_bookkeeper' });
  });

  it('redirects with access_denied when the user denies', async () => {
    const server = await start();
    const form = new URLSearchParams({
      response_type: 'code',
      client_id: 'tight-client',
      redirect_uri: redirectUri,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      state: 'xyz',
      decision: 'deny',
    });
    const res = await fetch(`${server.url}/tight/v6/auth/authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
      redirect: 'manual',
    });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location') ?? '');
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe('xyz');
    expect(location.searchParams.has('code')).toBe(false);
  });

  it.each<[Record<string, string>, string]>([
    [{ client_id: 'nobody' }, 'Unknown client_id'],
    [{ redirect_uri: 'https://evil.example/cb' }, 'not registered'],
    [{ code_challenge_method: 'plain' }, 'S256'],
    [{ code_challenge: '' }, 'PKCE is required'],
  ])('shows a 400 page, never a redirect, for %o', async (params, message) => {
    const server = await start();
    const url = new URL(authorizeUrl(server, params));
    // An empty code_challenge stands for a request without PKCE at all.
    if (params.code_challenge === '') {
      url.searchParams.delete('code_challenge');
      url.searchParams.delete('code_challenge_method');
    }
    const res = await fetch(url, { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    expect(await res.text()).toContain(message);
  });

  it('refuses a code without its PKCE verifier or with a wrong one', async () => {
    const server = await start();
    const missing = await exchange(server, { code: await codeFor(server, 'user_owner_acme') });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({
      result: 'FAILURE',
      error: [{ type: 'INVALID_VALUE', param: 'code_verifier' }],
    });
    const wrong = await exchange(server, {
      code: await codeFor(server, 'user_owner_acme'),
      code_verifier: `${verifier}x`,
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({
      error: [{ param: 'code_verifier', message: expect.stringContaining('match') }],
    });
  });

  it('refuses a reused code and revokes the tokens its first exchange issued (RFC 6749 §4.1.2)', async () => {
    const server = await start();
    const code = await codeFor(server, 'user_owner_acme');
    const first = (await (await exchange(server, { code, code_verifier: verifier })).json()) as Record<
      string,
      string
    >;
    const again = await exchange(server, { code, code_verifier: verifier });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ error: [{ type: 'INVALID_VALUE', param: 'code' }] });
    const use = await postJson(`${server.url}/tight/v6/company/query`, {}, bearer(first.access_token ?? ''));
    expect(use.status).toBe(401);
    expect(await use.json()).toMatchObject({ error: [{ type: 'INVALID_TOKEN' }] });
  });

  it('lets a code expire after 10 minutes on the sandbox clock', async () => {
    const server = await start();
    const code = await codeFor(server, 'user_owner_acme');
    await advanceClock(server, 601);
    const res = await exchange(server, { code, code_verifier: verifier });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: [{ param: 'code', message: expect.stringContaining('expired') }],
    });
  });

  it('redirects with login_required when prompt=none names no known user', async () => {
    const server = await start();
    const res = await fetch(authorizeUrl(server, { login_hint: 'nobody', prompt: 'none' }), {
      redirect: 'manual',
    });
    expect(res.status).toBe(302);
    expect(new URL(res.headers.get('location') ?? '').searchParams.get('error')).toBe('login_required');
  });

  it('rotates refresh tokens: the new one works, the old one dies at once', async () => {
    const server = await start();
    const code = await codeFor(server, 'user_owner_acme', {
      scope: 'read',
      auto_approve: 'true',
      prompt: '',
    });
    const first = (await (await exchange(server, { code, code_verifier: verifier })).json()) as Record<
      string,
      string
    >;
    const refresh = (token: string) =>
      postForm(
        `${server.url}/tight/v6/auth/token`,
        { grant_type: 'refresh_token', refresh_token: token },
        { authorization: client },
      );
    const second = await refresh(first.refresh_token ?? '');
    expect(second.status).toBe(200);
    const rotated = (await second.json()) as Record<string, string>;
    expect(rotated).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'read' });
    expect(rotated.refresh_token).not.toBe(first.refresh_token);
    // The dashboard's lineage: the new access token was made by spending the first refresh token.
    const shown = (await describeDashboard(server.engine)).accessTokens[0];
    expect(shown?.refreshedFrom).toBe(redactSecret(first.refresh_token ?? ''));
    expect(shown?.refreshToken).toBe(redactSecret(rotated.refresh_token ?? ''));
    const old = await refresh(first.refresh_token ?? '');
    expect(old.status).toBe(400);
    expect(await old.json()).toMatchObject({ error: [{ type: 'INVALID_VALUE', param: 'refresh_token' }] });
  });
});
