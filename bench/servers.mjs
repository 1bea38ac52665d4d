// The servers the bench compares and the load each one gets: the ceiling, the two peers and ours.
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import { basic, form, freePort, root, send, startChild, untilOk } from './lib.mjs';

export const node = process.execPath;
export const prismBin = realpathSync(resolve(root, 'node_modules/.bin/prism'));
export const oauth2MockBin = resolve(root, 'node_modules/oauth2-mock-server/dist/oauth2-mock-server.mjs');

// ---------------------------------------------------------------------------------------------------
// The servers

const tinkClientForm = form({
  client_id: 'tink-client',
  client_secret: 'tink-secret',
  grant_type: 'client_credentials',
  scope: 'authorization:grant',
});
const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' };
const jsonHeaders = { 'content-type': 'application/json' };
const tinkUserId = '6e68cc6287704273984567b3300c5822';
const gustoLegacyRefresh = 'gusto-legacy-refresh-token-acme-and-globex-000';

/** @typedef {{ port: number, child: import('./lib.mjs').Child }} Running */

/**
 * `auth-sandbox start --port 0`; resolves once it prints its URL and answers its health check. Prism is
 * not loaded: the CLI imports it on the first request no stateful route handles (or at start with
 * --validate), and none of the measured requests is one.
 * @param {string[]} [nodeOptions] e.g. --cpu-prof
 * @returns {Promise<Running>}
 */
export async function startOurs(nodeOptions = []) {
  const child = startChild(node, [...nodeOptions, 'dist/cli.js', 'start', '--port', '0']);
  const match = await child.waitFor(/listening on http:\/\/127\.0\.0\.1:(\d+)/);
  const port = Number(match[1]);
  await untilOk(() => port, { method: 'GET', path: '/__sandbox/health' });
  return { port, child };
}

/**
 * One of the bench's hand-written servers (bench/bare-server.mjs): the ceiling or an HS256 reference.
 * @param {string} script its path from the package root
 * @param {string[]} [args] what follows the port
 * @returns {Promise<Running>}
 */
export async function startBare(script, args = []) {
  const child = startChild(node, [script, '0', ...args]);
  const match = await child.waitFor(/listening (\d+)/);
  return { port: Number(match[1]), child };
}

/** @returns {Promise<Running>} */
export async function startPrism() {
  const port = await freePort();
  const child = startChild(node, [
    prismBin,
    'mock',
    '-h',
    '127.0.0.1',
    '-p',
    String(port),
    '-v',
    'silent',
    'openapi/tink.yaml',
  ]);
  await untilOk(() => port, prismTokenProbe, 60_000);
  return { port, child };
}

/** @returns {Promise<Running>} */
export async function startOauth2Mock() {
  const port = await freePort();
  const child = startChild(node, [oauth2MockBin, '-a', '127.0.0.1', '-p', String(port)]);
  await child.waitFor(/listening on/);
  return { port, child };
}

/** @type {import('./lib.mjs').Probe} */
export const prismTokenProbe = {
  method: 'POST',
  path: '/api/v1/oauth/token',
  headers: formHeaders,
  body: tinkClientForm,
};
/** @type {import('./lib.mjs').Probe} */
export const oauth2MockProbe = {
  method: 'POST',
  path: '/token',
  headers: { ...formHeaders, authorization: basic('bench-client', 'bench-secret') },
  body: form({ grant_type: 'client_credentials', scope: 'read' }),
};
/** @type {import('./lib.mjs').Probe} */
export const oursTinkProbe = { ...prismTokenProbe, path: '/tink/api/v1/oauth/token' };

/** @param {number} port @param {import('./lib.mjs').Probe} probe */
async function json(port, probe) {
  const res = await send(port, probe);
  if (res.status < 200 || res.status > 299) {
    throw new Error(`${probe.method} ${probe.path} -> ${res.status} ${res.body.slice(0, 300)}`);
  }
  return JSON.parse(res.body);
}

/** A Tink user token: client token -> authorization-grant -> authorization_code exchange. @param {number} port */
async function tinkUserToken(port) {
  const client = await json(port, oursTinkProbe);
  const { code } = await json(port, {
    method: 'POST',
    path: '/tink/api/v1/oauth/authorization-grant',
    headers: { ...formHeaders, authorization: `Bearer ${client.access_token}` },
    body: form({ user_id: tinkUserId, scope: 'accounts:read' }),
  });
  const user = await json(port, {
    method: 'POST',
    path: '/tink/api/v1/oauth/token',
    headers: formHeaders,
    body: form({
      client_id: 'tink-client',
      client_secret: 'tink-secret',
      grant_type: 'authorization_code',
      code,
    }),
  });
  return /** @type {string} */ (user.access_token);
}

/** @param {string} refreshToken */
const gustoRefreshBody = (refreshToken) =>
  JSON.stringify({
    client_id: 'gusto-client',
    client_secret: 'gusto-secret',
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
  });

/**
 * Gusto refresh with rotation: every request presents a refresh token nobody has used yet, and the one it
 * gets back goes into the pool for a later request (a chain per request slot). The pool is seeded by
 * refreshing the scenario's legacy grant (its refresh token stays valid while the new access tokens are
 * unused, so it can seed many chains).
 * @param {number} port
 */
function gustoRefreshPool(port) {
  /** @type {string[]} */
  const pool = [];
  const state = { used: 0, returned: 0, starved: 0, bad: 0, last: '' };
  return {
    state,
    /** Brings the pool up to `size` fresh tokens (in-flight tokens are lost when a run stops). @param {number} size */
    async topUp(size) {
      while (pool.length < size) {
        const pair = await json(port, {
          method: 'POST',
          path: '/gusto/oauth/token',
          headers: jsonHeaders,
          body: gustoRefreshBody(gustoLegacyRefresh),
        });
        pool.push(pair.refresh_token);
      }
    },
    /** @type {NonNullable<import('autocannon').Options['requests']>} */
    requests: [
      {
        setupRequest(req) {
          const token = pool.shift();
          if (token === undefined) state.starved++;
          state.used++;
          return { ...req, body: gustoRefreshBody(token ?? state.last) };
        },
        onResponse(status, body) {
          if (status !== 200) {
            state.bad++;
            return;
          }
          const next = JSON.parse(body).refresh_token;
          if (typeof next !== 'string') {
            state.bad++;
            return;
          }
          state.returned++;
          state.last = next;
          pool.push(next);
        },
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------------
// Throughput

/**
 * @typedef {object} Target
 * @property {string} id
 * @property {'ceiling' | 'peer' | 'ours' | 'reference'} group
 * @property {string} label
 * @property {() => Promise<Running>} start
 * @property {(port: number, connections: number) => Promise<Load>} load
 */
/**
 * @typedef {object} Load
 * @property {string} method
 * @property {string} path
 * @property {Record<string, string>} [headers]
 * @property {string} [body]
 * @property {import('autocannon').Options['requests']} [requests]
 * @property {() => Promise<void>} [beforeRun]
 * @property {() => string | undefined} [check] a problem seen by the request hooks, if any
 */

/** Uphold's client_credentials token request (ours and the hand-written reference answer it alike). */
const upholdTokenProbe = {
  method: 'POST',
  path: '/uphold/core/oauth2/token',
  headers: { ...formHeaders, authorization: basic('uphold-client', 'uphold-secret') },
  body: form({ grant_type: 'client_credentials', scope: 'core.users:read core.accounts:read' }),
};

/** @param {import('./lib.mjs').Probe} probe @returns {Promise<Load>} */
const fixedLoad = async (probe) => ({ ...probe });

/** @type {Target[]} */
export const targets = [
  {
    id: 'ceiling',
    group: 'ceiling',
    label: 'node:http fixed token JSON (ceiling)',
    start: () => startBare('bench/ceiling.mjs'),
    load: () =>
      fixedLoad({
        method: 'POST',
        path: '/oauth/token',
        headers: jsonHeaders,
        body: JSON.stringify({
          client_id: 'gusto-client',
          client_secret: 'gusto-secret',
          grant_type: 'system_access',
        }),
      }),
  },
  {
    id: 'prism',
    group: 'peer',
    label: 'Prism CLI mock, Tink token (static example)',
    start: startPrism,
    load: () => fixedLoad(prismTokenProbe),
  },
  {
    id: 'oauth2-mock-server',
    group: 'peer',
    label: 'oauth2-mock-server client_credentials (RS256)',
    start: startOauth2Mock,
    load: () => fixedLoad(oauth2MockProbe),
  },
  {
    id: 'tink-es256',
    group: 'ours',
    label: 'ours: Tink client_credentials (ES256)',
    start: startOurs,
    load: () => fixedLoad(oursTinkProbe),
  },
  {
    id: 'uphold-hs256',
    group: 'ours',
    label: 'ours: Uphold client_credentials (HS256)',
    start: startOurs,
    load: () => fixedLoad(upholdTokenProbe),
  },
  {
    id: 'reference-hs256-keep',
    group: 'reference',
    label: 'reference: hand-written HS256 issuer keeping each token in a Map',
    start: () => startBare('bench/reference-hs256.mjs', ['keep']),
    load: () => fixedLoad(upholdTokenProbe),
  },
  {
    id: 'reference-hs256-none',
    group: 'reference',
    label: 'reference: hand-written HS256 issuer keeping nothing',
    start: () => startBare('bench/reference-hs256.mjs', ['none']),
    load: () => fixedLoad(upholdTokenProbe),
  },
  {
    id: 'reference-hs256-bare',
    group: 'reference',
    label: 'reference: bare HS256 issuer with every shortcut, keeping nothing',
    start: () => startBare('bench/reference-hs256-bare.mjs'),
    load: () => fixedLoad(upholdTokenProbe),
  },
  {
    id: 'gusto-system-opaque',
    group: 'ours',
    label: 'ours: Gusto system_access (opaque)',
    start: startOurs,
    load: () =>
      fixedLoad({
        method: 'POST',
        path: '/gusto/oauth/token',
        headers: jsonHeaders,
        body: JSON.stringify({
          client_id: 'gusto-client',
          client_secret: 'gusto-secret',
          grant_type: 'system_access',
        }),
      }),
  },
  {
    id: 'tight-rs256',
    group: 'ours',
    label: 'ours: Tight client_credentials (RS256)',
    start: startOurs,
    load: () =>
      fixedLoad({
        method: 'POST',
        path: '/tight/v6/auth/token',
        headers: { ...formHeaders, authorization: basic('tight-client', 'tight-secret') },
        body: form({ grant_type: 'client_credentials' }),
      }),
  },
  {
    id: 'gusto-refresh-rotation',
    group: 'ours',
    label: 'ours: Gusto refresh_token (rotation, chained)',
    start: startOurs,
    async load(port, connections) {
      const chain = gustoRefreshPool(port);
      const size = connections * 3;
      await chain.topUp(size);
      return {
        method: 'POST',
        path: '/gusto/oauth/token',
        headers: jsonHeaders,
        body: gustoRefreshBody(gustoLegacyRefresh),
        requests: chain.requests,
        beforeRun: () => chain.topUp(size),
        check() {
          const { starved, bad, used, returned } = chain.state;
          if (starved > 0 || bad > 0) {
            return `refresh chain broke: ${starved} requests found no fresh token, ${bad} answers had none (${used} sent, ${returned} rotated)`;
          }
          return undefined;
        },
      };
    },
  },
  {
    id: 'tink-accounts-checked',
    group: 'ours',
    label: 'ours: GET /tink/data/v2/accounts (user token checked)',
    start: startOurs,
    async load(port) {
      const token = await tinkUserToken(port);
      return { method: 'GET', path: '/tink/data/v2/accounts', headers: { authorization: `Bearer ${token}` } };
    },
  },
];

/**
 * One autocannon run against `port`.
 * @param {number} port
 * @param {Load} load
 * @param {number} seconds
 * @param {number} connections
 */
export function cannon(port, load, seconds, connections) {
  /** @type {import('autocannon').Options} */
  const options = {
    url: `http://127.0.0.1:${port}${load.path}`,
    method: /** @type {import('autocannon').Request['method']} */ (load.method),
    connections,
    duration: seconds,
    headers: load.headers ?? {},
  };
  if (load.body !== undefined) options.body = load.body;
  if (load.requests !== undefined) options.requests = load.requests;
  return autocannon(options);
}
