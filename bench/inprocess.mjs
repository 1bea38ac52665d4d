// In-process mode: the round trip of a token request through msw, with our handlers or a fixed one.
// Usage: node bench/inprocess.mjs  -> one JSON line on stdout: {"modes": {"fixed": ..., "mint": ..., ...}}.
// The handler sets take turns in one process, in batches (fixed, mint, floor, ours, fixed, ...), so that
// a slow spell of the machine falls on all of them alike; each keeps its own times.
// `fixed` answers a fixed token JSON: the budget's reference. `floor` is a plain stateless handler doing
// the work any real answer needs: it reads the request body and mints the token (32 random bytes for
// Gusto, an ES256 JWT signed with node:crypto for Tink), for information; `mint` only mints (it reads no
// body), to show what minting alone costs. `ours` is
// createSandbox().mswHandlers() from dist/; the sandbox is created in every run (idle while the others
// take their turn), and without it the line says {"available": false} for ours.
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { median, percentile } from './lib.mjs';

const iterations = Number(process.env.BENCH_MSW_ITERATIONS ?? (process.env.BENCH_QUICK === '1' ? 500 : 3000));
const warmup = Math.max(100, Math.floor(iterations / 5));
/** Round trips per turn of one handler set. */
const batch = Math.min(250, iterations);

/**
 * The requests measured, as a partner's client sends them to the real provider hosts.
 * @type {{ name: string, url: string, init: RequestInit, fixed: Record<string, unknown>, mint: () => string }[]}
 */
const cases = [
  {
    name: 'gusto system_access (opaque)',
    url: 'https://api.gusto-demo.com/oauth/token',
    init: {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        client_id: 'gusto-client',
        client_secret: 'gusto-secret',
        grant_type: 'system_access',
      }),
    },
    fixed: {
      access_token: 'uDEYTm5b3HEMZliKXE7gaD4yxGMRgLJWQJjL2jIaRzM',
      token_type: 'Bearer',
      expires_in: 7200,
      scope: 'public partner_managed_companies:manage',
      created_at: 1795459598,
    },
    mint: () => randomBytes(32).toString('base64url'),
  },
  {
    name: 'tink client_credentials (ES256)',
    url: 'https://api.tink.com/api/v1/oauth/token',
    init: {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: 'tink-client',
        client_secret: 'tink-secret',
        grant_type: 'client_credentials',
        scope: 'authorization:grant',
      }).toString(),
    },
    fixed: {
      access_token: 'eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJ0aW5rOi8vYXV0aCJ9.c2lnbmF0dXJl',
      token_type: 'bearer',
      expires_in: 1800,
      scope: 'authorization:grant',
    },
    mint: es256Minter(),
  },
];

/** An ES256 JWT per call (Tink's claims), signed on the event loop as in-process mode does. */
function es256Minter() {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const key = { key: privateKey, dsaEncoding: /** @type {const} */ ('ieee-p1363') };
  const header = Buffer.from(JSON.stringify({ alg: 'ES256', kid: 'bench', typ: 'JWT' })).toString(
    'base64url',
  );
  return () => {
    const iat = Math.floor(Date.now() / 1000);
    const claims = {
      iss: 'tink://auth',
      sub: 'tink://auth/client/tink-client',
      iat,
      exp: iat + 1800,
      jti: randomBytes(16).toString('base64url'),
      scopes: ['authorization:grant'],
    };
    const input = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
    return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
  };
}

/** @returns {Promise<{ available: boolean, reason?: string, handlers?: unknown[] }>} */
async function ourHandlers() {
  /** @type {Record<string, unknown>} */
  const api = await import('../dist/index.js');
  const create = api.createSandbox;
  if (typeof create !== 'function') return { available: false, reason: 'createSandbox is not exported' };
  const sandbox = await create({});
  if (typeof sandbox?.mswHandlers !== 'function') {
    return { available: false, reason: 'createSandbox() has no mswHandlers()' };
  }
  return { available: true, handlers: sandbox.mswHandlers() };
}

const ours = await ourHandlers();
/** @param {(typeof cases)[number]} c */
const minted = (c) => HttpResponse.json({ ...c.fixed, access_token: c.mint() });
/**
 * Every handler set, in the order they take turns; ours is undefined when not available.
 * @type {Record<string, unknown[] | undefined>}
 */
const handlerSets = {
  fixed: cases.map((c) => http.post(c.url, () => HttpResponse.json(c.fixed))),
  mint: cases.map((c) => http.post(c.url, () => minted(c))),
  floor: cases.map((c) =>
    http.post(c.url, async ({ request }) => {
      await request.arrayBuffer();
      return minted(c);
    }),
  ),
  ours: ours.available ? ours.handlers : undefined,
};
const modes = Object.keys(handlerSets).filter((m) => handlerSets[m] !== undefined);

const server = setupServer();
server.listen({ onUnhandledRequest: 'error' });

/** @type {Record<string, { name: string, iterations: number, medianMicros: number, p99Micros: number }[]>} */
const results = Object.fromEntries(modes.map((m) => [m, []]));
for (const c of cases) {
  /** @param {string} mode @param {number} n @param {number[]} times */
  const run = async (mode, n, times) => {
    server.resetHandlers(.../** @type {never[]} */ (handlerSets[mode] ?? []));
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      const res = await fetch(c.url, c.init);
      const body = /** @type {{ access_token?: unknown } | null} */ (await res.json());
      times.push((performance.now() - t0) * 1000);
      if (res.status !== 200 || typeof body?.access_token !== 'string') {
        throw new Error(`${mode} ${c.name}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
      }
    }
  };
  for (const mode of modes) await run(mode, warmup, []);
  /** @type {Record<string, number[]>} */
  const times = Object.fromEntries(modes.map((m) => [m, []]));
  for (let done = 0; done < iterations; done += batch) {
    for (const mode of modes) await run(mode, Math.min(batch, iterations - done), times[mode] ?? []);
  }
  for (const mode of modes) {
    const mine = times[mode] ?? [];
    results[mode]?.push({
      name: c.name,
      iterations: mine.length,
      medianMicros: median(mine),
      p99Micros: percentile(mine, 99),
    });
  }
}
server.close();
process.stdout.write(
  `${JSON.stringify({
    modes: Object.fromEntries(
      Object.keys(handlerSets).map((mode) => [
        mode,
        results[mode] === undefined
          ? { available: false, reason: ours.reason }
          : { available: true, results: results[mode] },
      ]),
    ),
  })}\n`,
);
