import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/index.js';
import { advanceClock, bearer, postForm } from '../support/server.js';
import { useContractSandbox } from '../unit/providers/tight/harness.js';

const start = useContractSandbox('hurdlr');
const credentials = { client_id: 'hurdlr-client', client_secret: 'hurdlr-secret' };
const redirectUri = 'http://localhost:3000/callback';
const verifier = 'hurdlr-pkce-verifier-0123456789-0123456789-0123456789';
type Server = RunningServer;

function authorizeUrl(server: Server, params: Record<string, string> = {}): string {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: 'hurdlr-client',
    redirect_uri: redirectUri,
    state: 's1',
    ...params,
  });
  return `${server.url}/hurdlr/oauth/authorize?${query}`;
}

async function codeFor(server: Server, params: Record<string, string> = {}): Promise<string> {
  const res = await fetch(authorizeUrl(server, { login_hint: 'hurdlr-user-1', prompt: 'none', ...params }), {
    redirect: 'manual',
  });
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location') ?? '').searchParams.get('code') ?? '';
}

function exchange(server: Server, fields: Record<string, string>): Promise<Response> {
  return postForm(`${server.url}/hurdlr/v4/auth/token`, {
    ...credentials,
    grant_type: 'authorization_code',
    ...fields,
  });
}

describe('Hurdlr authorization code through the oauth authorize page', () => {
  it('shows the page with the scenario users and issues a code when the form is posted', async () => {
    const server = await start();
    const page = await fetch(authorizeUrl(server));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('value="hurdlr-user-1"');
    const form = new URLSearchParams({
      response_type: 'code',
      client_id: 'hurdlr-client',
      redirect_uri: redirectUri,
      state: 's1',
      userId: 'hurdlr-user-1',
      decision: 'approve',
    });
    const posted = await fetch(`${server.url}/hurdlr/oauth/authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
      redirect: 'manual',
    });
    expect(posted.status).toBe(302);
    const location = new URL(posted.headers.get('location') ?? '');
    expect(location.searchParams.get('state')).toBe('s1');
    const res = await exchange(server, { code: location.searchParams.get('code') ?? '' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { access_token: string };
    const info = await fetch(`${server.url}/hurdlr/v4/auth/userInfo`, { headers: bearer(body.access_token) });
    expect(await info.json()).toMatchObject({ userId: 'hurdlr-user-1' });
  });

  it('checks PKCE S256 when the authorization request used it', async () => {
    const server = await start();
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const pkce = { code_challenge: challenge, code_challenge_method: 'S256' };
    const wrong = await exchange(server, {
      code: await codeFor(server, pkce),
      code_verifier: 'x'.repeat(43),
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toEqual({
      error: 'invalid_grant',
      error_description: expect.stringContaining('code_verifier'),
    });
    const right = await exchange(server, { code: await codeFor(server, pkce), code_verifier: verifier });
    expect(right.status).toBe(200);
  });

  it('refuses a reused code and revokes what the first exchange issued', async () => {
    const server = await start();
    const code = await codeFor(server);
    const first = (await (await exchange(server, { code })).json()) as {
      access_token: string;
      refresh_token: string;
    };
    const again = await exchange(server, { code });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ error: 'invalid_grant' });
    const info = await fetch(`${server.url}/hurdlr/v4/auth/userInfo`, {
      headers: bearer(first.access_token),
    });
    expect(info.status).toBe(401);
    expect(await info.json()).toMatchObject({
      error: 'invalid_token',
      error_description: expect.stringContaining('revoked'),
    });
    const refresh = await postForm(`${server.url}/hurdlr/v4/auth/token`, {
      ...credentials,
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token,
    });
    expect(refresh.status).toBe(400);
  });

  it('lets a code expire after 10 minutes on the sandbox clock', async () => {
    const server = await start();
    const code = await codeFor(server);
    await advanceClock(server, 600);
    const res = await exchange(server, { code });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: 'invalid_grant',
      error_description: expect.stringContaining('expired'),
    });
  });

  it.each<[Record<string, string>, string]>([
    [{ client_id: 'nobody' }, 'Unknown client_id'],
    [{ redirect_uri: 'http://localhost:3000/other' }, 'not registered'],
    [{ code_challenge: 'x'.repeat(43), code_challenge_method: 'plain' }, 'S256'],
  ])('shows a 400 page and never redirects for %o', async (params, message) => {
    const server = await start();
    const res = await fetch(authorizeUrl(server, params), { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    expect(await res.text()).toContain(message);
  });

  it('redirects an unsupported response_type back to the client as an error (RFC 6749 §4.1.2.1)', async () => {
    const server = await start();
    const res = await fetch(authorizeUrl(server, { response_type: 'token' }), { redirect: 'manual' });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location') ?? '');
    expect(location.searchParams.get('error')).toBe('unsupported_response_type');
    expect(location.searchParams.get('state')).toBe('s1');
  });
});
