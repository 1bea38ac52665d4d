// Memory and token-check latency with N live access tokens, then the sweep.
// Usage: node --expose-gc bench/memory.mjs N [--in-turns]  -> one JSON line on stdout.
// With --in-turns the HTTP token checks are timed when the parent asks: the child prints "ready", then
// times one batch per "check" line on stdin (printing "checked K"), and goes on at "done". The bench keeps
// every size's child alive and goes round them, so that a slow spell of the machine falls on all sizes.
// Builds a sandbox in-process from dist/, inserts N access-token records straight into its store (opaque
// 43-character values, the Gusto shape; per-token scope and company arrays, as issuance makes them), then
// times two things on random live tokens: the token check as a client sees it (sequential keep-alive
// `GET /gusto/v1/token_info` round trips over loopback, served by the real node:http server), and the
// bare store lookup (Grants.checkBearer) alone. Then it advances the clock past expiry, sweeps and measures
// memory again.
import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { createInterface } from 'node:readline';
import { createTenants } from '../dist/index.js';
import { listen } from '../dist/server/server.js';
import { median } from './lib.mjs';

const count = Number(process.argv[2] ?? 1000);
const gc = /** @type {(() => void) | undefined} */ (globalThis.gc);
if (!gc) throw new Error('run with --expose-gc');

/** Several full collections: the young generation first, then old space. */
function collect() {
  for (let i = 0; i < 4; i++) gc?.();
}

function memory() {
  collect();
  const usage = process.memoryUsage();
  return { rssMB: usage.rss / 2 ** 20, heapUsedMB: usage.heapUsed / 2 ** 20 };
}

const tenants = await createTenants();
const engine = tenants.main;
const before = memory();

const lifetimeSeconds = 3600;
const issuedAt = engine.clock.now();
/** @type {string[]} */
const values = new Array(count);
const batch = 4096;
for (let start = 0; start < count; start += batch) {
  const n = Math.min(batch, count - start);
  const bytes = randomBytes(32 * n);
  for (let i = 0; i < n; i++) {
    const value = bytes.subarray(i * 32, i * 32 + 32).toString('base64url');
    values[start + i] = value;
    await engine.store.upsert('accessToken', {
      value,
      provider: 'gusto',
      kind: 'system',
      clientId: 'gusto-client',
      companies: [],
      scopes: ['public', 'partner_managed_companies:manage'],
      issuedAt,
      expiresAt: issuedAt + lifetimeSeconds * 1000,
      firstUsedAt: issuedAt,
    });
  }
}
const loaded = memory();

// Token check: random tokens (random access is what a big map costs), timed in batches of 100 calls.
const samples = 20_000;
const perBatch = 100;
/** @type {{ provider: 'gusto', method: string, path: string, query: URLSearchParams, headers: Record<string, string>, rawBody: Buffer }[]} */
const requests = [];
for (let i = 0; i < samples; i++) {
  const value = values[Math.floor(Math.random() * count)];
  requests.push({
    provider: 'gusto',
    method: 'GET',
    path: '/v1/token_info',
    query: new URLSearchParams(),
    headers: { authorization: `Bearer ${value}` },
    rawBody: Buffer.alloc(0),
  });
}

/** @returns {Promise<number[]>} per-call microseconds, one figure per batch */
async function timeChecks() {
  /** @type {number[]} */
  const perCall = [];
  for (let start = 0; start < samples; start += perBatch) {
    const t0 = performance.now();
    for (let i = start; i < start + perBatch; i++) {
      const check = await engine.grants.checkBearer('gusto', /** @type {never} */ (requests[i]));
      if (!check.ok) throw new Error(`token check failed: ${check.reason}`);
    }
    perCall.push(((performance.now() - t0) * 1000) / perBatch);
  }
  return perCall;
}

await timeChecks(); // warm-up: JIT and caches
collect();
const timed = [...(await timeChecks()), ...(await timeChecks()), ...(await timeChecks())];
const lookupMicros = median(timed);

// The token-checked call over HTTP: one keep-alive connection, one request at a time.
const server = await listen(tenants, { port: 0, connectionRateLimit: false });
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
/** @param {string} token @returns {Promise<number>} status */
function tokenInfo(token) {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: '/gusto/v1/token_info',
        agent,
        headers: { authorization: `Bearer ${token}` },
      },
      (res) => {
        res.resume();
        res.once('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.once('error', reject);
    req.end();
  });
}
const httpSamples = Number(process.env.BENCH_HTTP_CHECKS ?? 5000);
/** @returns {Promise<number[]>} per-request microseconds */
async function timeHttpChecks() {
  /** @type {number[]} */
  const times = [];
  for (let i = 0; i < httpSamples; i++) {
    const value = values[Math.floor(Math.random() * count)] ?? '';
    const t0 = performance.now();
    const status = await tokenInfo(value);
    times.push((performance.now() - t0) * 1000);
    if (status !== 200) throw new Error(`token_info answered ${status}`);
  }
  return times;
}
await timeHttpChecks(); // warm-up
/** @type {number[]} */
const httpTimes = [];
if (process.argv.includes('--in-turns')) {
  process.stdout.write('ready\n');
  let turn = 0;
  for await (const line of createInterface({ input: process.stdin })) {
    if (line.trim() === 'done') break;
    httpTimes.push(...(await timeHttpChecks()));
    process.stdout.write(`checked ${++turn}\n`);
  }
} else {
  httpTimes.push(...(await timeHttpChecks()), ...(await timeHttpChecks()));
}
const checkMicros = median(httpTimes);
agent.destroy();
await server.close();

// Expire everything, sweep, and see the memory come back.
engine.clock.advance(lifetimeSeconds + 1);
const sweepStarted = performance.now();
const swept = await engine.store.sweep(engine.clock.now());
const sweepMs = performance.now() - sweepStarted;
values.length = 0;
requests.length = 0;
const afterSweep = memory();
const left = (await engine.store.list('accessToken')).length;

process.stdout.write(
  `${JSON.stringify({
    tokens: count,
    before,
    loaded,
    checkMicros,
    httpChecks: httpTimes.length,
    lookupMicros,
    checkBatches: timed.length,
    swept,
    sweepMs,
    left,
    afterSweep,
  })}\n`,
);
