import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/index.js';
import { dialects } from '../../src/providers/registry.js';
import {
  controlRequestArbitrary,
  errorShapeProblem,
  type FuzzRequest,
  type FuzzResponse,
  type KnownValues,
  newAgent,
  providerRequestArbitrary,
  send,
  sendAll,
} from '../support/fuzz.js';
import { basic, postForm, postJson, startTestServer } from '../support/server.js';

/**
 * PRODUCT.md: "Malformed input of any kind gets a 4xx in the provider's error shape: never a 5xx, never a
 * crash. Bodies over 1 MiB get 413." Over 10,000 generated requests per run hit every route of every
 * dialect's table, paths no route serves, and the control plane, through one server and ten keep-alive
 * connections.
 *
 * The server gets a no-op inspector: Prism contract validation of 10k deliberately broken exchanges takes
 * minutes (and Prism's own validator throws on malformed percent-encoding); the properties check status and
 * error shape themselves. The Prism mock fallback stays on, as in production.
 */

const batch = 25;
const concurrency = 10;
const providerRuns = 320; // 8,000 requests
const controlRuns = 100; // 2,500 requests

const agent = newAgent();
afterAll(() => agent.destroy());

let sent = 0;
/** Distinct problems, by request line and status: the whole run's, not only the first. */
const problems = new Map<string, string>();
// FUZZ_SEED=<n> replays a run.
const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));

async function tokenOf(res: Response): Promise<string> {
  const body = (await res.json()) as { access_token?: string };
  if (res.status !== 200 || body.access_token === undefined) throw new Error(`no token: ${res.status}`);
  return body.access_token;
}

async function knownValues(server: RunningServer): Promise<KnownValues> {
  const url = server.url;
  const tokens = [
    await tokenOf(
      await postForm(
        `${url}/tight/v6/auth/token`,
        {},
        { authorization: basic('tight-client', 'tight-secret') },
      ),
    ),
    await tokenOf(
      await postForm(`${url}/hurdlr/v4/auth/token`, {
        client_id: 'hurdlr-client',
        client_secret: 'hurdlr-secret',
        grant_type: 'client_credentials',
        userId: 'hurdlr-user-1',
      }),
    ),
    await tokenOf(
      await postForm(`${url}/tink/api/v1/oauth/token`, {
        client_id: 'tink-client',
        client_secret: 'tink-secret',
        grant_type: 'client_credentials',
        scope: 'user:create,authorization:grant',
      }),
    ),
    await tokenOf(
      await postForm(
        `${url}/uphold/core/oauth2/token`,
        { grant_type: 'client_credentials' },
        { authorization: basic('uphold-client', 'uphold-secret') },
      ),
    ),
    await tokenOf(
      await postJson(`${url}/gusto/oauth/token`, {
        client_id: 'gusto-client',
        client_secret: 'gusto-secret',
        grant_type: 'system_access',
      }),
    ),
    await tokenOf(
      await postJson(`${url}/gusto/oauth/token`, {
        client_id: 'gusto-client',
        client_secret: 'gusto-secret',
        grant_type: 'refresh_token',
        refresh_token: 'gusto-legacy-refresh-token-acme-and-globex-000',
      }),
    ),
  ];
  const scenario = server.engine.scenario.raw;
  const clients: KnownValues['clients'] = [];
  const providers = (
    scenario as { providers: Record<string, { clients?: { clientId: string; clientSecret: string }[] }> }
  ).providers;
  for (const section of Object.values(providers))
    for (const c of section.clients ?? []) clients.push({ id: c.clientId, secret: c.clientSecret });
  const companies = (await server.engine.store.list('company')).map((c) => c.id);
  const users = (await server.engine.store.list('user')).map((u) => u.id);
  return { tokens, clients, companies, users };
}

/** What is wrong with one answer: a 5xx, or a JSON error outside its endpoint's shape. */
function problemWith(req: FuzzRequest, res: FuzzResponse): string | undefined {
  const describe = `${req.method} ${req.url.slice(0, 200)} -> ${res.status}`;
  if (res.status >= 500 || res.status < 100) return `${describe}: ${res.body.toString('utf8').slice(0, 300)}`;
  const type = String(res.headers['content-type'] ?? '');
  if (res.status < 400 || !type.includes('json') || req.method === 'HEAD') return undefined;
  let body: unknown;
  try {
    body = JSON.parse(res.body.toString('utf8'));
  } catch {
    return `${describe}: the JSON error body does not parse`;
  }
  const problem = errorShapeProblem(req.target, req.method, res.status, type, body);
  return problem === undefined
    ? undefined
    : `${describe}: ${problem}: ${res.body.toString('utf8').slice(0, 300)}`;
}

async function sendBatch(server: RunningServer, requests: FuzzRequest[]): Promise<void> {
  const answers = await sendAll(new URL(server.url), agent, requests, concurrency);
  sent += answers.length;
  answers.forEach((res, i) => {
    const req = requests[i];
    const problem = req ? problemWith(req, res) : 'missing request';
    if (problem) problems.set(`${req?.method} ${req?.url.split('?')[0]} ${res.status}`, problem);
  });
}

async function healthy(server: RunningServer): Promise<void> {
  const res = await fetch(`${server.url}/__sandbox/health`);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ status: 'ok' });
}

describe('every endpoint under malformed input', () => {
  let server: RunningServer;
  let known: KnownValues;
  let tenant: string;

  it('answers generated malformed requests to every provider route with a 4xx in the provider’s shape', async () => {
    server = await startTestServer({
      inspector: async () => undefined,
      // A handler that throws is answered with the provider's 500; the log says why.
      logger: {
        error: (details, message) => {
          const err = 'err' in details ? details.err : undefined;
          problems.set(
            `logged ${message} ${String(err)}`,
            `${message}: ${err instanceof Error ? err.stack : String(err)}`,
          );
        },
      },
    });
    known = await knownValues(server);
    const created = await postJson(`${server.url}/__sandbox/tenants`, {});
    tenant = ((await created.json()) as { id: string }).id;
    await fc.assert(
      fc.asyncProperty(
        fc.array(providerRequestArbitrary(known), { minLength: batch, maxLength: batch }),
        async (requests) => {
          await sendBatch(server, requests);
        },
      ),
      { numRuns: providerRuns, seed },
    );
    // The control plane, including the journal of everything just sent.
    await fc.assert(
      fc.asyncProperty(
        fc.array(controlRequestArbitrary(known, tenant), { minLength: batch, maxLength: batch }),
        async (requests) => {
          await sendBatch(server, requests);
        },
      ),
      { numRuns: controlRuns, seed },
    );
    // Every problem of the run at once (with the seed to replay it), rather than a shrunk first one.
    expect([...problems.values()], `FUZZ_SEED=${seed}`).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(10_000);
    await healthy(server);
    const journal = await fetch(`${server.url}/__sandbox/requests?limit=1000`);
    expect(journal.status).toBe(200);
    await journal.arrayBuffer();
  }, 180_000);

  it('answers a body over 1 MiB with 413 on every route, in each provider’s shape and on the control plane', async () => {
    const server = await startTestServer({ inspector: async () => undefined });
    const base = new URL(server.url);
    const big = Buffer.alloc(1024 * 1024 + 1, 'a');
    const requests: FuzzRequest[] = dialects.flatMap((d) =>
      d.routes.map((route) => ({
        method: route.method === 'GET' ? 'POST' : route.method,
        url: `/${d.id}${route.path.replace(/\{\w+\}/g, 'x')}`,
        headers: { 'content-type': 'application/json' },
        body: big,
        target: { kind: 'provider' as const, provider: d.id, path: route.path.replace(/\{\w+\}/g, 'x') },
      })),
    );
    for (const path of [
      '/__sandbox/scenario',
      '/__sandbox/clock',
      '/__sandbox/faults',
      '/__sandbox/tokens/revoke',
    ])
      requests.push({
        method: 'POST',
        url: path,
        headers: { 'content-type': 'application/json' },
        body: big,
        target: { kind: 'control' },
      });
    for (const req of requests) {
      // A fresh connection each: the server closes one whose body it refused.
      const res = await send(base, newAgent(), req);
      expect(res.status, `${req.method} ${req.url}`).toBe(413);
      expect(problemWith(req, res), `${req.method} ${req.url}`).toBeUndefined();
    }
    await healthy(server);
  }, 60_000);

  it('answers headers over 16 KiB with 431 in the shape of the provider named, and keeps serving', async () => {
    const server = await startTestServer({ inspector: async () => undefined });
    const base = new URL(server.url);
    const targets: [string, FuzzRequest['target']][] = [
      ['/tink/api/v1/oauth/token', { kind: 'provider', provider: 'tink', path: '/api/v1/oauth/token' }],
      ['/gusto/v1/token_info', { kind: 'provider', provider: 'gusto', path: '/v1/token_info' }],
      ['/uphold/core/oauth2/token', { kind: 'provider', provider: 'uphold', path: '/core/oauth2/token' }],
      ['/tight/v6/company/query', { kind: 'provider', provider: 'tight', path: '/v6/company/query' }],
      ['/hurdlr/v4/auth/token', { kind: 'provider', provider: 'hurdlr', path: '/v4/auth/token' }],
      ['/__sandbox/health', { kind: 'control' }],
    ];
    for (const [url, target] of targets) {
      const req: FuzzRequest = { method: 'GET', url, headers: { 'x-huge': 'a'.repeat(17 * 1024) }, target };
      const res = await send(base, newAgent(), req);
      expect(res.status, url).toBe(431);
      expect(String(res.headers['content-type']), url).toMatch(/json/);
      expect(problemWith(req, res), url).toBeUndefined();
    }
    await healthy(server);
  });
});
