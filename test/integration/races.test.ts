import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { redactSecret } from '../../src/engine/redact.js';
import type { RunningServer } from '../../src/index.js';
import { basic, bearer, postForm, postJson, startTestServer } from '../support/server.js';
import { seededTinkUser, tinkGrantCode, tinkUserTokens } from '../support/tink.js';

/**
 * Concurrency: single-use artefacts have exactly one winner however many requests race for them (the
 * store's atomic `consume`), Gusto's refresh tokens follow its revoked-on-use rule, strict_access is
 * idempotent, and a mixed load neither loses nor duplicates a grant or a token. Every exchange is also
 * checked against the provider's OpenAPI document (test/support/server.ts).
 */

const racers = 100;
const redirectUri = 'http://localhost:3000/callback';
const verifier = 'a-sufficiently-long-pkce-code-verifier-of-43-chars-or-more-0123';
const challenge = createHash('sha256').update(verifier).digest('base64url');
const tightClient = basic('tight-client', 'tight-secret');
const hurdlrClient = { client_id: 'hurdlr-client', client_secret: 'hurdlr-secret' };
const tinkClient = { client_id: 'tink-client', client_secret: 'tink-secret' };
const gustoApp = { client_id: 'gusto-client', client_secret: 'gusto-secret' };
const gustoLegacyApp = { client_id: 'gusto-legacy-client', client_secret: 'gusto-legacy-secret' };
const hurdlrSeededRefresh =
  '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0.00112233445566778899aabbccddeeff';
const acme = '7b1d0df1-6a6b-4c1e-9b0e-2f8a5c3d4e51';

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

async function answer(res: Promise<Response>): Promise<Answer> {
  const settled = await res;
  return { status: settled.status, body: (await settled.json()) as Record<string, unknown> };
}

/** Fires `n` copies of a request at once and waits for every answer. */
function race(n: number, send: () => Promise<Response>): Promise<Answer[]> {
  return Promise.all(Array.from({ length: n }, () => answer(send())));
}

function statuses(answers: Answer[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const a of answers) counts[a.status] = (counts[a.status] ?? 0) + 1;
  return counts;
}

/** The code a consent page redirects with, without a browser (login_hint + prompt=none / auto_approve). */
async function codeFromRedirect(url: string): Promise<string> {
  const res = await fetch(url, { redirect: 'manual' });
  if (res.status !== 302) throw new Error(`expected a redirect, got ${res.status}: ${await res.text()}`);
  const code = new URL(res.headers.get('location') ?? '').searchParams.get('code');
  if (!code) throw new Error(`no code in ${res.headers.get('location')}`);
  return code;
}

function tightCode(server: RunningServer): Promise<string> {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: 'tight-client',
    redirect_uri: redirectUri,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    login_hint: 'user_bookkeeper',
    prompt: 'none',
  });
  return codeFromRedirect(`${server.url}/tight/v6/auth/authorize?${query}`);
}

function tightExchange(server: RunningServer, code: string): Promise<Response> {
  return postForm(
    `${server.url}/tight/v6/auth/token`,
    { grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier },
    { authorization: tightClient },
  );
}

function hurdlrCode(server: RunningServer): Promise<string> {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: 'hurdlr-client',
    redirect_uri: redirectUri,
    login_hint: 'hurdlr-user-1',
    prompt: 'none',
  });
  return codeFromRedirect(`${server.url}/hurdlr/oauth/authorize?${query}`);
}

function gustoCode(server: RunningServer): Promise<string> {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: 'gusto-client',
    redirect_uri: redirectUri,
    company_uuid: acme,
    auto_approve: 'true',
  });
  return codeFromRedirect(`${server.url}/gusto/oauth/authorize?${query}`);
}

function gustoToken(server: RunningServer, body: Record<string, string>): Promise<Response> {
  return postJson(`${server.url}/gusto/oauth/token`, body);
}

async function tokenField(res: Promise<Response>, field = 'access_token'): Promise<string> {
  const { status, body } = await answer(res);
  const value = body[field];
  if (status !== 200 || typeof value !== 'string') throw new Error(`expected a token, got ${status}`);
  return value;
}

describe('100 concurrent uses of one refresh token', () => {
  it('Tink: exactly one rotates it; the others get invalid_grant', async () => {
    const server = await startTestServer();
    const { refresh_token } = await tinkUserTokens(server, 'accounts:read');
    const answers = await race(racers, () =>
      postForm(`${server.url}/tink/api/v1/oauth/token`, {
        ...tinkClient,
        grant_type: 'refresh_token',
        refresh_token,
      }),
    );
    expect(statuses(answers)).toEqual({ 200: 1, 400: racers - 1 });
    for (const a of answers.filter((x) => x.status === 400)) expect(a.body.errorCode).toBe('INVALID_GRANT');
  });

  it('Tight: exactly one rotates it; the others get the Tight envelope', async () => {
    const server = await startTestServer();
    const pair = await answer(tightExchange(server, await tightCode(server)));
    const refresh = pair.body.refresh_token;
    if (typeof refresh !== 'string') throw new Error('no Tight refresh token');
    const answers = await race(racers, () =>
      postForm(
        `${server.url}/tight/v6/auth/token`,
        { grant_type: 'refresh_token', refresh_token: refresh },
        { authorization: tightClient },
      ),
    );
    expect(statuses(answers)).toEqual({ 200: 1, 400: racers - 1 });
    for (const a of answers.filter((x) => x.status === 400)) expect(a.body.result).toBe('FAILURE');
  });

  it('Hurdlr: exactly one rotates the seeded refresh token', async () => {
    const server = await startTestServer();
    const answers = await race(racers, () =>
      postForm(`${server.url}/hurdlr/v4/auth/token`, {
        ...hurdlrClient,
        grant_type: 'refresh_token',
        refresh_token: hurdlrSeededRefresh,
      }),
    );
    expect(statuses(answers)).toEqual({ 200: 1, 400: racers - 1 });
    for (const a of answers.filter((x) => x.status === 400)) expect(a.body.error).toBe('invalid_grant');
  });

  it('Gusto: every refresh succeeds until a new access token is used, then the old refresh token fails', async () => {
    const server = await startTestServer();
    const old = 'gusto-legacy-refresh-token-old-api-version-000';
    const refresh = () =>
      gustoToken(server, { ...gustoLegacyApp, grant_type: 'refresh_token', refresh_token: old });
    // Doorkeeper refresh_token_revoked_on_use: refreshing does not consume the old token, so all 100 win,
    // each with its own new pair.
    const answers = await race(racers, refresh);
    expect(statuses(answers)).toEqual({ 200: racers });
    const access = new Set(answers.map((a) => a.body.access_token));
    const refreshTokens = new Set(answers.map((a) => a.body.refresh_token));
    expect(access.size).toBe(racers);
    expect(refreshTokens.size).toBe(racers);
    const [first, second] = answers;
    if (typeof first?.body.access_token !== 'string' || typeof second?.body.refresh_token !== 'string')
      throw new Error('no Gusto pair');
    // The first use of any one of the new access tokens revokes the old refresh token.
    const used = await fetch(`${server.url}/gusto/v1/token_info`, {
      headers: { ...bearer(first.body.access_token), 'x-gusto-api-version': '2022-11-01' },
    });
    expect(used.status).toBe(200);
    const after = await answer(refresh());
    expect(after.status).toBe(400);
    expect(after.body.error).toBe('invalid_grant');
    // The other new refresh tokens are their own and keep working.
    const sibling = await answer(
      gustoToken(server, {
        ...gustoLegacyApp,
        grant_type: 'refresh_token',
        refresh_token: second.body.refresh_token,
      }),
    );
    expect(sibling.status).toBe(200);
  });
});

describe('100 concurrent exchanges of one authorization code', () => {
  it('Tink: exactly one gets tokens', async () => {
    const server = await startTestServer();
    const code = await tinkGrantCode(server, 'accounts:read');
    const answers = await race(racers, () =>
      postForm(`${server.url}/tink/api/v1/oauth/token`, {
        ...tinkClient,
        grant_type: 'authorization_code',
        code,
      }),
    );
    expect(statuses(answers)).toEqual({ 200: 1, 400: racers - 1 });
  });

  it('Tight: exactly one gets tokens', async () => {
    const server = await startTestServer();
    const code = await tightCode(server);
    const answers = await race(racers, () => tightExchange(server, code));
    expect(statuses(answers)).toEqual({ 200: 1, 400: racers - 1 });
  });

  it('Hurdlr: exactly one gets tokens', async () => {
    const server = await startTestServer();
    const code = await hurdlrCode(server);
    const answers = await race(racers, () =>
      postForm(`${server.url}/hurdlr/v4/auth/token`, {
        ...hurdlrClient,
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
      }),
    );
    expect(statuses(answers)).toEqual({ 200: 1, 400: racers - 1 });
  });

  it('Gusto: exactly one gets tokens', async () => {
    const server = await startTestServer();
    const code = await gustoCode(server);
    const answers = await race(racers, () =>
      gustoToken(server, { ...gustoApp, grant_type: 'authorization_code', code, redirect_uri: redirectUri }),
    );
    expect(statuses(answers)).toEqual({ 200: 1, 400: racers - 1 });
  });
});

describe('100 concurrent strict_access exchanges of one legacy token', () => {
  it('answer one and the same set of strict pairs', async () => {
    const server = await startTestServer();
    const legacy = await tokenField(
      gustoToken(server, {
        ...gustoApp,
        grant_type: 'refresh_token',
        refresh_token: 'gusto-legacy-refresh-token-acme-and-globex-000',
      }),
    );
    const answers = await Promise.all(
      Array.from({ length: racers }, async () => {
        const res = await gustoToken(server, {
          ...gustoApp,
          grant_type: 'strict_access',
          access_token: legacy,
        });
        return { status: res.status, body: (await res.json()) as unknown };
      }),
    );
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([200]));
    const [first] = answers;
    expect(Array.isArray(first?.body) && first.body.length).toBe(2);
    for (const a of answers) expect(a.body).toEqual(first?.body);
    // One strict grant per company, not one per racer.
    const strict = (await server.engine.store.list('grant', 'gusto')).filter((g) => g.strict);
    expect(strict).toHaveLength(2);
  });
});

interface StateView {
  grants: { id: string; status: string }[];
  accessTokens: { token: string; grantId?: string; status: string }[];
  refreshTokens: { token: string; grantId: string; status: string }[];
}

describe('a mixed load across providers', () => {
  it('loses and duplicates no grant or token: every token answered with 200 is in the state exactly once', async () => {
    const server = await startTestServer();
    const url = server.url;
    const issuedAccess: string[] = [];
    const issuedRefresh: string[] = [];
    const revoked: string[] = [];
    const keep = async (res: Promise<Response>): Promise<Answer> => {
      const a = await answer(res);
      if (a.status === 200) {
        if (typeof a.body.access_token === 'string') issuedAccess.push(a.body.access_token);
        if (typeof a.body.refresh_token === 'string') issuedRefresh.push(a.body.refresh_token);
      }
      return a;
    };
    const repeat = <T>(n: number, work: (i: number) => Promise<T>) =>
      Array.from({ length: n }, (_, i) => work(i));

    const work: Promise<unknown>[] = [
      ...repeat(40, () =>
        keep(
          postForm(`${url}/tink/api/v1/oauth/token`, {
            ...tinkClient,
            grant_type: 'client_credentials',
            scope: 'user:create',
          }),
        ),
      ),
      ...repeat(40, () => keep(postForm(`${url}/tight/v6/auth/token`, {}, { authorization: tightClient }))),
      ...repeat(40, () =>
        keep(
          postForm(
            `${url}/uphold/core/oauth2/token`,
            { grant_type: 'client_credentials' },
            { authorization: basic('uphold-client', 'uphold-secret') },
          ),
        ),
      ),
      ...repeat(30, () =>
        keep(
          postForm(`${url}/hurdlr/v4/auth/token`, {
            ...hurdlrClient,
            grant_type: 'client_credentials',
            userId: 'hurdlr-user-1',
          }),
        ),
      ),
      // Tink user flows: code, exchange, then a refresh of the new pair.
      ...repeat(15, async () => {
        const code = await tinkGrantCode(server, 'accounts:read', { user_id: seededTinkUser.userId });
        const pair = await keep(
          postForm(`${url}/tink/api/v1/oauth/token`, {
            ...tinkClient,
            grant_type: 'authorization_code',
            code,
          }),
        );
        const refresh = pair.body.refresh_token;
        if (typeof refresh === 'string')
          await keep(
            postForm(`${url}/tink/api/v1/oauth/token`, {
              ...tinkClient,
              grant_type: 'refresh_token',
              refresh_token: refresh,
            }),
          );
      }),
      // Gusto: system tokens, some revoked at once through /oauth/revoke.
      ...repeat(30, async (i) => {
        const a = await keep(gustoToken(server, { ...gustoApp, grant_type: 'system_access' }));
        const token = a.body.access_token;
        if (i % 3 === 0 && typeof token === 'string') {
          const res = await postJson(`${url}/gusto/oauth/revoke`, { ...gustoApp, token });
          expect(res.status).toBe(200);
          revoked.push(token);
        }
      }),
      // Tight: tokens revoked through the control plane while others are issued.
      ...repeat(15, async () => {
        const a = await keep(postForm(`${url}/tight/v6/auth/token`, {}, { authorization: tightClient }));
        const token = a.body.access_token;
        if (typeof token === 'string') {
          const res = await postJson(`${url}/__sandbox/tokens/revoke`, { token });
          expect(res.status).toBe(200);
          revoked.push(token);
        }
      }),
    ];
    await Promise.all(work);
    expect(issuedAccess.length).toBe(40 + 40 + 40 + 30 + 15 * 2 + 30 + 15);

    const state = (await (await fetch(`${url}/__sandbox/state`)).json()) as StateView;
    const count = (list: { token: string }[]) => {
      const counts = new Map<string, number>();
      for (const t of list) counts.set(t.token, (counts.get(t.token) ?? 0) + 1);
      return counts;
    };
    const accessCounts = count(state.accessTokens);
    const refreshCounts = count(state.refreshTokens);
    for (const token of issuedAccess) expect(accessCounts.get(redactSecret(token)), 'access token').toBe(1);
    for (const token of issuedRefresh)
      expect(refreshCounts.get(redactSecret(token)), 'refresh token').toBe(1);
    expect(new Set(issuedAccess).size).toBe(issuedAccess.length);
    // Grants: unique ids, and every token's grant is there.
    const grantIds = new Set(state.grants.map((g) => g.id));
    expect(grantIds.size).toBe(state.grants.length);
    for (const t of [...state.accessTokens, ...state.refreshTokens])
      if (t.grantId !== undefined) expect(grantIds.has(t.grantId), `grant ${t.grantId}`).toBe(true);
    // Revocations took, and nothing else was revoked by them.
    const statusOf = new Map(state.accessTokens.map((t) => [t.token, t.status]));
    for (const token of revoked) expect(statusOf.get(redactSecret(token))).toBe('revoked');
    const revokedCount = state.accessTokens.filter((t) => t.status === 'revoked').length;
    // The Tink refreshes revoke nothing (rotation consumes the old refresh token only).
    expect(revokedCount).toBe(revoked.length);
  });
});
