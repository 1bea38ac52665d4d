import { describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/index.js';
import { basic, bearer, postForm, postJson } from '../support/server.js';
import { useContractSandbox } from '../unit/providers/tight/harness.js';

const start = useContractSandbox('tight');
const forbidden = "The access_token doesn't have permissions to perform the request.";
type Server = RunningServer;
interface Transaction {
  id: string;
  companyId: string;
  editor: { userId: string | null };
}
interface Page<T> {
  result: string;
  data: T[];
  cursor: { after?: string; before?: string };
}

async function token(server: Server, fields: Record<string, string> = {}): Promise<Record<string, string>> {
  const res = await postForm(`${server.url}/tight/v6/auth/token`, fields, {
    authorization: basic('tight-client', 'tight-secret'),
  });
  return bearer(((await res.json()) as { access_token: string }).access_token);
}

async function companiesOfTransactions(server: Server, auth: Record<string, string>, body: unknown = {}) {
  const res = await postJson(`${server.url}/tight/v6/banks/transactions/query`, body, auth);
  expect(res.status).toBe(200);
  const page = (await res.json()) as Page<Transaction>;
  return [...new Set(page.data.map((t) => t.companyId))].sort();
}

describe('Tight token reach, scope and audit on the resource surface', () => {
  it('lets an owner token see only its company, a bookkeeper theirs, and a partner-level token all', async () => {
    const server = await start();
    expect(await companiesOfTransactions(server, await token(server, { userId: 'user_owner_acme' }))).toEqual(
      ['co_acme'],
    );
    expect(await companiesOfTransactions(server, await token(server, { userId: 'user_bookkeeper' }))).toEqual(
      ['co_acme', 'co_globex'],
    );
    expect(await companiesOfTransactions(server, await token(server))).toEqual([
      'co_acme',
      'co_globex',
      'co_initech',
    ]);
  });

  it('filters a multi-company token by company and refuses a company out of reach with 403', async () => {
    const server = await start();
    const bookkeeper = await token(server, { userId: 'user_bookkeeper' });
    const filter = (companies: string[]) => ({ filter: { company: { in: companies } } });
    expect(await companiesOfTransactions(server, bookkeeper, filter(['co_globex']))).toEqual(['co_globex']);
    const res = await postJson(
      `${server.url}/tight/v6/banks/transactions/query`,
      filter(['co_initech']),
      bookkeeper,
    );
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      result: 'FAILURE',
      data: null,
      error: [{ type: 'BAD_REQUEST', message: forbidden, param: 'filter.company.in' }],
    });
  });

  it('pages through transactions with cursor.after and cursor.before', async () => {
    const server = await start();
    const auth = await token(server);
    const first = (await (
      await postJson(`${server.url}/tight/v6/banks/transactions/query`, { limit: 4 }, auth)
    ).json()) as Page<Transaction>;
    expect(first.data).toHaveLength(4);
    expect(first.cursor.before).toBeUndefined();
    const next = (await (
      await postJson(
        `${server.url}/tight/v6/banks/transactions/query`,
        { limit: 4, cursor: first.cursor.after },
        auth,
      )
    ).json()) as Page<Transaction>;
    expect(next.data).toHaveLength(4);
    expect(next.data.map((t) => t.id)).not.toContain(first.data[0]?.id);
    expect(next.cursor.before).toBeDefined();
    const bad = await postJson(
      `${server.url}/tight/v6/banks/transactions/query`,
      { cursor: 'garbage' },
      auth,
    );
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: [{ type: 'INVALID_VALUE', param: 'cursor' }] });
  });

  it('refuses a read-only token on a write call with the documented 403 message', async () => {
    const server = await start();
    const read = await token(server, { userId: 'user_owner_acme', scope: 'read' });
    const body = { data: [{ date: '2026-01-02', amount: -100, description: 'Coffee' }] };
    const res = await postJson(`${server.url}/tight/v6/banks/transactions`, body, read);
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      result: 'FAILURE',
      data: null,
      error: [{ type: 'BAD_REQUEST', message: forbidden }],
    });
  });

  it('saves a transaction audited with the owner as editor, and then finds it', async () => {
    const server = await start();
    const owner = await token(server, { userId: 'user_owner_acme' });
    const body = {
      data: [{ date: '2026-01-02', amount: -4599, description: 'Office supplies', customData: { x: 1 } }],
    };
    const res = await postJson(`${server.url}/tight/v6/banks/transactions`, body, owner);
    expect(res.status).toBe(200);
    const saved = (await res.json()) as { result: string; data: { result: string; data: Transaction }[] };
    expect(saved.result).toBe('SUCCESS');
    expect(saved.data[0]?.data).toMatchObject({
      companyId: 'co_acme',
      type: 'EXPENSE',
      amount: -4599,
      editor: { userId: 'user_owner_acme' },
      lastUpdatedDateTime: '2026-01-01T00:00:00.000Z',
    });
    const page = (await (
      await postJson(`${server.url}/tight/v6/banks/transactions/query`, {}, owner)
    ).json()) as Page<Transaction>;
    expect(page.data.map((t) => t.id)).toContain(saved.data[0]?.data.id);
  });

  it('audits a partner-level write with a null editor and needs companyId when the token reaches several', async () => {
    const server = await start();
    const partner = await token(server);
    const item = { date: '2026-01-02', amount: 100, description: 'Refund' };
    const missing = await postJson(`${server.url}/tight/v6/banks/transactions`, { data: [item] }, partner);
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: [{ type: 'REQUIRED', param: 'data[0].companyId' }] });
    const res = await postJson(
      `${server.url}/tight/v6/banks/transactions`,
      { data: [{ ...item, companyId: 'co_initech' }] },
      partner,
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      data: [{ data: { companyId: 'co_initech', editor: { userId: null } } }],
    });
  });

  it('refuses a write to, or an update of, a transaction of a company out of reach', async () => {
    const server = await start();
    const owner = await token(server, { userId: 'user_owner_acme' });
    const item = { date: '2026-01-02', amount: 100, description: 'Refund', companyId: 'co_globex' };
    const res = await postJson(`${server.url}/tight/v6/banks/transactions`, { data: [item] }, owner);
    expect(res.status).toBe(403);
    const globex = (await (
      await postJson(
        `${server.url}/tight/v6/banks/transactions/query`,
        { filter: { company: { in: ['co_globex'] } } },
        await token(server),
      )
    ).json()) as Page<Transaction>;
    const update = { id: globex.data[0]?.id, date: '2026-01-02', amount: 1, description: 'Edited' };
    const edited = await postJson(`${server.url}/tight/v6/banks/transactions`, { data: [update] }, owner);
    expect(edited.status).toBe(403);
  });

  it.each([
    [{ data: [{ amount: 1, description: 'x' }] }, 'REQUIRED', 'data[0].date'],
    [{ data: [{ date: '2026-01-02', amount: '12', description: 'x' }] }, 'INVALID_VALUE', 'data[0].amount'],
    [{ data: [{ date: '2026-02-31x', amount: 1, description: 'x' }] }, 'INVALID_VALUE', 'data[0].date'],
    [{ data: [] }, 'INVALID_VALUE', 'data'],
    [{ rows: [] }, 'REQUIRED', 'data'],
  ])('answers 400 for the bad save body %j', async (body, type, param) => {
    const server = await start();
    const res = await postJson(
      `${server.url}/tight/v6/banks/transactions`,
      body,
      await token(server, { userId: 'user_owner_acme' }),
    );
    expect(res.status).toBe(400);
    const answer = (await res.json()) as {
      result: string;
      data: null;
      error: { type: string; param: string }[];
    };
    expect(answer.result).toBe('FAILURE');
    expect(answer.error).toContainEqual(expect.objectContaining({ type, param }));
  });

  it('answers malformed JSON with JSON_ERROR and a wrong content type with INVALID_FORMAT', async () => {
    const server = await start();
    const auth = await token(server);
    const url = `${server.url}/tight/v6/banks/transactions/query`;
    const malformed = await fetch(url, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: '{"limit":',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: [{ type: 'JSON_ERROR' }] });
    const form = await fetch(url, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'text/plain' },
      body: 'limit=1',
    });
    expect(form.status).toBe(400);
    expect(await form.json()).toMatchObject({ error: [{ type: 'INVALID_FORMAT' }] });
  });

  it('lists companies in reach, and lets only a partner-level token get one by id', async () => {
    const server = await start();
    const bookkeeper = await token(server, { userId: 'user_bookkeeper' });
    const listed = (await (
      await postJson(`${server.url}/tight/v6/company/query`, {}, bookkeeper)
    ).json()) as Page<{ id: string }>;
    expect(listed.data.map((c) => c.id)).toEqual(['co_acme', 'co_globex']);
    const asUser = await fetch(`${server.url}/tight/v6/company/co_acme`, { headers: bookkeeper });
    expect(asUser.status).toBe(403);
    const partner = await token(server);
    const company = await fetch(`${server.url}/tight/v6/company/co_acme`, { headers: partner });
    expect(company.status).toBe(200);
    expect(await company.json()).toEqual({
      result: 'SUCCESS',
      data: { id: 'co_acme', name: 'Acme Books', status: 'ACTIVE', owners: [{ userId: 'user_owner_acme' }] },
    });
    const missing = await fetch(`${server.url}/tight/v6/company/co_missing`, { headers: partner });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({
      result: 'FAILURE',
      error: [{ type: 'INVALID_VALUE', param: 'id' }],
    });
  });

  it('answers a wrong method with 405 and an unknown path with 404, both in the Tight envelope', async () => {
    const server = await start();
    const wrong = await fetch(`${server.url}/tight/v6/auth/token`, { method: 'GET' });
    expect(wrong.status).toBe(405);
    expect(await wrong.json()).toMatchObject({
      result: 'FAILURE',
      data: null,
      error: [{ type: 'BAD_REQUEST' }],
    });
    const unknown = await fetch(`${server.url}/tight/v6/nothing-here`, { method: 'POST' });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ result: 'FAILURE', data: null });
  });
});
