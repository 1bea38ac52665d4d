import { afterEach, beforeAll, expect } from 'vitest';
import { packageRoot, type RunningServer, type StartServerOptions, startServer } from '../../src/index.js';
import { createPrismLayer } from '../../src/prism/layer.js';
import { dialects } from '../../src/providers/registry.js';

const running: RunningServer[] = [];

/**
 * Every stateful exchange in the suite is validated against the provider's OpenAPI document by Prism; a
 * test fails if any response (or any 2xx answer to an invalid request) breaks the contract.
 */
const prism = createPrismLayer({ root: packageRoot, mode: 'collect' });

beforeAll(() => prism.warm(dialects), 60_000);

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
  expect(prism.takeViolations()).toEqual([]);
});

/**
 * A sandbox server on a free loopback port, closed after the test. The default scenario is loaded unless
 * the test passes its own; the clock starts frozen at 2026-01-01 so that times in assertions are exact.
 */
export async function startTestServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const server = await startServer({
    port: 0,
    fallback: prism.fallback,
    inspector: prism.inspector,
    ...options,
  });
  if (!options.clock) {
    // Freeze first, then set: set-then-freeze would keep the few ms that pass in between.
    server.engine.clock.freeze(true);
    server.engine.clock.set(Date.parse('2026-01-01T00:00:00Z'));
  }
  running.push(server);
  return server;
}

/** POST a form body. */
export function postForm(
  url: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

/** POST a JSON body. */
export function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

export function basic(clientId: string, clientSecret: string): string {
  return `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/** Advance the sandbox clock over HTTP, as a user would. */
export async function advanceClock(server: RunningServer, seconds: number): Promise<void> {
  const res = await postJson(`${server.url}/__sandbox/clock`, { advanceSeconds: seconds });
  if (res.status !== 200) throw new Error(`clock advance failed: ${res.status}`);
}
