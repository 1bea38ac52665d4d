import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callbackUri, interceptCallback, launchChromium, screenshot } from '../support/browser.js';
import { bearer, postForm, startTestServer } from '../support/server.js';
import { seededTinkUser, tinkClientToken, tinkToken } from '../support/tink.js';

/** Tink Link's own client id, the actor of a delegated grant. */
const tinkLinkClientId = 'df05e4b379934cd09963197cc855bfe9';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

describe('Tink Link delegated flow in a browser', () => {
  it('opens the Link URL with a delegated code, connects a bank and redirects with a code that yields a user token', async () => {
    const server = await startTestServer();
    const clientToken = await tinkClientToken(server, 'authorization:grant');
    const delegated = await postForm(
      `${server.url}/tink/api/v1/oauth/authorization-grant/delegate`,
      {
        response_type: 'code',
        user_id: seededTinkUser.userId,
        id_hint: 'Jane Doe',
        actor_client_id: tinkLinkClientId,
        scope:
          'authorization:read,authorization:grant,credentials:refresh,credentials:read,credentials:write,providers:read,user:read',
      },
      bearer(clientToken),
    );
    expect(delegated.status).toBe(200);
    const { code: delegatedCode } = (await delegated.json()) as { code: string };

    const page = await browser.newPage();
    const { redirected } = await interceptCallback(page, server.url);
    const link = new URLSearchParams({
      client_id: 'tink-client',
      redirect_uri: callbackUri,
      authorization_code: delegatedCode,
      market: 'GB',
      locale: 'en_US',
      id_hint: 'Jane Doe',
      state: 'link-state-7',
    });
    const shown = await page.goto(`${server.url}/tink/link/1.0/transactions/connect-accounts?${link}`);
    expect(shown?.status()).toBe(200);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Connect your bank to tink-client',
    );
    expect(await page.locator('body').textContent()).toContain('Jane Doe');
    await page.getByRole('radio', { name: 'Demo Savings Bank' }).check();
    await screenshot(page, 'tink-link.png');
    await page.getByRole('button', { name: 'Connect' }).click();

    const callback = await redirected;
    expect(`${callback.origin}${callback.pathname}`).toBe(callbackUri);
    expect(callback.searchParams.get('state')).toBe('link-state-7');
    const code = callback.searchParams.get('code') ?? '';
    expect(code).not.toBe('');
    expect(code).not.toBe(delegatedCode);

    const exchanged = await tinkToken(server, { grant_type: 'authorization_code', code });
    expect(exchanged.status).toBe(200);
    const tokens = (await exchanged.json()) as { access_token: string; refresh_token: string };
    expect(tokens.refresh_token).toBeTruthy();
    const accounts = await fetch(`${server.url}/tink/data/v2/accounts`, {
      headers: bearer(tokens.access_token),
    });
    expect(accounts.status).toBe(200);

    // The delegated code was spent by Tink Link: the same Link URL now says so on the page.
    const again = await page.goto(`${server.url}/tink/link/1.0/transactions/connect-accounts?${link}`);
    expect(again?.status()).toBe(400);
    expect(await page.getByRole('alert').textContent()).toContain('already used');
    await page.close();
  });
});
