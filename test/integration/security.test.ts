import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join, resolve } from 'node:path';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/engine/clock.js';
import { Grants } from '../../src/engine/grants.js';
import { MemoryStore } from '../../src/engine/memory-store.js';
import { cryptoRandom } from '../../src/engine/random.js';
import { createTenants, packageRoot, type RunningServer } from '../../src/index.js';
import { listen } from '../../src/server/server.js';
import { basic, bearer, postForm, postJson, startTestServer } from '../support/server.js';
import { tinkGrantCode, tinkUserTokens } from '../support/tink.js';

const redirectUri = 'http://localhost:3000/callback';
const verifier = 'a-sufficiently-long-pkce-code-verifier-of-43-chars-or-more-0123';
const challenge = createHash('sha256').update(verifier).digest('base64url');
const gustoApp = { client_id: 'gusto-client', client_secret: 'gusto-secret' };
const tinkClient = { client_id: 'tink-client', client_secret: 'tink-secret' };
const hurdlrClient = { client_id: 'hurdlr-client', client_secret: 'hurdlr-secret' };
const acme = '7b1d0df1-6a6b-4c1e-9b0e-2f8a5c3d4e51';

/** Servers made here with listen() directly (startTestServer closes its own). */
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function json(res: Response | Promise<Response>): Promise<Record<string, unknown>> {
  return (await (await res).json()) as Record<string, unknown>;
}

async function field(res: Promise<Response>, name: string): Promise<string> {
  const settled = await res;
  const body = (await settled.json()) as Record<string, unknown>;
  const value = body[name];
  if (settled.status !== 200 || typeof value !== 'string')
    throw new Error(`no ${name}: ${settled.status} ${JSON.stringify(body)}`);
  return value;
}

async function codeFromRedirect(url: string): Promise<string> {
  const res = await fetch(url, { redirect: 'manual' });
  const code = new URL(res.headers.get('location') ?? 'http://x/').searchParams.get('code');
  if (res.status !== 302 || !code) throw new Error(`no code: ${res.status} ${await res.text()}`);
  return code;
}

function authorizeQuery(clientId: string, extra: Record<string, string>): string {
  return new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: redirectUri,
    ...extra,
  }).toString();
}

const tightCode = (server: RunningServer) =>
  codeFromRedirect(
    `${server.url}/tight/v6/auth/authorize?${authorizeQuery('tight-client', {
      code_challenge: challenge,
      code_challenge_method: 'S256',
      login_hint: 'user_owner_acme',
      prompt: 'none',
    })}`,
  );
const hurdlrCode = (server: RunningServer) =>
  codeFromRedirect(
    `${server.url}/hurdlr/oauth/authorize?${authorizeQuery('hurdlr-client', { login_hint: 'hurdlr-user-1', prompt: 'none' })}`,
  );
const gustoCode = (server: RunningServer) =>
  codeFromRedirect(
    `${server.url}/gusto/oauth/authorize?${authorizeQuery('gusto-client', { company_uuid: acme, auto_approve: 'true' })}`,
  );

/** Runs `n` tasks, `concurrency` at a time. */
async function pooled<T>(n: number, concurrency: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        out[i] = await task(i);
      }
    }),
  );
  return out;
}

describe('client secrets are compared in constant time', () => {
  it('authenticateClient refuses a wrong secret of either length and an unknown client', async () => {
    const store = new MemoryStore();
    await store.upsert('client', {
      provider: 'tink',
      clientId: 'c',
      clientSecret: 'right-secret',
      scopes: [],
      redirectUris: [],
    });
    const grants = new Grants(store, fixedClock('2026-01-01T00:00:00Z'), cryptoRandom);
    expect(await grants.authenticateClient('tink', 'c', 'right-secret')).toMatchObject({ clientId: 'c' });
    expect(await grants.authenticateClient('tink', 'c', 'wrong-secret')).toBeUndefined();
    expect(await grants.authenticateClient('tink', 'c', 'short')).toBeUndefined();
    expect(await grants.authenticateClient('tink', 'nobody', 'right-secret')).toBeUndefined();
    expect(await grants.authenticateClient('gusto', 'c', 'right-secret')).toBeUndefined();
  });

  it('authenticateClient uses secretsEqual, and no source compares a secret with === or !==', () => {
    const grantsSource = readFileSync(resolve(packageRoot, 'src/engine/grants.ts'), 'utf8');
    const body = (name: string): string => {
      const method = grantsSource.slice(grantsSource.indexOf(name));
      return method.slice(0, method.indexOf('\n  }\n'));
    };
    // Both ways to a client (a synchronous store and an asynchronous one) compare in clientMatching.
    expect(body('  authenticateClient(').match(/this\.clientMatching\(/g)).toHaveLength(2);
    expect(body('private clientMatching(')).toMatch(/secretsEqual\(secret, /);
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (path.endsWith('.ts') && !path.includes('generated')) {
          readFileSync(path, 'utf8')
            .split('\n')
            .forEach((line, i) => {
              // Presence checks (=== undefined, !== '') are not comparisons of secret values.
              const compared = line.replace(
                /\s*[!=]==\s*(undefined|null|'')|(undefined|null|'')\s*[!=]==\s*/g,
                ' ',
              );
              if (
                /(secret|adminToken|password)\w*\s*[!=]==|[!=]==\s*[\w.]*(secret|adminToken|password)\b/i.test(
                  compared,
                )
              )
                offenders.push(`${path}:${i + 1}: ${line.trim()}`);
            });
        }
      }
    };
    walk(resolve(packageRoot, 'src'));
    expect(offenders).toEqual([]);
  });
});

/** Bits a sample of strings carries per the smallest standard alphabet that holds all of it. */
function estimatedBits(sample: string[]): number {
  const chars = new Set(sample.join(''));
  const alphabets: [RegExp, number][] = [
    [/^[0-9a-f]$/, 16],
    [/^[A-Za-z0-9_-]$/, 64],
  ];
  const size = alphabets.find(([pattern]) => [...chars].every((c) => pattern.test(c)))?.[1];
  if (size === undefined) return 0;
  // The sample must really use that alphabet: 1000 random tokens touch nearly every character of it.
  if (chars.size < size * 0.9) return 0;
  const shortest = Math.min(...sample.map((s) => s.length));
  return shortest * Math.log2(size);
}

function expectRandomOpaque(
  label: string,
  sample: string[],
  parts: (token: string) => string[] = (t) => [t],
) {
  expect(sample.length, label).toBeGreaterThanOrEqual(1000);
  expect(new Set(sample).size, `${label}: duplicates`).toBe(sample.length);
  const pieces = sample.map(parts);
  const bits = (pieces[0] ?? []).reduce((sum, _, i) => sum + estimatedBits(pieces.map((p) => p[i] ?? '')), 0);
  expect(bits, `${label}: bits of randomness`).toBeGreaterThanOrEqual(128);
}

/**
 * A signed JWT cannot be guessed without forging its signature (RS256/ES256 keys, or HS256 with a 256-bit
 * random key); its `jti` keeps two tokens of one second apart. All must be distinct.
 */
function expectDistinctSignedJwts(label: string, sample: string[]) {
  expect(sample.length, label).toBeGreaterThanOrEqual(1000);
  expect(new Set(sample).size, `${label}: duplicates`).toBe(sample.length);
  const jtis = new Set(sample.map((t) => decodeJwt(t).jti));
  expect(jtis.size, `${label}: jti`).toBe(sample.length);
  for (const token of sample.slice(0, 5)) {
    expect(['RS256', 'ES256', 'HS256']).toContain(decodeProtectedHeader(token).alg);
    const signature = Buffer.from(token.split('.')[2] ?? '', 'base64url');
    expect(signature.length * 8, `${label}: signature bits`).toBeGreaterThanOrEqual(256);
  }
}

describe('tokens and codes carry at least 128 bits of randomness', () => {
  it('samples 1000 of every kind per provider: no duplicates, and lengths and alphabets imply >= 128 bits', async () => {
    // No contract validation here: 10k well-formed exchanges are covered elsewhere; this is about values.
    const server = await startTestServer({ inspector: async () => undefined });
    const n = 1000;
    const c = 10;
    const url = server.url;
    const tightClient = { authorization: basic('tight-client', 'tight-secret') };

    const tightPairs = await pooled(n, c, async () => {
      const code = await tightCode(server);
      const body = await json(
        postForm(
          `${url}/tight/v6/auth/token`,
          { grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier },
          tightClient,
        ),
      );
      return { code, access: String(body.access_token), refresh: String(body.refresh_token) };
    });
    expectRandomOpaque(
      'tight codes',
      tightPairs.map((p) => p.code),
    );
    expectRandomOpaque(
      'tight refresh tokens',
      tightPairs.map((p) => p.refresh),
    );
    expectDistinctSignedJwts(
      'tight access tokens',
      tightPairs.map((p) => p.access),
    );

    const hurdlrPairs = await pooled(n, c, async () => {
      const code = await hurdlrCode(server);
      const body = await json(
        postForm(`${url}/hurdlr/v4/auth/token`, {
          ...hurdlrClient,
          grant_type: 'authorization_code',
          code,
          redirect_uri: redirectUri,
        }),
      );
      return { code, access: String(body.access_token), refresh: String(body.refresh_token) };
    });
    const hurdlrParts = (t: string) => t.split('.');
    expectRandomOpaque(
      'hurdlr codes',
      hurdlrPairs.map((p) => p.code),
    );
    expectRandomOpaque(
      'hurdlr access tokens',
      hurdlrPairs.map((p) => p.access),
      hurdlrParts,
    );
    expectRandomOpaque(
      'hurdlr refresh tokens',
      hurdlrPairs.map((p) => p.refresh),
      hurdlrParts,
    );

    const clientToken = await field(
      postForm(`${url}/tink/api/v1/oauth/token`, {
        ...tinkClient,
        grant_type: 'client_credentials',
        scope: 'authorization:grant',
      }),
      'access_token',
    );
    const tinkPairs = await pooled(n, c, async () => {
      const code = await field(
        postForm(
          `${url}/tink/api/v1/oauth/authorization-grant`,
          { user_id: '6e68cc6287704273984567b3300c5822', scope: 'accounts:read' },
          bearer(clientToken),
        ),
        'code',
      );
      const body = await json(
        postForm(`${url}/tink/api/v1/oauth/token`, { ...tinkClient, grant_type: 'authorization_code', code }),
      );
      return { code, access: String(body.access_token), refresh: String(body.refresh_token) };
    });
    expectRandomOpaque(
      'tink codes',
      tinkPairs.map((p) => p.code),
    );
    expectRandomOpaque(
      'tink refresh tokens',
      tinkPairs.map((p) => p.refresh),
    );
    expectDistinctSignedJwts(
      'tink access tokens',
      tinkPairs.map((p) => p.access),
    );

    const uphold = await pooled(n, c, () =>
      field(
        postForm(
          `${url}/uphold/core/oauth2/token`,
          { grant_type: 'client_credentials' },
          { authorization: basic('uphold-client', 'uphold-secret') },
        ),
        'access_token',
      ),
    );
    expectDistinctSignedJwts('uphold access tokens', uphold);

    const gustoPairs = await pooled(n, c, async () => {
      const code = await gustoCode(server);
      const body = await json(
        postJson(`${url}/gusto/oauth/token`, {
          ...gustoApp,
          grant_type: 'authorization_code',
          code,
          redirect_uri: redirectUri,
        }),
      );
      return { code, access: String(body.access_token), refresh: String(body.refresh_token) };
    });
    expectRandomOpaque(
      'gusto codes',
      gustoPairs.map((p) => p.code),
    );
    expectRandomOpaque(
      'gusto access tokens',
      gustoPairs.map((p) => p.access),
    );
    expectRandomOpaque(
      'gusto refresh tokens',
      gustoPairs.map((p) => p.refresh),
    );
  }, 120_000);
});

describe('the control plane behind an admin token', () => {
  it('requires "Authorization: Bearer <admin token>" on every control call, and leaves provider calls alone', async () => {
    const tenants = await createTenants({});
    const server = await listen(tenants, {
      port: 0,
      host: '127.0.0.1',
      adminToken: 'the-admin-token-0123456789',
    });
    closers.push(() => server.close());
    const health = `${server.url}/__sandbox/health`;
    expect((await fetch(health)).status).toBe(401);
    expect(await json(fetch(health))).toMatchObject({ error: 'unauthorized' });
    expect((await fetch(health, { headers: bearer('wrong') })).status).toBe(401);
    expect((await fetch(health, { headers: bearer('the-admin-token-012345678') })).status).toBe(401);
    expect(
      (await fetch(health, { headers: { authorization: 'Basic the-admin-token-0123456789' } })).status,
    ).toBe(401);
    expect((await postJson(`${server.url}/__sandbox/reset`, {})).status).toBe(401);
    expect((await fetch(health, { headers: bearer('the-admin-token-0123456789') })).status).toBe(200);
    const token = await postForm(`${server.url}/tink/api/v1/oauth/token`, {
      ...tinkClient,
      grant_type: 'client_credentials',
      scope: 'user:create',
    });
    expect(token.status).toBe(200);
  });
});

interface Tenant {
  id: string;
  credentials: Record<string, { clientId: string; clientSecret: string }[]>;
  identities: Record<string, Record<string, string>>;
}

function credentialsOf(tenant: Tenant, provider: string, prefix: string) {
  const found = tenant.credentials[provider]?.find((c) => c.clientId.startsWith(prefix));
  if (!found) throw new Error(`no ${prefix} in tenant ${tenant.id}`);
  return found;
}

/** For each provider: obtain a token with the tenant's credentials, and call a resource with it. */
const providerCalls: {
  provider: string;
  token: (url: string, t: Tenant, headers: Record<string, string>) => Promise<Response>;
  use: (url: string, token: string, headers: Record<string, string>) => Promise<Response>;
}[] = [
  {
    provider: 'tight',
    token: (url, t, h) => {
      const c = credentialsOf(t, 'tight', 'tight-client');
      return postForm(
        `${url}/tight/v6/auth/token`,
        {},
        { authorization: basic(c.clientId, c.clientSecret), ...h },
      );
    },
    use: (url, token, h) => postJson(`${url}/tight/v6/company/query`, {}, { ...bearer(token), ...h }),
  },
  {
    provider: 'hurdlr',
    token: (url, t, h) => {
      const c = credentialsOf(t, 'hurdlr', 'hurdlr-client');
      return postForm(
        `${url}/hurdlr/v4/auth/token`,
        {
          client_id: c.clientId,
          client_secret: c.clientSecret,
          grant_type: 'client_credentials',
          // Each tenant has fresh identities: the scenario's user under the tenant's own id.
          userId: t.identities.hurdlr?.['hurdlr-user-1'] ?? 'hurdlr-user-1',
        },
        h,
      );
    },
    use: (url, token, h) => fetch(`${url}/hurdlr/v4/auth/userInfo`, { headers: { ...bearer(token), ...h } }),
  },
  {
    provider: 'tink',
    token: (url, t, h) => {
      const c = credentialsOf(t, 'tink', 'tink-client');
      return postForm(
        `${url}/tink/api/v1/oauth/token`,
        {
          client_id: c.clientId,
          client_secret: c.clientSecret,
          grant_type: 'client_credentials',
          scope: 'user:create',
        },
        h,
      );
    },
    use: (url, token, h) =>
      postJson(
        `${url}/tink/api/v1/user/create`,
        { market: 'GB', locale: 'en_US', external_user_id: `isolation-${cryptoRandom.uuid()}` },
        { ...bearer(token), ...h },
      ),
  },
  {
    provider: 'uphold',
    token: (url, t, h) => {
      const c = credentialsOf(t, 'uphold', 'uphold-single-user');
      return postForm(
        `${url}/uphold/core/oauth2/token`,
        { grant_type: 'client_credentials' },
        { authorization: basic(c.clientId, c.clientSecret), ...h },
      );
    },
    use: (url, token, h) => fetch(`${url}/uphold/core/users/me`, { headers: { ...bearer(token), ...h } }),
  },
  {
    provider: 'gusto',
    token: (url, t, h) => {
      const c = credentialsOf(t, 'gusto', 'gusto-client');
      return postJson(
        `${url}/gusto/oauth/token`,
        { client_id: c.clientId, client_secret: c.clientSecret, grant_type: 'system_access' },
        h,
      );
    },
    use: (url, token, h) => fetch(`${url}/gusto/v1/token_info`, { headers: { ...bearer(token), ...h } }),
  },
];

describe('tenant isolation', () => {
  it('a tenant’s credentials and tokens work in that tenant only, for every provider', async () => {
    const server = await startTestServer();
    const url = server.url;
    const [a, b] = (await Promise.all([
      json(postJson(`${url}/__sandbox/tenants`, {})),
      json(postJson(`${url}/__sandbox/tenants`, {})),
    ])) as unknown as [Tenant, Tenant];
    const inB = { 'x-sandbox-tenant': b.id };
    for (const call of providerCalls) {
      const token = await field(call.token(url, a, {}), 'access_token');
      // Routed by the token to tenant A: works.
      expect((await call.use(url, token, {})).status, `${call.provider} in A`).toBe(200);
      // The same token sent to tenant B: unknown there.
      expect((await call.use(url, token, inB)).status, `${call.provider} token of A in B`).toBe(401);
      // A's credentials in B: no such client.
      expect((await call.token(url, a, inB)).status, `${call.provider} credentials of A in B`).toBe(401);
      // The main sandbox's token is unknown in A.
      const mainToken = await field(call.token(url, mainTenantView(), {}), 'access_token');
      expect(
        (await call.use(url, mainToken, { 'x-sandbox-tenant': a.id })).status,
        `${call.provider} main in A`,
      ).toBe(401);
    }
    // Data made in A (a Tink user) is not in the main sandbox.
    const mainUsers = await server.engine.store.list('user', 'tink');
    expect(mainUsers.some((u) => u.externalUserId?.startsWith('isolation-'))).toBe(false);
  });
});

/** The default scenario's own credentials, in a tenant's shape. */
function mainTenantView(): Tenant {
  return {
    id: 'main',
    credentials: {
      tight: [{ clientId: 'tight-client', clientSecret: 'tight-secret' }],
      hurdlr: [{ clientId: 'hurdlr-client', clientSecret: 'hurdlr-secret' }],
      tink: [{ clientId: 'tink-client', clientSecret: 'tink-secret' }],
      uphold: [{ clientId: 'uphold-single-user', clientSecret: 'uphold-single-user-secret' }],
      gusto: [{ clientId: 'gusto-client', clientSecret: 'gusto-secret' }],
    },
    identities: {},
  };
}

describe('no secret in the journal, the state view or the logs', () => {
  it('drives every provider’s flows, then finds no client secret, token, code or verifier in them', async () => {
    const logged: string[] = [];
    const server = await startTestServer({
      logger: { error: (details, message) => logged.push(`${message} ${JSON.stringify(details)}`) },
    });
    const url = server.url;
    const secrets = new Set<string>([
      'tight-secret',
      'hurdlr-secret',
      'tink-secret',
      'uphold-secret',
      'uphold-single-user-secret',
      'gusto-secret',
      verifier,
      'gusto-legacy-refresh-token-acme-and-globex-000',
    ]);
    const keep = (...values: unknown[]) => {
      for (const v of values) if (typeof v === 'string' && v.length > 0) secrets.add(v);
    };
    // Tight: client credentials and the code flow with a refresh.
    keep(
      await field(
        postForm(`${url}/tight/v6/auth/token`, {}, { authorization: basic('tight-client', 'tight-secret') }),
        'access_token',
      ),
    );
    const tightCodeValue = await tightCode(server);
    const tightPair = await json(
      postForm(
        `${url}/tight/v6/auth/token`,
        {
          grant_type: 'authorization_code',
          code: tightCodeValue,
          redirect_uri: redirectUri,
          code_verifier: verifier,
        },
        { authorization: basic('tight-client', 'tight-secret') },
      ),
    );
    keep(tightCodeValue, tightPair.access_token, tightPair.refresh_token);
    const tightRefreshed = await json(
      postForm(
        `${url}/tight/v6/auth/token`,
        { grant_type: 'refresh_token', refresh_token: String(tightPair.refresh_token) },
        { authorization: basic('tight-client', 'tight-secret') },
      ),
    );
    keep(tightRefreshed.access_token, tightRefreshed.refresh_token);
    // Hurdlr: code flow, account creation, a resource call.
    const hurdlrCodeValue = await hurdlrCode(server);
    const hurdlrPair = await json(
      postForm(`${url}/hurdlr/v4/auth/token`, {
        ...hurdlrClient,
        grant_type: 'authorization_code',
        code: hurdlrCodeValue,
        redirect_uri: redirectUri,
      }),
    );
    keep(hurdlrCodeValue, hurdlrPair.access_token, hurdlrPair.refresh_token);
    await fetch(`${url}/hurdlr/v4/auth/userInfo`, { headers: bearer(String(hurdlrPair.access_token)) });
    // Tink: a grant code, a user pair, a refresh, a data call.
    keep(await tinkGrantCode(server, 'accounts:read'));
    const tinkPair = await tinkUserTokens(server, 'accounts:read,transactions:read');
    keep(tinkPair.access_token, tinkPair.refresh_token);
    const tinkRefreshed = await json(
      postForm(`${url}/tink/api/v1/oauth/token`, {
        ...tinkClient,
        grant_type: 'refresh_token',
        refresh_token: tinkPair.refresh_token,
      }),
    );
    keep(tinkRefreshed.access_token, tinkRefreshed.refresh_token);
    await fetch(`${url}/tink/data/v2/accounts`, { headers: bearer(String(tinkRefreshed.access_token)) });
    // Uphold: a token and a call on behalf of a user.
    const upholdToken = await field(
      postForm(
        `${url}/uphold/core/oauth2/token`,
        { grant_type: 'client_credentials' },
        { authorization: basic('uphold-client', 'uphold-secret') },
      ),
      'access_token',
    );
    keep(upholdToken);
    await fetch(`${url}/uphold/core/users/me`, {
      headers: { ...bearer(upholdToken), 'x-on-behalf-of': 'user 0b7c1a52-7f0e-4d52-9a3e-3c1f2f6d9a11' },
    });
    // Gusto: code flow, legacy refresh, strict access, a call, a revocation, Basic client auth.
    const gustoCodeValue = await gustoCode(server);
    const gustoPair = await json(
      postJson(`${url}/gusto/oauth/token`, {
        ...gustoApp,
        grant_type: 'authorization_code',
        code: gustoCodeValue,
        redirect_uri: redirectUri,
      }),
    );
    keep(gustoCodeValue, gustoPair.access_token, gustoPair.refresh_token);
    const legacy = await json(
      postJson(`${url}/gusto/oauth/token`, {
        ...gustoApp,
        grant_type: 'refresh_token',
        refresh_token: 'gusto-legacy-refresh-token-acme-and-globex-000',
      }),
    );
    keep(legacy.access_token, legacy.refresh_token);
    const strict = (await (
      await postJson(`${url}/gusto/oauth/token`, {
        ...gustoApp,
        grant_type: 'strict_access',
        access_token: String(legacy.access_token),
      })
    ).json()) as { access_token: string; refresh_token: string }[];
    for (const pair of strict) keep(pair.access_token, pair.refresh_token);
    await fetch(`${url}/gusto/v1/companies/${acme}`, { headers: bearer(String(gustoPair.access_token)) });
    await postJson(`${url}/gusto/oauth/revoke`, { ...gustoApp, token: String(gustoPair.refresh_token) });
    await postJson(
      `${url}/gusto/oauth/token`,
      { grant_type: 'system_access' },
      { authorization: basic('gusto-client', 'gusto-secret') },
    );
    // A failed attempt with a wrong secret must not be journaled in clear either.
    secrets.add('a-wrong-but-secret-value');
    await postForm(`${url}/tink/api/v1/oauth/token`, {
      client_id: 'tink-client',
      client_secret: 'a-wrong-but-secret-value',
      grant_type: 'client_credentials',
      scope: 'user:create',
    });

    const journal = await (await fetch(`${url}/__sandbox/requests?limit=1000`)).text();
    const state = await (await fetch(`${url}/__sandbox/state`)).text();
    expect(JSON.parse(journal).requests.length).toBeGreaterThan(20);
    const leaks = [...secrets].filter(
      (s) => journal.includes(s) || state.includes(s) || logged.some((l) => l.includes(s)),
    );
    expect(leaks).toEqual([]);
  }, 60_000);
});

describe('one client cannot starve the others', () => {
  /** Sends `n` GETs over one keep-alive connection and returns their statuses and the first 429's body. */
  function flood(base: URL, path: string, n: number): Promise<{ statuses: number[]; limited?: string }> {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const one = () =>
      new Promise<{ status: number; body: string }>((done, fail) => {
        const req = request({ host: base.hostname, port: base.port, path, agent }, (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => {
            body += chunk.toString();
          });
          res.on('end', () => done({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', fail);
        req.end();
      });
    return Promise.all(Array.from({ length: n }, one)).then((answers) => {
      agent.destroy();
      const limited = answers.find((a) => a.status === 429)?.body;
      return { statuses: answers.map((a) => a.status), ...(limited === undefined ? {} : { limited }) };
    });
  }

  it('answers a flooding connection 429 in the provider’s shape while another connection is served', async () => {
    const tenants = await createTenants({});
    const server = await listen(tenants, { port: 0, connectionRateLimit: { perSecond: 5, burst: 20 } });
    closers.push(() => server.close());
    const base = new URL(server.url);
    const flooded = await flood(base, '/tink/data/v2/accounts', 100);
    expect(flooded.statuses.filter((s) => s === 429).length).toBeGreaterThan(50);
    expect(flooded.statuses.filter((s) => s === 401).length).toBeGreaterThanOrEqual(20);
    expect(JSON.parse(flooded.limited ?? '{}')).toEqual({
      errorMessage: 'Too many requests.',
      errorCode: 'TOO_MANY_REQUESTS',
    });
    // Another client, on its own connection, is served at once.
    const other = await fetch(`${server.url}/tink/api/v1/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', connection: 'close' },
      body: new URLSearchParams({ ...tinkClient, grant_type: 'client_credentials', scope: 'user:create' }),
    });
    expect(other.status).toBe(200);
    // The control plane is limited the same way, in its own shape.
    const control = await flood(base, '/__sandbox/health', 60);
    expect(control.statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(JSON.parse(control.limited ?? '{}')).toMatchObject({ error: 'rate_limited' });
  });

  it('keeps the default limit generous (20,000 requests/s, burst 40,000): 1000 quick requests on one connection pass', async () => {
    const tenants = await createTenants({});
    const server = await listen(tenants, { port: 0 });
    closers.push(() => server.close());
    const flooded = await flood(new URL(server.url), '/__sandbox/health', 1000);
    expect(flooded.statuses.every((s) => s === 200)).toBe(true);
  });

  it('refuses headers over 16 KiB with 431 (node:http maxHeaderSize) and keeps serving', async () => {
    const server = await startTestServer();
    const big = await new Promise<number>((done, fail) => {
      const base = new URL(server.url);
      const req = request(
        {
          host: base.hostname,
          port: base.port,
          path: '/tink/data/v2/accounts',
          headers: { 'x-big': 'a'.repeat(17 * 1024) },
        },
        (res) => {
          res.resume();
          done(res.statusCode ?? 0);
        },
      );
      req.on('error', fail);
      req.end();
    });
    expect(big).toBe(431);
    expect((await fetch(`${server.url}/__sandbox/health`)).status).toBe(200);
  });
});
