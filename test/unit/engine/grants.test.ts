import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/engine/clock.js';
import { Grants } from '../../../src/engine/grants.js';
import { MemoryStore } from '../../../src/engine/memory-store.js';
import type { Random } from '../../../src/engine/random.js';
import type { Grant } from '../../../src/engine/records.js';
import { asyncOnly } from './async-store.js';
import { sandboxRequest } from './sandbox-request.js';

const startIso = '2026-01-01T00:00:00Z';
const start = Date.parse(startIso);

/** Predictable randomness: ids and bytes count up. */
function countingRandom(): Random {
  let n = 0;
  return {
    bytes: (size) => Buffer.alloc(size, ++n % 256),
    uuid: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  };
}

async function setUp(options: { asyncStore?: boolean } = {}) {
  const clock = fixedClock(startIso);
  const memory = new MemoryStore();
  const store = options.asyncStore ? asyncOnly(memory) : memory;
  const grants = new Grants(store, clock, countingRandom());
  await store.upsert('client', {
    provider: 'tink',
    clientId: 'tink-client',
    clientSecret: 'tink-secret',
    scopes: ['accounts:read'],
    redirectUris: [],
  });
  const grant = await grants.createGrant({
    provider: 'tink',
    kind: 'user',
    clientId: 'tink-client',
    userId: 'user-1',
    companies: [],
    scopes: ['accounts:read'],
  });
  let minted = 0;
  const issue = (
    g: Grant | undefined,
    extra: { lifetimeSeconds?: number; revokesOnFirstUse?: string } = {},
  ) =>
    grants.issueAccessToken({
      provider: 'tink',
      ...(g === undefined ? {} : { grant: g }),
      clientId: 'tink-client',
      scopes: ['accounts:read'],
      lifetimeSeconds: extra.lifetimeSeconds ?? 3600,
      mint: () => `access-${++minted}`,
      ...(extra.revokesOnFirstUse === undefined ? {} : { revokesOnFirstUse: extra.revokesOnFirstUse }),
    });
  const bearer = (token: string) =>
    grants.checkBearer('tink', sandboxRequest({ headers: { authorization: `Bearer ${token}` } }));
  return { clock, store, grants, grant, issue, bearer };
}

function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

describe('Grants.authenticateClient', () => {
  it('returns the client when the secret matches', async () => {
    const { grants } = await setUp();
    expect(await grants.authenticateClient('tink', 'tink-client', 'tink-secret')).toMatchObject({
      clientId: 'tink-client',
    });
  });

  it('refuses a wrong, empty or differently cased secret', async () => {
    const { grants } = await setUp();
    expect(await grants.authenticateClient('tink', 'tink-client', 'wrong')).toBeUndefined();
    expect(await grants.authenticateClient('tink', 'tink-client', '')).toBeUndefined();
    expect(await grants.authenticateClient('tink', 'tink-client', 'TINK-SECRET')).toBeUndefined();
    expect(await grants.authenticateClient('tink', 'tink-client', 'tink-secret ')).toBeUndefined();
  });

  it('refuses an unknown client, even with an empty secret', async () => {
    const { grants } = await setUp();
    expect(await grants.authenticateClient('tink', 'nobody', '')).toBeUndefined();
    expect(await grants.authenticateClient('tink', 'nobody', 'tink-secret')).toBeUndefined();
  });

  it('refuses a client registered with another provider', async () => {
    const { grants } = await setUp();
    expect(await grants.authenticateClient('gusto', 'tink-client', 'tink-secret')).toBeUndefined();
  });
});

describe('Grants.issueAccessToken', () => {
  it('stamps issue and expiry times from the sandbox clock and passes them to mint', async () => {
    const { grants, clock, grant, store } = await setUp();
    clock.advance(90);
    const seen: { iat: number; exp: number; jti: string }[] = [];
    const token = await grants.issueAccessToken({
      provider: 'tink',
      grant,
      clientId: 'tink-client',
      scopes: ['accounts:read'],
      lifetimeSeconds: 1800,
      mint: ({ iat, exp, jti }) => {
        seen.push({ iat, exp, jti: jti() });
        return 'minted-value';
      },
    });
    const iat = start / 1000 + 90;
    expect(seen).toEqual([{ iat, exp: iat + 1800, jti: expect.any(String) }]);
    expect(token).toMatchObject({
      value: 'minted-value',
      issuedAt: start + 90_000,
      expiresAt: (iat + 1800) * 1000,
      grantId: grant.id,
      userId: 'user-1',
      kind: 'user',
    });
    expect(await store.find('accessToken', 'minted-value')).toEqual(token);
  });

  it('gives the mint one jti, the same on every call', async () => {
    const { grants, grant } = await setUp();
    const calls: string[] = [];
    await grants.issueAccessToken({
      provider: 'tink',
      grant,
      clientId: 'tink-client',
      scopes: ['accounts:read'],
      lifetimeSeconds: 1800,
      mint: ({ jti }) => {
        calls.push(jti(), jti());
        return 'minted-value';
      },
    });
    expect(calls[0]).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(calls[1]).toBe(calls[0]);
  });

  it('gives each token its own jti', async () => {
    const { grants } = await setUp();
    const jtis: string[] = [];
    for (let i = 0; i < 3; i++) {
      await grants.issueAccessToken({
        provider: 'tink',
        clientId: 'tink-client',
        scopes: [],
        lifetimeSeconds: 60,
        mint: ({ jti }) => {
          jtis.push(jti());
          return `t${i}`;
        },
      });
    }
    expect(new Set(jtis).size).toBe(3);
  });

  it('stores a grantless client token as kind client with no companies', async () => {
    const { issue } = await setUp();
    const token = await issue(undefined);
    expect(token.kind).toBe('client');
    expect(token.companies).toEqual([]);
    expect(token.grantId).toBeUndefined();
    expect(token.userId).toBeUndefined();
  });
});

describe('Grants.redeemCode', () => {
  async function withCode(
    spec: { codeChallenge?: string; codeChallengeMethod?: string; redirectUri?: string } = {},
  ) {
    const context = await setUp();
    const code = await context.grants.issueCode(context.grant, 'code-1', { lifetimeSeconds: 600, ...spec });
    return { ...context, code };
  }

  it('redeems a code once for the client it was issued to', async () => {
    const { grants, grant } = await withCode();
    const redeemed = await grants.redeemCode('tink', 'code-1', { clientId: 'tink-client' });
    expect(redeemed).toMatchObject({
      ok: true,
      code: { value: 'code-1', grantId: grant.id, userId: 'user-1' },
    });
  });

  it('refuses a code presented by another client, and leaves it usable by its own', async () => {
    const { grants } = await withCode();
    expect(await grants.redeemCode('tink', 'code-1', { clientId: 'other-client' })).toEqual({
      ok: false,
      reason: 'wrong-client',
    });
    expect((await grants.redeemCode('tink', 'code-1', { clientId: 'tink-client' })).ok).toBe(true);
  });

  it('refuses an unknown code and a code of another provider', async () => {
    const { grants } = await withCode();
    expect(await grants.redeemCode('tink', 'nope', { clientId: 'tink-client' })).toEqual({
      ok: false,
      reason: 'unknown',
    });
    expect(await grants.redeemCode('gusto', 'code-1', { clientId: 'tink-client' })).toEqual({
      ok: false,
      reason: 'unknown',
    });
  });

  it('refuses a reused code and revokes the grant and everything issued under it (RFC 6749 §4.1.2)', async () => {
    const { grants, grant, issue, store, bearer, clock } = await withCode();
    expect((await grants.redeemCode('tink', 'code-1', { clientId: 'tink-client' })).ok).toBe(true);
    const access = await issue(grant);
    const refresh = await grants.issueRefreshToken(grant, 'refresh-1', { accessToken: access.value });
    expect((await bearer(access.value)).ok).toBe(true);

    clock.advance(5);
    expect(await grants.redeemCode('tink', 'code-1', { clientId: 'tink-client' })).toEqual({
      ok: false,
      reason: 'reused',
    });
    const revokedAt = start + 5000;
    expect((await store.find('grant', grant.id))?.revokedAt).toBe(revokedAt);
    expect((await store.find('accessToken', access.value))?.revokedAt).toBe(revokedAt);
    expect((await store.find('refreshToken', refresh.value))?.revokedAt).toBe(revokedAt);
    expect(await bearer(access.value)).toEqual({ ok: false, reason: 'revoked' });
    expect(await grants.rotateRefreshToken('tink', refresh.value, 'tink-client')).toEqual({
      ok: false,
      reason: 'revoked',
    });
  });

  it('redeems a code just before its 10 minutes are up', async () => {
    const { grants, clock } = await withCode();
    clock.advance(599);
    expect((await grants.redeemCode('tink', 'code-1', { clientId: 'tink-client' })).ok).toBe(true);
  });

  it('refuses a code once its 10 minutes are up, without revoking the grant', async () => {
    const { grants, clock, store, grant } = await withCode();
    clock.advance(600);
    expect(await grants.redeemCode('tink', 'code-1', { clientId: 'tink-client' })).toEqual({
      ok: false,
      reason: 'expired',
    });
    expect((await store.find('grant', grant.id))?.revokedAt).toBeUndefined();
  });

  it('refuses a code whose grant was revoked', async () => {
    const { grants, store, grant } = await withCode();
    await store.revokeByGrant(grant.id, start);
    expect(await grants.redeemCode('tink', 'code-1', { clientId: 'tink-client' })).toEqual({
      ok: false,
      reason: 'revoked',
    });
  });

  it('refuses a redirect_uri other than the one the code was issued for', async () => {
    const { grants } = await withCode({ redirectUri: 'http://localhost:3000/callback' });
    expect(
      await grants.redeemCode('tink', 'code-1', {
        clientId: 'tink-client',
        redirectUri: 'http://evil.example/cb',
      }),
    ).toEqual({ ok: false, reason: 'wrong-redirect-uri' });
  });

  it('accepts the right PKCE S256 verifier (RFC 7636 §4.6)', async () => {
    const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
    const { grants } = await withCode({ codeChallenge: s256(verifier), codeChallengeMethod: 'S256' });
    expect(
      (await grants.redeemCode('tink', 'code-1', { clientId: 'tink-client', codeVerifier: verifier })).ok,
    ).toBe(true);
  });

  it('matches the RFC 7636 appendix B example challenge', async () => {
    const { grants } = await withCode({
      codeChallenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      codeChallengeMethod: 'S256',
    });
    const redeemed = await grants.redeemCode('tink', 'code-1', {
      clientId: 'tink-client',
      codeVerifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
    });
    expect(redeemed.ok).toBe(true);
  });

  it('refuses a wrong PKCE verifier', async () => {
    const { grants } = await withCode({
      codeChallenge: s256('the-right-verifier'),
      codeChallengeMethod: 'S256',
    });
    expect(
      await grants.redeemCode('tink', 'code-1', {
        clientId: 'tink-client',
        codeVerifier: 'a-wrong-verifier',
      }),
    ).toEqual({ ok: false, reason: 'wrong-verifier' });
  });

  it('refuses the S256 challenge itself sent as the verifier', async () => {
    const challenge = s256('the-right-verifier');
    const { grants } = await withCode({ codeChallenge: challenge, codeChallengeMethod: 'S256' });
    expect(
      await grants.redeemCode('tink', 'code-1', { clientId: 'tink-client', codeVerifier: challenge }),
    ).toEqual({
      ok: false,
      reason: 'wrong-verifier',
    });
  });

  it('refuses a missing PKCE verifier when the code carries a challenge', async () => {
    const { grants } = await withCode({ codeChallenge: s256('v'), codeChallengeMethod: 'S256' });
    expect(await grants.redeemCode('tink', 'code-1', { clientId: 'tink-client' })).toEqual({
      ok: false,
      reason: 'missing-verifier',
    });
  });
});

describe('Grants.rotateRefreshToken', () => {
  async function withRefresh() {
    const context = await setUp();
    const refresh = await context.grants.issueRefreshToken(context.grant, 'refresh-1', {
      lifetimeSeconds: 86_400,
    });
    return { ...context, refresh };
  }

  it('consumes the refresh token and returns it with its grant', async () => {
    const { grants, grant } = await withRefresh();
    const rotation = await grants.rotateRefreshToken('tink', 'refresh-1', 'tink-client');
    expect(rotation).toMatchObject({ ok: true, previous: { value: 'refresh-1', consumedAt: start }, grant });
  });

  it('lets exactly one of two concurrent rotations win', async () => {
    const { grants } = await withRefresh();
    const results = await Promise.all([
      grants.rotateRefreshToken('tink', 'refresh-1', 'tink-client'),
      grants.rotateRefreshToken('tink', 'refresh-1', 'tink-client'),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toHaveLength(1);
  });

  it('revokes the whole grant when a rotated refresh token is replayed (RFC 6819 §5.2.2.3)', async () => {
    const { grants, grant, store, issue, bearer, clock } = await withRefresh();
    const first = await grants.rotateRefreshToken('tink', 'refresh-1', 'tink-client');
    if (!first.ok) throw new Error('the first rotation should succeed');
    const successor = await grants.issueRefreshToken(first.grant, 'refresh-2', { replaces: 'refresh-1' });
    await grants.linkSuccessor(first.previous, successor.value);
    const access = await issue(first.grant);

    clock.advance(30);
    expect(await grants.rotateRefreshToken('tink', 'refresh-1', 'tink-client')).toEqual({
      ok: false,
      reason: 'reused',
    });
    expect((await store.find('grant', grant.id))?.revokedAt).toBe(start + 30_000);
    expect((await store.find('refreshToken', 'refresh-1'))?.replacedBy).toBe('refresh-2');
    expect(await bearer(access.value)).toEqual({ ok: false, reason: 'revoked' });
    expect(await grants.rotateRefreshToken('tink', 'refresh-2', 'tink-client')).toEqual({
      ok: false,
      reason: 'revoked',
    });
  });

  it('refuses another client’s refresh token without consuming it', async () => {
    const { grants } = await withRefresh();
    expect(await grants.rotateRefreshToken('tink', 'refresh-1', 'thief')).toEqual({
      ok: false,
      reason: 'wrong-client',
    });
    expect((await grants.rotateRefreshToken('tink', 'refresh-1', 'tink-client')).ok).toBe(true);
  });

  it('refuses an unknown refresh token and one of another provider', async () => {
    const { grants } = await withRefresh();
    expect(await grants.rotateRefreshToken('tink', 'nope', 'tink-client')).toEqual({
      ok: false,
      reason: 'unknown',
    });
    expect(await grants.rotateRefreshToken('uphold', 'refresh-1', 'tink-client')).toEqual({
      ok: false,
      reason: 'unknown',
    });
  });

  it('refuses an expired refresh token', async () => {
    const { grants, clock } = await withRefresh();
    clock.advance(86_400);
    expect(await grants.rotateRefreshToken('tink', 'refresh-1', 'tink-client')).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('refuses a refresh token revoked on its own', async () => {
    const { grants } = await withRefresh();
    expect(await grants.revokeRefreshToken('refresh-1', start)).toBe(true);
    expect(await grants.revokeRefreshToken('refresh-1', start)).toBe(false);
    expect(await grants.rotateRefreshToken('tink', 'refresh-1', 'tink-client')).toEqual({
      ok: false,
      reason: 'revoked',
    });
  });
});

describe('Grants.checkBearer', () => {
  it('reports a missing Authorization header as missing', async () => {
    const { grants } = await setUp();
    expect(await grants.checkBearer('tink', sandboxRequest())).toEqual({ ok: false, reason: 'missing' });
    expect(await grants.checkBearer('tink', sandboxRequest({ headers: { authorization: '  ' } }))).toEqual({
      ok: false,
      reason: 'missing',
    });
  });

  it('reports another scheme or a token with spaces as malformed', async () => {
    const { grants } = await setUp();
    for (const authorization of ['Basic dGluazpzZWNyZXQ=', 'Bearer', 'Bearer two words', 'Token abc']) {
      expect(await grants.checkBearer('tink', sandboxRequest({ headers: { authorization } }))).toEqual({
        ok: false,
        reason: 'malformed',
      });
    }
  });

  it('reports a well-formed token nobody issued as unknown', async () => {
    const { bearer } = await setUp();
    expect(await bearer('never-issued')).toEqual({ ok: false, reason: 'unknown' });
  });

  it('reports a token of another provider as unknown', async () => {
    const { grants, issue } = await setUp();
    const token = await issue(undefined);
    const req = sandboxRequest({ provider: 'gusto', headers: { authorization: `Bearer ${token.value}` } });
    expect(await grants.checkBearer('gusto', req)).toEqual({ ok: false, reason: 'unknown' });
  });

  it('accepts a token until the second it expires, then reports it expired', async () => {
    const { issue, bearer, clock } = await setUp();
    const token = await issue(undefined, { lifetimeSeconds: 60 });
    clock.advance(59);
    expect((await bearer(token.value)).ok).toBe(true);
    clock.advance(1);
    expect(await bearer(token.value)).toEqual({ ok: false, reason: 'expired' });
  });

  it('reports expired before revoked, as PRODUCT.md orders the checks', async () => {
    const { issue, bearer, clock, grants } = await setUp();
    const token = await issue(undefined, { lifetimeSeconds: 60 });
    await grants.revokeAccessToken(token.value, clock.now());
    clock.advance(60);
    expect(await bearer(token.value)).toEqual({ ok: false, reason: 'expired' });
  });

  it('reports a revoked token as revoked', async () => {
    const { issue, bearer, grants, clock } = await setUp();
    const token = await issue(undefined);
    expect(await grants.revokeAccessToken(token.value, clock.now())).toBe(true);
    expect(await bearer(token.value)).toEqual({ ok: false, reason: 'revoked' });
  });

  it('reports a token whose grant was revoked as revoked', async () => {
    const { issue, bearer, store, grant } = await setUp();
    const token = await issue(grant);
    await store.upsert('grant', { ...grant, revokedAt: start });
    expect(await bearer(token.value)).toEqual({ ok: false, reason: 'revoked' });
  });

  it('reports a token made to expire now as expired', async () => {
    const { issue, bearer, grants } = await setUp();
    const token = await issue(undefined);
    expect(await grants.expireIssued(token.value)).toBe(true);
    expect(await bearer(token.value)).toEqual({ ok: false, reason: 'expired' });
    expect(await grants.expireIssued('unknown')).toBe(false);
  });

  it('accepts the scheme name in any case', async () => {
    const { grants, issue } = await setUp();
    const token = await issue(undefined);
    const req = sandboxRequest({ headers: { authorization: `bEaReR ${token.value}` } });
    expect(await grants.checkBearer('tink', req)).toMatchObject({ ok: true, token: { value: token.value } });
  });

  it('marks the first use once and keeps that time on later uses', async () => {
    const { issue, bearer, clock, store } = await setUp();
    const token = await issue(undefined);
    clock.advance(10);
    expect(await bearer(token.value)).toMatchObject({ ok: true, token: { firstUsedAt: start + 10_000 } });
    clock.advance(10);
    expect(await bearer(token.value)).toMatchObject({ ok: true, token: { firstUsedAt: start + 10_000 } });
    expect((await store.find('accessToken', token.value))?.firstUsedAt).toBe(start + 10_000);
  });

  it('does not mark first use of a refused token', async () => {
    const { issue, bearer, clock, store } = await setUp();
    const token = await issue(undefined, { lifetimeSeconds: 1 });
    clock.advance(1);
    await bearer(token.value);
    expect((await store.find('accessToken', token.value))?.firstUsedAt).toBeUndefined();
  });

  it('revokes the refresh token named in revokesOnFirstUse on first use, and only then', async () => {
    const { issue, bearer, grants, grant, store, clock } = await setUp();
    await grants.issueRefreshToken(grant, 'old-refresh');
    const token = await issue(grant, { revokesOnFirstUse: 'old-refresh' });
    expect((await store.find('refreshToken', 'old-refresh'))?.revokedAt).toBeUndefined();
    clock.advance(3);
    expect((await bearer(token.value)).ok).toBe(true);
    expect((await store.find('refreshToken', 'old-refresh'))?.revokedAt).toBe(start + 3000);
    expect(await grants.rotateRefreshToken('tink', 'old-refresh', 'tink-client')).toEqual({
      ok: false,
      reason: 'revoked',
    });
  });
});

describe('Grants over a store without the synchronous forms (a networked store)', () => {
  it('authenticates, issues and checks tokens as over the memory store', async () => {
    const { grants, store, clock, grant, issue, bearer } = await setUp({ asyncStore: true });
    expect(store.findNow).toBeUndefined();
    expect(await grants.authenticateClient('tink', 'tink-client', 'tink-secret')).toMatchObject({
      clientId: 'tink-client',
    });
    expect(await grants.authenticateClient('tink', 'tink-client', 'wrong')).toBeUndefined();
    expect(await grants.authenticateClient('tink', 'nobody', 'tink-secret')).toBeUndefined();
    const token = await issue(grant);
    expect(await store.find('accessToken', token.value)).toEqual(token);
    const first = await bearer(token.value);
    expect(first).toMatchObject({ ok: true, token: { value: token.value, firstUsedAt: clock.now() } });
    expect(await bearer('never-issued')).toEqual({ ok: false, reason: 'unknown' });
    await store.revokeByGrant(grant.id, clock.now());
    expect(await bearer(token.value)).toEqual({ ok: false, reason: 'revoked' });
    clock.advance(3600);
    expect(await bearer(token.value)).toEqual({ ok: false, reason: 'expired' });
  });
});
