import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`; .ci/run installs it). playwright-core downloads no browser. */
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new Error(
      `No Chromium at ${executablePath}: install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/** The registered redirect URI of the default scenario's clients; no server runs there. */
export const callbackUri = 'http://localhost:3000/callback';

/**
 * Catches the provider's redirect to the callback (nothing listens on localhost:3000). Playwright routes
 * only the first URL of a redirect chain, so the page's navigations to the sandbox are fetched here without
 * following redirects: a 302 to the callback resolves `redirected` with its Location and the page shows a
 * stand-in callback page; every other answer reaches the page unchanged.
 */
export async function interceptCallback(
  page: Page,
  sandboxUrl: string,
): Promise<{ redirected: Promise<URL> }> {
  let resolve: (url: URL) => void = () => {};
  const redirected = new Promise<URL>((done) => {
    resolve = done;
  });
  await page.route(`${sandboxUrl}/**`, async (route) => {
    if (!route.request().isNavigationRequest()) return route.continue();
    const response = await route.fetch({ maxRedirects: 0 });
    const location = response.headers().location ?? '';
    if (response.status() !== 302 || !location.startsWith(callbackUri)) return route.fulfill({ response });
    resolve(new URL(location));
    return route.fulfill({ status: 200, contentType: 'text/html', body: '<p>callback reached</p>' });
  });
  return { redirected }; // wrapped: an async function would wait for a promise it returns
}

const screenshots = new URL('../../docs/screenshots/', import.meta.url);

/**
 * A full-page screenshot, checked to be a PNG. It replaces docs/screenshots/<name> (the README's pictures)
 * only with SCREENSHOTS=update, so a test run leaves the tree clean.
 */
export async function screenshot(page: Page, name: string): Promise<Buffer> {
  const png = await page.screenshot({ fullPage: true, type: 'png' });
  if (png.subarray(1, 4).toString('latin1') !== 'PNG') throw new Error('the screenshot is not a PNG');
  if (process.env.SCREENSHOTS === 'update') {
    await mkdir(screenshots, { recursive: true });
    await writeFile(new URL(name, screenshots), png);
  }
  return png;
}
