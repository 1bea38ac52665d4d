import { AuthorizationCode, ClientCredentials } from 'simple-oauth2';
import { describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/index.js';
import { bearer } from '../support/server.js';
import { useContractSandbox } from '../unit/providers/tight/harness.js';

const start = useContractSandbox('hurdlr');
const redirectUri = 'http://localhost:3000/callback';
type Server = RunningServer;

/**
 * simple-oauth2 configured the way a partner would aim it at Hurdlr: credentials in the body. Its paths
 * are resolved against the host, so the /hurdlr mount belongs in them (as /rest does for the real host).
 */
function config(server: Server) {
  return {
    client: { id: 'hurdlr-client', secret: 'hurdlr-secret' },
    auth: { tokenHost: server.url, tokenPath: '/hurdlr/v4/auth/token' },
    options: { authorizationMethod: 'body' as const },
  };
}

describe('simple-oauth2, a real OAuth client, against Hurdlr', () => {
  it('obtains tokens through the authorize page and the code grant, then refreshes them', async () => {
    const server = await start();
    const base = config(server);
    const client = new AuthorizationCode({
      ...base,
      auth: { ...base.auth, authorizePath: '/hurdlr/oauth/authorize' },
    });
    const url = new URL(client.authorizeURL({ redirect_uri: redirectUri, state: 'st' }));
    url.searchParams.set('login_hint', 'hurdlr-user-1');
    url.searchParams.set('prompt', 'none');
    const consent = await fetch(url, { redirect: 'manual' });
    expect(consent.status).toBe(302);
    const code = new URL(consent.headers.get('location') ?? '').searchParams.get('code') ?? '';

    const token = await client.getToken({ code, redirect_uri: redirectUri });
    expect(token.token).toMatchObject({ expires_in: 7776000, scope: 'token' });
    expect(token.expired()).toBe(false);
    const firstRefresh = String(token.token.refresh_token);

    const refreshed = await token.refresh();
    expect(refreshed.token.refresh_token).not.toBe(firstRefresh);
    const info = await fetch(`${server.url}/hurdlr/v4/auth/userInfo`, {
      headers: bearer(String(refreshed.token.access_token)),
    });
    expect(info.status).toBe(200);
    // Rotation: refreshing the first token again fails, and simple-oauth2 surfaces Hurdlr's 400.
    await expect(token.refresh()).rejects.toMatchObject({ output: { statusCode: 400 } });
  });

  it('obtains client_credentials tokens when the required userId is passed along', async () => {
    const server = await start();
    const client = new ClientCredentials(config(server));
    const token = await client.getToken({ userId: 'hurdlr-user-1' });
    expect(token.token).toMatchObject({
      expires_in: 7776000,
      scope: 'token',
      refresh_token: expect.any(String),
    });
    await expect(client.getToken({})).rejects.toMatchObject({ output: { statusCode: 400 } });
  });
});
