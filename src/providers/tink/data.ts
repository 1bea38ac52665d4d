import { createHash } from 'node:crypto';
import type { RouteContext } from '../../engine/dialect.js';
import { json, type SandboxResponse } from '../../engine/http.js';
import { scopedKey } from '../../engine/records.js';
import type { components } from '../../generated/tink.js';
import { requireToken } from './access.js';
import { tinkErrors } from './errors.js';

type Account = components['schemas']['Account'];
type Transaction = components['schemas']['Transaction'];

/** GET /data/v2/accounts: the user's seeded accounts (user token, accounts:read). */
export async function listAccounts(ctx: RouteContext): Promise<SandboxResponse> {
  const token = await requireToken(ctx, { kind: 'user', scope: 'accounts:read' });
  const accounts = accountsOf(await liveUser(ctx, token.userId));
  const page = paginate(ctx, accounts);
  return json(200, { accounts: page.items, nextPageToken: page.next });
}

/** GET /data/v2/transactions: the user's seeded transactions, newest first (user token, transactions:read). */
export async function listTransactions(ctx: RouteContext): Promise<SandboxResponse> {
  const token = await requireToken(ctx, { kind: 'user', scope: 'transactions:read' });
  const userId = await liveUser(ctx, token.userId);
  const query = ctx.req.query;
  const accountIds = query
    .getAll('accountIdIn')
    .flatMap((v) => v.split(','))
    .filter(Boolean);
  const from = dateParam(query.get('bookedDateGte'), 'bookedDateGte');
  const to = dateParam(query.get('bookedDateLte'), 'bookedDateLte');
  const transactions = transactionsOf(userId, ctx.sandbox.clock.now()).filter(
    (t) =>
      (accountIds.length === 0 || accountIds.includes(t.accountId)) &&
      (from === undefined || t.dates.booked >= from) &&
      (to === undefined || t.dates.booked <= to),
  );
  const page = paginate(ctx, transactions);
  return json(200, { transactions: page.items, nextPageToken: page.next });
}

async function liveUser(ctx: RouteContext, userId: string | undefined): Promise<string> {
  const user =
    userId === undefined ? undefined : await ctx.sandbox.store.find('user', scopedKey('tink', userId));
  if (!user || user.deletedAt !== undefined) throw tinkErrors.tokenRejected('revoked');
  return user.id;
}

function dateParam(value: string | null, name: string): string | undefined {
  if (value === null) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value))
    throw tinkErrors.invalidRequest(`${name} must be a date such as 2026-01-31.`);
  return value;
}

/** Cursor pagination: `pageToken` is an opaque offset, `nextPageToken` is "" on the last page. */
function paginate<T>(ctx: RouteContext, items: T[]): { items: T[]; next: string } {
  const query = ctx.req.query;
  const sizeParam = query.get('pageSize');
  const size = sizeParam === null ? 50 : Number(sizeParam);
  if (!Number.isInteger(size) || size < 1 || size > 100) {
    throw tinkErrors.invalidRequest('pageSize must be a whole number from 1 to 100.');
  }
  const token = query.get('pageToken');
  const offset = token ? decodePageToken(token) : 0;
  const end = offset + size;
  return { items: items.slice(offset, end), next: end < items.length ? encodePageToken(end) : '' };
}

function encodePageToken(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

function decodePageToken(token: string): number {
  const match = /^offset:(\d{1,7})$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!match?.[1]) throw tinkErrors.invalidRequest('pageToken is not a token this API returned.');
  return Number(match[1]);
}

/** Deterministic pseudo-random numbers from the user id, so every run shows the same data. */
function seeded(userId: string, salt: string): number {
  return createHash('sha256').update(`${userId}:${salt}`).digest().readUInt32BE(0);
}

function money(cents: number, currencyCode = 'GBP'): Account['balances']['booked']['amount'] {
  return { value: { unscaledValue: String(cents), scale: '2' }, currencyCode };
}

/** Accounts are a pure function of the user id: computed once per user (bounded), not per request. */
const accountCache = new Map<string, Account[]>();

function accountsOf(userId: string): Account[] {
  let accounts = accountCache.get(userId);
  if (!accounts) {
    if (accountCache.size >= 1000) accountCache.clear();
    accounts = buildAccounts(userId);
    accountCache.set(userId, accounts);
  }
  return accounts;
}

function buildAccounts(userId: string): Account[] {
  const kinds: Account['type'][] = ['CHECKING', 'SAVINGS'];
  return kinds.map((type, i) => {
    const id = createHash('sha256').update(`${userId}:account:${i}`).digest('hex').slice(0, 32);
    const bban = String(seeded(userId, `bban${i}`)).padStart(14, '0');
    return {
      id,
      name: type === 'CHECKING' ? 'Everyday Account' : 'Rainy Day Saver',
      type,
      balances: { booked: { amount: money((seeded(userId, `balance${i}`) % 900_000) + 10_000) } },
      identifiers: { iban: { iban: `GB${String((seeded(userId, `iban${i}`) % 90) + 10)}DEMO${bban}`, bban } },
      dates: { lastRefreshed: '2026-01-01T00:00:00Z' },
      financialInstitutionId: 'd7f1d8f3c0a94a2fa2c0f0b7f0b0c0de',
      customerSegment: 'PERSONAL',
    };
  });
}

const merchants = [
  'Corner Grocer',
  'City Transit',
  'Coffee House',
  'Book Nook',
  'Power & Light Co',
  'Salary',
];

/** 30 transactions over the 60 days before `now` (sandbox clock), spread over the user's accounts. */
function transactionsOf(userId: string, now: number): Transaction[] {
  const accounts = accountsOf(userId);
  const day = 86_400_000;
  return Array.from({ length: 30 }, (_, i) => {
    const account = accounts[i % accounts.length];
    const merchant = merchants[seeded(userId, `merchant${i}`) % merchants.length] ?? 'Shop';
    const income = merchant === 'Salary';
    const cents = (seeded(userId, `amount${i}`) % 20_000) + 100;
    const booked = new Date(now - i * 2 * day).toISOString().slice(0, 10);
    return {
      id: createHash('sha256').update(`${userId}:tx:${i}`).digest('hex').slice(0, 32),
      accountId: account?.id ?? '',
      amount: money(income ? cents * 20 : -cents),
      descriptions: { original: merchant.toUpperCase(), display: merchant },
      dates: { booked, value: booked },
      status: i < 2 ? 'PENDING' : 'BOOKED',
      types: { type: 'DEFAULT' },
    };
  });
}
