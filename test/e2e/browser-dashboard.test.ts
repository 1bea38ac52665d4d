import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/index.js';
import { launchChromium, screenshot } from '../support/browser.js';
import { basic, bearer, postForm, postJson, startTestServer } from '../support/server.js';

const acme = '7b1d0df1-6a6b-4c1e-9b0e-2f8a5c3d4e51';
const gustoApp = { client_id: 'gusto-client', client_secret: 'gusto-secret' };

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

async function gusto<T>(server: RunningServer, fields: Record<string, string>): Promise<T> {
  const res = await postJson(`${server.url}/gusto/oauth/token`, { ...gustoApp, ...fields });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

/** Some history to look at: a Gusto legacy grant refreshed and exchanged for strict tokens, one used. */
async function gustoLineage(server: RunningServer): Promise<void> {
  const legacy = await gusto<{ access_token: string }>(server, {
    grant_type: 'refresh_token',
    refresh_token: 'gusto-legacy-refresh-token-acme-and-globex-000',
  });
  const pairs = await gusto<{ access_token: string; resource_uuid: string }[]>(server, {
    grant_type: 'strict_access',
    access_token: legacy.access_token,
  });
  const strict = pairs.find((p) => p.resource_uuid === acme)?.access_token ?? '';
  expect((await fetch(`${server.url}/gusto/v1/token_info`, { headers: bearer(strict) })).status).toBe(200);
}

const tightRow = 'tr[data-provider="tight"][data-kind="client"]';

describe('dashboard in a browser', () => {
  it('turns a token from active to expired after a clock advance clicked in the page, live, without a reload', async () => {
    const server = await startTestServer();
    await gustoLineage(server);
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(`${server.url}/__sandbox/`);
    await page.waitForSelector('#live-indicator[data-live="true"]');
    await page.evaluate('window.sandboxMarker = "same page"');

    // A provider call made outside the page shows up through the event stream alone.
    const issued = await postForm(
      `${server.url}/tight/v6/auth/token`,
      { grant_type: 'client_credentials' },
      { authorization: basic('tight-client', 'tight-secret') },
    );
    expect(issued.status).toBe(200);
    await page.waitForSelector(`${tightRow}[data-status="active"]`);
    expect(await page.locator(`${tightRow} .countdown`).textContent()).toBe('1h 0m 0s');
    expect(await page.locator('#grants').textContent()).toContain('lost Acme Payroll to strict');
    await screenshot(page, 'dashboard.png');

    await page.getByRole('button', { name: '+1 day' }).click();
    await page.waitForSelector(`${tightRow}[data-status="expired"]`);
    expect(await page.locator(`${tightRow} [data-role="status"]`).textContent()).toBe('expired');
    expect(await page.locator('#sandbox-clock').textContent()).toBe('2026-01-02T00:00:00Z');
    expect(await page.locator(`${tightRow} .countdown`).textContent()).toBe('expired 23h 0m 0s ago');
    expect(await page.evaluate('window.sandboxMarker')).toBe('same page');
    await page.close();
  });

  it('revokes a token and blocks a user from the page, and reports a refused fault on the page', async () => {
    const server = await startTestServer();
    const issued = await postForm(
      `${server.url}/tight/v6/auth/token`,
      { grant_type: 'client_credentials' },
      { authorization: basic('tight-client', 'tight-secret') },
    );
    const { access_token } = (await issued.json()) as { access_token: string };
    const page = await browser.newPage();
    await page.goto(`${server.url}/__sandbox/`);
    await page.waitForSelector('#live-indicator[data-live="true"]');

    await page.locator(`${tightRow} button[data-action="revoke"]`).click();
    await page.waitForSelector(`${tightRow}[data-status="revoked"]`);
    const refused = await postJson(`${server.url}/tight/v6/company/query`, {}, bearer(access_token));
    expect(refused.status).toBe(401);

    const active = 'tr[data-user="0b7c1a52-7f0e-4d52-9a3e-3c1f2f6d9a11"]';
    await page.locator(`${active} button[data-action="block"]`).click();
    await page.waitForSelector(`${active} button[data-action="unblock"]`);

    // The form checks what a browser can (status 100-599); the server refuses the rest, named by key.
    await page.locator('#fault-form input[name="path"]').fill('oauth/token');
    await page.getByRole('button', { name: 'Arm fault' }).click();
    await page.waitForSelector('#notice.error');
    expect(await page.locator('#notice').textContent()).toMatch(/^The fault is not valid\. path: /);
    await page.locator('#fault-form input[name="path"]').fill('/gusto/oauth/token');
    await page.locator('#fault-form select[name="error"]').selectOption('temporarily_unavailable');
    await page.getByRole('button', { name: 'Arm fault' }).click();
    await page.waitForSelector('#faults tbody tr');
    expect(await page.locator('#faults').textContent()).toContain('temporarily_unavailable');
    await page.close();
  });
});
