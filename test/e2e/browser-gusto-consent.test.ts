import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callbackUri, interceptCallback, launchChromium, screenshot } from '../support/browser.js';
import { bearer, postJson, startTestServer } from '../support/server.js';

const acme = '7b1d0df1-6a6b-4c1e-9b0e-2f8a5c3d4e51';
const globex = 'd525dd21-ba6e-482c-be15-c2c7237f1364';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

describe('Gusto authorization_code flow in a browser', () => {
  it('picks exactly one company with the keyboard, redirects with code and state, and the code reaches that company only', async () => {
    const server = await startTestServer();
    const page = await browser.newPage();
    const { redirected } = await interceptCallback(page, server.url);
    const query = new URLSearchParams({
      client_id: 'gusto-client',
      redirect_uri: callbackUri,
      response_type: 'code',
      state: 'browser-state-1',
    });
    const shown = await page.goto(`${server.url}/gusto/oauth/authorize?${query}`);
    expect(shown?.status()).toBe(200);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('gusto-client');
    expect(await page.locator('body').textContent()).toContain('companies:read');
    const radios = page.getByRole('radio');
    expect(await radios.count()).toBe(2);
    await screenshot(page, 'gusto-consent.png');

    // Keyboard only: the arrow moves the one selection to the second company, Tab reaches Allow.
    await page.getByRole('radio', { name: /Acme Payroll/ }).focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('radio', { name: /Globex Payroll/ }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: /Acme Payroll/ }).isChecked()).toBe(false);
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Allow');
    await page.keyboard.press('Enter');

    const callback = await redirected;
    expect(`${callback.origin}${callback.pathname}`).toBe(callbackUri);
    expect(callback.searchParams.get('state')).toBe('browser-state-1');
    const code = callback.searchParams.get('code') ?? '';
    expect(code).not.toBe('');

    const exchanged = await postJson(`${server.url}/gusto/oauth/token`, {
      client_id: 'gusto-client',
      client_secret: 'gusto-secret',
      grant_type: 'authorization_code',
      code,
      redirect_uri: callbackUri,
    });
    expect(exchanged.status).toBe(200);
    const tokens = (await exchanged.json()) as { access_token: string; refresh_token: string };
    const info = await fetch(`${server.url}/gusto/v1/token_info`, { headers: bearer(tokens.access_token) });
    expect(info.status).toBe(200);
    expect(((await info.json()) as { resource: { uuid: string } }).resource).toEqual({
      type: 'Company',
      uuid: globex,
    });
    const other = await fetch(`${server.url}/gusto/v1/companies/${acme}`, {
      headers: bearer(tokens.access_token),
    });
    expect(other.status).toBe(403);
    await page.close();
  });

  it('shows an unregistered redirect_uri on the page instead of going there', async () => {
    const server = await startTestServer();
    const page = await browser.newPage();
    const query = new URLSearchParams({
      client_id: 'gusto-client',
      redirect_uri: 'https://attacker.example/steal',
      response_type: 'code',
    });
    const shown = await page.goto(`${server.url}/gusto/oauth/authorize?${query}`);
    expect(shown?.status()).toBe(400);
    expect(page.url()).toContain(server.url);
    expect(await page.getByRole('alert').textContent()).toContain('not registered');
    await page.close();
  });
});
