import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/engine/clock.js';
import type { ProviderId, SandboxResponse } from '../../../src/engine/http.js';
import { json, redirect } from '../../../src/engine/http.js';
import { Journal } from '../../../src/engine/journal.js';
import { isSecretName, redactSecret, redactUrl } from '../../../src/engine/redact.js';
import { sandboxRequest } from './sandbox-request.js';

const clock = fixedClock('2026-01-01T00:00:00Z');
const form = { 'content-type': 'application/x-www-form-urlencoded' };
const jsonType = { 'content-type': 'application/json' };

/** Records one exchange at the given sandbox time. */
function record(
  journal: Journal,
  entry: {
    provider?: ProviderId;
    path?: string;
    status?: number;
    at?: number;
    headers?: Record<string, string>;
    query?: string;
    body?: string;
    response?: SandboxResponse;
    grantId?: string;
    token?: string;
  } = {},
): void {
  journal.record(
    sandboxRequest({
      provider: entry.provider ?? 'tink',
      method: 'POST',
      path: entry.path ?? '/api/v1/oauth/token',
      headers: entry.headers ?? {},
      ...(entry.query === undefined ? {} : { query: entry.query }),
      ...(entry.body === undefined ? {} : { body: entry.body }),
    }),
    entry.response ?? json(entry.status ?? 200, { ok: true }),
    entry.at ?? clock.now(),
    1.23456,
    { grantId: entry.grantId, token: entry.token },
  );
}

// Characters that survive form- and JSON-encoding unchanged, so a leak could not hide behind an escape.
const secretCharacters = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~'];
const secret = fc.string({ unit: fc.constantFrom(...secretCharacters), minLength: 8, maxLength: 64 });

describe('Journal redaction', () => {
  it('never shows a client secret, token, code or credential header in its JSON', () => {
    fc.assert(
      fc.property(
        fc.record({
          clientSecret: secret,
          basicSecret: secret,
          accessToken: secret,
          refreshToken: secret,
          code: secret,
          codeVerifier: secret,
          idToken: secret,
        }),
        (s) => {
          const journal = new Journal();
          const basic = Buffer.from(`tink-client:${s.basicSecret}`).toString('base64');
          // Client authentication in the body and in a Basic header; code and refresh grants.
          record(journal, {
            headers: form,
            body: `grant_type=authorization_code&client_id=tink-client&client_secret=${s.clientSecret}&code=${s.code}&code_verifier=${s.codeVerifier}`,
            response: json(200, {
              access_token: s.accessToken,
              refresh_token: s.refreshToken,
              id_token: s.idToken,
              token_type: 'bearer',
            }),
            grantId: 'grant_1',
            token: s.accessToken,
          });
          record(journal, {
            headers: { ...form, authorization: `Basic ${basic}` },
            body: `grant_type=refresh_token&refresh_token=${s.refreshToken}`,
            response: json(200, { data: { accessToken: s.accessToken, refreshToken: s.refreshToken } }),
          });
          record(journal, {
            headers: jsonType,
            body: JSON.stringify({
              client_secret: s.clientSecret,
              nested: [{ refresh_token: s.refreshToken }],
            }),
            response: json(200, { code: s.code }),
          });
          // A resource call with a bearer token, and a redirect carrying a code.
          record(journal, {
            path: '/data/v2/accounts',
            headers: { authorization: `Bearer ${s.accessToken}` },
          });
          record(journal, {
            path: '/oauth/authorize',
            query: `client_id=tink-client&code=${s.code}&state=xyz`,
            response: redirect(`http://localhost:3000/callback?code=${s.code}&state=xyz`),
          });

          const shown = JSON.stringify(journal.list());
          for (const value of [...Object.values(s), basic]) expect(shown).not.toContain(value);
          expect(shown).toContain('[redacted #');
          expect(shown).toContain('state=xyz');
        },
      ),
    );
  });

  it('keeps a short prefix and fingerprint, so two secrets can be told apart', () => {
    const a = redactSecret('eyJhbGciOiJSUzI1NiJ9.first');
    const b = redactSecret('eyJhbGciOiJSUzI1NiJ9.second');
    expect(a.startsWith('eyJh')).toBe(true);
    expect(a).not.toBe(b);
    expect(redactSecret('Bearer abcdefghijklmnop')).toMatch(/^Bearer abcd…\[redacted #[0-9a-f]{8}\]$/);
  });

  it('shows no prefix at all of a short secret', () => {
    expect(redactSecret('hunter2')).toMatch(/^…\[redacted #[0-9a-f]{8}\]$/);
  });

  it('redacts only secret query parameters of a redirect location', () => {
    const redacted = redactUrl('https://app.example/cb?code=secret-code-value&state=s1');
    expect(redacted).not.toContain('secret-code-value');
    expect(new URL(redacted).searchParams.get('state')).toBe('s1');
    expect(redactUrl('https://app.example/cb')).toBe('https://app.example/cb');
  });

  it('knows secret field names in any case', () => {
    for (const name of [
      'client_secret',
      'Authorization',
      'ACCESS_TOKEN',
      'refreshToken',
      'code',
      'Set-Cookie',
    ]) {
      expect(isSecretName(name)).toBe(true);
    }
    for (const name of ['client_id', 'state', 'scope', 'grant_type', 'content-type']) {
      expect(isSecretName(name)).toBe(false);
    }
  });

  it('shows non-secret request and response details as they were', () => {
    const journal = new Journal();
    record(journal, {
      headers: form,
      query: 'market=GB',
      body: 'grant_type=client_credentials&scope=user%3Acreate&scope=user%3Aread',
      status: 201,
      grantId: 'grant_1',
    });
    const [entry] = journal.list();
    expect(entry).toMatchObject({
      seq: 1,
      time: '2026-01-01T00:00:00.000Z',
      provider: 'tink',
      method: 'POST',
      path: '/api/v1/oauth/token',
      status: 201,
      latencyMs: 1.235,
      grantId: 'grant_1',
      request: {
        query: { market: 'GB' },
        body: { grant_type: 'client_credentials', scope: ['user:create', 'user:read'] },
      },
      response: { body: { ok: true } },
    });
  });

  it("shows an error answer's code (Uphold's token_invalid) but redacts a code issued in a 2xx answer", () => {
    const journal = new Journal();
    const details = { code: 'nested-secret-code' };
    record(journal, { response: json(401, { code: 'token_invalid', message: 'Invalid token', details }) });
    record(journal, { response: json(200, { code: 'a-secret-authorization-code' }) });
    const [error, issued] = journal.list();
    expect(error?.response?.body).toEqual({
      code: 'token_invalid',
      message: 'Invalid token',
      details: { code: redactSecret('nested-secret-code') },
    });
    expect(issued?.response?.body).toEqual({ code: redactSecret('a-secret-authorization-code') });
  });

  it('summarises bodies it cannot show', () => {
    const journal = new Journal();
    record(journal, { headers: jsonType, body: '{not json' });
    record(journal, { headers: { 'content-type': 'application/octet-stream' }, body: 'abc' });
    record(journal, { response: { status: 200, headers: {}, body: '<html>page</html>' } });
    const [badJson, binary, page] = journal.list();
    expect(badJson?.request?.body).toBe('[unparseable JSON body]');
    expect(binary?.request?.body).toBe('[3 bytes of application/octet-stream]');
    expect(page?.response?.body).toBe('[html page]');
  });
});

describe('Journal ring buffer', () => {
  it('keeps only the newest entries, oldest first', () => {
    const journal = new Journal(3);
    for (let i = 1; i <= 8; i++) record(journal, { path: `/p${i}` });
    expect(journal.size).toBe(3);
    expect(journal.list().map((e) => e.path)).toEqual(['/p6', '/p7', '/p8']);
    expect(journal.list().map((e) => e.seq)).toEqual([6, 7, 8]);
  });

  it('keeps every entry until it is full', () => {
    const journal = new Journal(3);
    record(journal, { path: '/a' });
    record(journal, { path: '/b' });
    expect(journal.list().map((e) => e.path)).toEqual(['/a', '/b']);
  });

  it('starts over after being cleared, with sequence numbers still rising', () => {
    const journal = new Journal(2);
    for (let i = 0; i < 3; i++) record(journal, { path: '/old' });
    journal.clear();
    expect(journal.list()).toEqual([]);
    record(journal, { path: '/new-1' });
    record(journal, { path: '/new-2' });
    record(journal, { path: '/new-3' });
    expect(journal.list().map((e) => [e.path, e.seq])).toEqual([
      ['/new-2', 5],
      ['/new-3', 6],
    ]);
  });
});

describe('Journal filters', () => {
  const t0 = clock.now();

  function filled(): Journal {
    const journal = new Journal();
    record(journal, { provider: 'tink', path: '/api/v1/oauth/token', status: 200, at: t0 });
    record(journal, { provider: 'tink', path: '/data/v2/accounts', status: 401, at: t0 + 1000 });
    record(journal, { provider: 'uphold', path: '/core/users', status: 201, at: t0 + 2000 });
    record(journal, { provider: 'tink', path: '/api/v1/oauth/token', status: 400, at: t0 + 3000 });
    return journal;
  }

  it('filters by provider', () => {
    expect(
      filled()
        .list({ provider: 'uphold' })
        .map((e) => e.seq),
    ).toEqual([3]);
    expect(filled().list({ provider: 'gusto' })).toEqual([]);
  });

  it('filters by path prefix', () => {
    expect(
      filled()
        .list({ path: '/api/v1/oauth' })
        .map((e) => e.seq),
    ).toEqual([1, 4]);
  });

  it('filters by status', () => {
    expect(
      filled()
        .list({ status: 401 })
        .map((e) => e.seq),
    ).toEqual([2]);
  });

  it('filters by sandbox time, including entries at that instant', () => {
    expect(
      filled()
        .list({ since: t0 + 2000 })
        .map((e) => e.seq),
    ).toEqual([3, 4]);
  });

  it('limits to the newest entries', () => {
    expect(
      filled()
        .list({ limit: 2 })
        .map((e) => e.seq),
    ).toEqual([3, 4]);
    expect(
      filled()
        .list({ limit: 10 })
        .map((e) => e.seq),
    ).toEqual([1, 2, 3, 4]);
  });

  it('returns nothing for a limit of zero', () => {
    expect(filled().list({ limit: 0 })).toEqual([]);
  });

  it('combines filters', () => {
    expect(
      filled()
        .list({ provider: 'tink', path: '/api', since: t0 + 1, limit: 5 })
        .map((e) => e.seq),
    ).toEqual([4]);
  });
});

describe('Journal detail', () => {
  it('keeps the request and response of the newest entries only, and what identifies every entry', () => {
    const journal = new Journal(5, 2);
    for (let i = 1; i <= 5; i++) {
      record(journal, {
        path: `/p${i}`,
        status: 200 + i,
        headers: form,
        body: `grant_type=client_credentials&n=${i}`,
        grantId: `grant_${i}`,
        token: `token-value-number-${i}`,
      });
    }
    const entries = journal.list();
    expect(entries.map((e) => [e.seq, e.path, e.status, e.grantId, e.method])).toEqual(
      [1, 2, 3, 4, 5].map((i) => [i, `/p${i}`, 200 + i, `grant_${i}`, 'POST']),
    );
    expect(entries.map((e) => e.token)).toEqual(
      [1, 2, 3, 4, 5].map((i) => redactSecret(`token-value-number-${i}`)),
    );
    expect(entries.map((e) => e.request !== undefined && e.response !== undefined)).toEqual([
      false,
      false,
      false,
      true,
      true,
    ]);
    expect(entries[4]?.request?.body).toEqual({ grant_type: 'client_credentials', n: '5' });
    expect(journal.list({ path: '/p2', status: 202 }).map((e) => e.seq)).toEqual([2]);
  });

  it('keeps no request or response with a detail of 0, and every one with the full size', () => {
    const none = new Journal(3, 0);
    const all = new Journal(3, 3);
    for (const journal of [none, all]) for (let i = 0; i < 4; i++) record(journal, { path: `/p${i}` });
    expect(none.list().map((e) => e.request)).toEqual([undefined, undefined, undefined]);
    expect(none.list().map((e) => e.path)).toEqual(['/p1', '/p2', '/p3']);
    expect(all.list().every((e) => e.request !== undefined && e.response !== undefined)).toBe(true);
  });

  it('gives back every kept path and token exactly, long, multi-byte or malformed ones too (model)', () => {
    const text = fc.oneof(
      { weight: 6, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
      // Any UTF-16 unit, lone surrogates included.
      {
        weight: 2,
        arbitrary: fc.string({ unit: fc.nat(0xffff).map((c) => String.fromCharCode(c)), maxLength: 30 }),
      },
      { weight: 1, arbitrary: fc.string({ minLength: 5000, maxLength: 9000 }) },
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 8 }),
        fc.array(fc.record({ path: text, token: fc.option(text, { nil: undefined }) }), { maxLength: 40 }),
        fc.integer({ min: 0, max: 40 }),
        (capacity, detail, requests, clearAt) => {
          const journal = new Journal(capacity, detail);
          let kept: typeof requests = [];
          requests.forEach((request, i) => {
            if (i === clearAt) {
              journal.clear();
              kept = [];
            }
            record(journal, {
              path: request.path,
              ...(request.token === undefined ? {} : { token: request.token }),
            });
            kept = [...kept, request].slice(-capacity);
          });
          const entries = journal.list();
          expect(entries.map((e) => e.path)).toEqual(kept.map((r) => r.path));
          expect(entries.map((e) => e.token)).toEqual(
            kept.map((r) => (r.token === undefined ? undefined : redactSecret(r.token))),
          );
        },
      ),
    );
  });
});
