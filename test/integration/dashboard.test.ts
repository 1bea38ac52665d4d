import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { dashboardScript } from '../../src/dashboard/script.js';
import { describeDashboard, shownPerList } from '../../src/dashboard/view.js';
import { redactSecret } from '../../src/engine/redact.js';
import { type RunningServer, startServer } from '../../src/index.js';
import { advanceClock, basic, bearer, postForm, postJson, startTestServer } from '../support/server.js';

const acme = '7b1d0df1-6a6b-4c1e-9b0e-2f8a5c3d4e51';
const globex = 'd525dd21-ba6e-482c-be15-c2c7237f1364';
const gustoApp = { client_id: 'gusto-client', client_secret: 'gusto-secret' };

async function page(server: RunningServer, path = '/__sandbox/', headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}${path}`, { headers });
  return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
}

/** A JSON body of the shape the test expects (the assertions that follow check it). */
async function json<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

async function tightToken(server: RunningServer): Promise<string> {
  const res = await postForm(
    `${server.url}/tight/v6/auth/token`,
    { grant_type: 'client_credentials' },
    { authorization: basic('tight-client', 'tight-secret') },
  );
  expect(res.status).toBe(200);
  const body = await json<{ access_token: string }>(res);
  return body.access_token;
}

async function gustoToken<T>(server: RunningServer, fields: Record<string, string>): Promise<T> {
  const res = await postJson(`${server.url}/gusto/oauth/token`, { ...gustoApp, ...fields });
  expect(res.status).toBe(200);
  return json<T>(res);
}

/** Reads a text/event-stream response event by event. */
async function openEvents(server: RunningServer, headers: Record<string, string> = {}) {
  const abort = new AbortController();
  const res = await fetch(`${server.url}/__sandbox/events`, { headers, signal: abort.signal });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = res.body?.getReader();
  if (!reader) throw new Error('no body');
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    async next(): Promise<string> {
      for (;;) {
        const at = buffer.indexOf('\n\n');
        if (at >= 0) {
          const block = buffer.slice(0, at);
          buffer = buffer.slice(at + 2);
          const name = /^event: (.+)$/m.exec(block)?.[1];
          if (name !== undefined) return name;
          continue;
        }
        const chunk = await reader.read();
        if (chunk.done) return 'end';
        buffer += decoder.decode(chunk.value, { stream: true });
      }
    },
    close: () => abort.abort(),
  };
}

describe('dashboard page', () => {
  it('shows the loaded scenario: providers, clients without their secrets, users', async () => {
    const server = await startTestServer();
    const { status, type, body } = await page(server);
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/html/);
    for (const text of ['tight-client', 'user_bookkeeper', 'gusto-client', 'Acme Payroll', 'ext-user-1'])
      expect(body).toContain(text);
    for (const secret of ['tight-secret', 'gusto-secret', 'uphold-secret', 'gusto-legacy-refresh-token'])
      expect(body).not.toContain(secret);
    expect(body).toContain('src="/__sandbox/dashboard/app.js"');
    expect(body).toContain('data-now="1767225600000"');
  });

  it('is also served without the trailing slash, and its script and stylesheet load', async () => {
    const server = await startTestServer();
    expect((await page(server, '/__sandbox')).status).toBe(200);
    const script = await page(server, '/__sandbox/dashboard/app.js');
    expect(script.type).toMatch(/^application\/javascript/);
    expect(() => new Script(script.body)).not.toThrow();
    expect((await page(server, '/__sandbox/dashboard/app.css')).type).toMatch(/^text\/css/);
  });

  it('ships a script that reads no wall clock', () => {
    expect(dashboardScript).not.toMatch(/Date\.now\(|new Date\(\s*\)/);
    expect(() => new Script(dashboardScript)).not.toThrow();
  });

  it('shows a token active with its countdown, then expired once the sandbox clock passes its expiry', async () => {
    const server = await startTestServer();
    await tightToken(server);
    const before = await page(server, '/__sandbox/dashboard/live');
    expect(before.body).toMatch(/data-provider="tight" data-kind="client" data-status="active"/);
    expect(before.body).toContain(`data-expires-at="${Date.parse('2026-01-01T01:00:00Z')}"`);
    expect(before.body).toContain('1h 0m 0s');
    await advanceClock(server, 3600);
    const after = await page(server, '/__sandbox/dashboard/live');
    expect(after.body).toMatch(/data-provider="tight" data-kind="client" data-status="expired"/);
    expect(after.body).toContain('expired 0s ago');
  });

  it('escapes whatever a request carried into the journal', async () => {
    const server = await startTestServer();
    await fetch(`${server.url}/tight/v6/company/query`, {
      method: 'POST',
      headers: { 'x-probe': '<script>alert(1)</script>', 'content-type': 'application/json' },
      body: JSON.stringify({ note: '<img src=x onerror=alert(2)>' }),
    });
    const { body } = await page(server);
    expect(body).not.toContain('<script>alert(1)');
    expect(body).not.toContain('<img src=x');
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('says an older request kept no headers or bodies, and shows those of the newest', async () => {
    const server = await startTestServer({ journalDetail: 1 });
    await tightToken(server);
    await postForm(`${server.url}/tink/api/v1/oauth/token`, { grant_type: 'client_credentials' });
    const { body } = await page(server, '/__sandbox/dashboard/journal');
    expect(body).toContain('/tight/v6/auth/token');
    expect(body.match(/Headers and bodies are kept for the newest requests only/g)).toHaveLength(1);
    expect(body).toContain('&quot;request&quot;');
  });

  it('filters the journal by provider, status and path, and says what is wrong with a bad filter', async () => {
    const server = await startTestServer();
    await tightToken(server);
    await postForm(`${server.url}/tink/api/v1/oauth/token`, { grant_type: 'client_credentials' });
    const tink = await page(server, '/__sandbox/dashboard/journal?provider=tink');
    expect(tink.body).toContain('/tink/api/v1/oauth/token');
    expect(tink.body).not.toContain('/tight/v6/auth/token');
    const byStatus = await page(server, '/__sandbox/dashboard/journal?status=200');
    expect(byStatus.body).toContain('/tight/v6/auth/token');
    expect(byStatus.body).not.toContain('/tink/api/v1/oauth/token');
    const byPath = await page(server, '/__sandbox/dashboard/journal?path=/tight');
    expect(byPath.body).toContain('/tight/v6/auth/token');
    expect(byPath.body).not.toContain('/tink/');
    const bad = await page(server, '/__sandbox/dashboard/journal?provider=paypal&status=abc');
    expect(bad.body).toContain('Unknown provider &quot;paypal&quot;');
  });
});

describe('dashboard lineage', () => {
  it('shows which refresh made which token, and which legacy grant lost which company to a strict token', async () => {
    const server = await startTestServer();
    const legacy = await gustoToken<{ access_token: string }>(server, {
      grant_type: 'refresh_token',
      refresh_token: 'gusto-legacy-refresh-token-acme-and-globex-000',
    });
    const pairs = await gustoToken<{ access_token: string; resource_uuid: string }[]>(server, {
      grant_type: 'strict_access',
      access_token: legacy.access_token,
    });
    const strictAcme = pairs.find((p) => p.resource_uuid === acme);
    const used = await fetch(`${server.url}/gusto/v1/token_info`, {
      headers: bearer(strictAcme?.access_token ?? ''),
    });
    expect(used.status).toBe(200);

    const view = await describeDashboard(server.engine);
    const legacyGrant = view.grants.find((g) => g.kind === 'company' && g.clientId === 'gusto-client');
    const strictGrant = view.grants.find((g) => g.strict && g.companies[0] === acme);
    expect(legacyGrant?.companies).toEqual([globex]);
    expect(legacyGrant?.lost).toEqual([
      { company: acme, strictGrantId: strictGrant?.id, at: Date.parse('2026-01-01T00:00:00Z') },
    ]);
    expect(strictGrant?.parentGrantId).toBe(legacyGrant?.id);
    const refreshed = view.accessTokens.find((t) => t.grantId === legacyGrant?.id);
    expect(refreshed?.refreshedFrom).toMatch(/redacted/);
    const rotated = view.refreshTokens.find((t) => t.ref === refreshed?.refreshedFrom);
    expect(rotated?.replacedBy).toBe(refreshed?.refreshToken);

    const { body } = await page(server, '/__sandbox/dashboard/live');
    expect(body).toContain(
      `lost <strong>Acme Payroll</strong> to strict <a href="#grant-${strictGrant?.id}">`,
    );
    expect(body).toContain(`strict access from legacy <a href="#grant-${legacyGrant?.id}">`);
    expect(body).toContain('made by refreshing <code>');
  });
});

describe('dashboard actions', () => {
  it('revokes a token named by the reference the dashboard shows', async () => {
    const server = await startTestServer();
    const token = await tightToken(server);
    const [shown] = (await describeDashboard(server.engine)).accessTokens;
    expect(shown?.ref).not.toContain(token);
    const res = await postJson(`${server.url}/__sandbox/dashboard/revoke`, { ref: shown?.ref });
    expect(res.status).toBe(200);
    const call = await postJson(`${server.url}/tight/v6/company/query`, {}, bearer(token));
    expect(call.status).toBe(401);
    expect((await describeDashboard(server.engine)).accessTokens[0]?.status).toBe('revoked');
    const unknown = await postJson(`${server.url}/__sandbox/dashboard/revoke`, { ref: 'nope' });
    expect(unknown.status).toBe(404);
    expect((await postJson(`${server.url}/__sandbox/dashboard/revoke`, {})).status).toBe(400);
  });

  it('expires an access token named by its reference', async () => {
    const server = await startTestServer();
    await tightToken(server);
    const [shown] = (await describeDashboard(server.engine)).accessTokens;
    expect((await postJson(`${server.url}/__sandbox/dashboard/expire`, { ref: shown?.ref })).status).toBe(
      200,
    );
    expect((await describeDashboard(server.engine)).accessTokens[0]?.status).toBe('expired');
  });
});

describe('dashboard live updates', () => {
  it('pushes "changed" after a provider request and after a control call', async () => {
    const server = await startTestServer();
    const events = await openEvents(server);
    expect(await events.next()).toBe('ready');
    await tightToken(server);
    expect(await events.next()).toBe('changed');
    await postJson(`${server.url}/__sandbox/users/uphold/5d2f8c14-2b9a-4e7d-8c61-9f0a4b3e7c22/unblock`, {});
    expect(await events.next()).toBe('changed');
    events.close();
  });

  it('lets the server close while a dashboard is still listening', async () => {
    const server = await startServer({ port: 0 });
    const events = await openEvents(server);
    expect(await events.next()).toBe('ready');
    await server.close();
    expect(await events.next()).toBe('end');
  });
});

describe('dashboard tenants', () => {
  it('shows the tenant the header names, and only its changes are pushed to its listeners', async () => {
    const server = await startTestServer();
    const created = await postJson(`${server.url}/__sandbox/tenants`, {});
    const tenant = await json<{ id: string }>(created);
    const header = { 'x-sandbox-tenant': tenant.id };
    const live = await page(server, '/__sandbox/dashboard/live', header);
    expect(live.body).toContain(`tight-client-${tenant.id}`);
    const viaQuery = await page(server, `/__sandbox/?tenant=${tenant.id}`);
    expect(viaQuery.body).toContain(`data-tenant="${tenant.id}"`);

    const events = await openEvents(server, header);
    expect(await events.next()).toBe('ready');
    await postJson(`${server.url}/__sandbox/clock`, { advanceSeconds: 60 }, header);
    expect(await events.next()).toBe('changed');
    events.close();
  });

  it('says so when the tenant does not exist', async () => {
    const server = await startTestServer();
    const missing = await page(server, '/__sandbox/?tenant=t_nope');
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('No tenant t_nope.');
    const fragment = await page(server, '/__sandbox/dashboard/live', { 'x-sandbox-tenant': 't_nope' });
    expect(fragment.status).toBe(404);
  });
});

describe('dashboard of a busy sandbox', () => {
  it('shows the newest of each list, says how many there are, and still acts on a token not shown', async () => {
    const server = await startTestServer();
    const issued: string[] = [];
    for (let i = 0; i < shownPerList + 3; i++) {
      const { access_token } = await gustoToken<{ access_token: string }>(server, {
        grant_type: 'system_access',
      });
      issued.push(access_token);
    }
    const view = await describeDashboard(server.engine);
    expect(view.accessTokens).toHaveLength(shownPerList);
    expect(view.totals.accessTokens).toBe(shownPerList + 3);
    const refs = view.accessTokens.map((t) => t.ref);
    expect(refs).toContain(redactSecret(issued.at(-1) ?? ''));
    const oldest = redactSecret(issued[0] ?? '');
    expect(refs).not.toContain(oldest);

    const { body } = await page(server, '/__sandbox/dashboard/live');
    expect(body).toContain(`The newest ${shownPerList} of ${shownPerList + 3} access tokens.`);
    expect(body).not.toContain(oldest);

    const res = await postJson(`${server.url}/__sandbox/dashboard/revoke`, { ref: oldest });
    expect(res.status).toBe(200);
    const call = await fetch(`${server.url}/gusto/v1/token_info`, { headers: bearer(issued[0] ?? '') });
    expect(call.status).toBe(401);
  });
});
