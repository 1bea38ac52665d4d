import { describe, expect, it } from 'vitest';
import { bearer, startTestServer } from '../support/server.js';
import { tinkClientToken, tinkUserTokens } from '../support/tink.js';

interface TransactionsPage {
  transactions: { id: string; accountId: string; dates: { booked: string } }[];
  nextPageToken: string;
}

describe('Tink data endpoints', () => {
  it('pages through the user’s transactions with nextPageToken', async () => {
    const server = await startTestServer();
    const { access_token } = await tinkUserTokens(server, 'transactions:read');
    const seen: string[] = [];
    let pageToken = '';
    do {
      const query = new URLSearchParams({ pageSize: '12', ...(pageToken ? { pageToken } : {}) });
      const res = await fetch(`${server.url}/tink/data/v2/transactions?${query}`, {
        headers: bearer(access_token),
      });
      expect(res.status).toBe(200);
      const page = (await res.json()) as TransactionsPage;
      seen.push(...page.transactions.map((t) => t.id));
      pageToken = page.nextPageToken;
    } while (pageToken);
    expect(seen).toHaveLength(30);
    expect(new Set(seen).size).toBe(30);
  });

  it('filters transactions by account and booked date', async () => {
    const server = await startTestServer();
    const { access_token } = await tinkUserTokens(server, 'transactions:read,accounts:read');
    const accounts = (await (
      await fetch(`${server.url}/tink/data/v2/accounts`, { headers: bearer(access_token) })
    ).json()) as { accounts: { id: string }[] };
    const accountId = accounts.accounts[0]?.id ?? '';
    const res = await fetch(
      `${server.url}/tink/data/v2/transactions?accountIdIn=${accountId}&bookedDateGte=2025-12-20&pageSize=100`,
      { headers: bearer(access_token) },
    );
    const page = (await res.json()) as TransactionsPage;
    expect(page.transactions.length).toBeGreaterThan(0);
    expect(page.transactions.every((t) => t.accountId === accountId && t.dates.booked >= '2025-12-20')).toBe(
      true,
    );
  });

  it('needs the right scope and a user token', async () => {
    const server = await startTestServer();
    const { access_token } = await tinkUserTokens(server, 'accounts:read');
    const noScope = await fetch(`${server.url}/tink/data/v2/transactions`, { headers: bearer(access_token) });
    expect(noScope.status).toBe(403);
    expect(await noScope.json()).toMatchObject({ errorCode: 'MISSING_SCOPE' });
    const client = await fetch(`${server.url}/tink/data/v2/accounts`, {
      headers: bearer(await tinkClientToken(server, 'user:create')),
    });
    expect(client.status).toBe(403);
    const unknown = await fetch(`${server.url}/tink/data/v2/accounts`, { headers: bearer('not-a-token') });
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toMatchObject({ errorCode: 'TOKEN_INVALID' });
  });

  it.each([['pageSize=0'], ['pageSize=abc'], ['pageToken=forged'], ['bookedDateGte=yesterday']])(
    'refuses %s with 400',
    async (query) => {
      const server = await startTestServer();
      const { access_token } = await tinkUserTokens(server, 'transactions:read');
      const res = await fetch(`${server.url}/tink/data/v2/transactions?${query}`, {
        headers: bearer(access_token),
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ errorCode: 'INVALID_REQUEST' });
    },
  );
});
