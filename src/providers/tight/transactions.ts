import type { RouteContext } from '../../engine/dialect.js';
import { hexToken } from '../../engine/random.js';
import { list, number, object, oneOf, optional, string } from '../../engine/shape.js';
import type { components } from '../../generated/tight.js';
import { authorizeTight, requireReach, type TightAccess } from './access.js';
import { tightErrors } from './errors.js';
import { entriesOf, findEntry, type LedgerEntry, saveEntry } from './ledger.js';
import { paginate } from './pagination.js';
import { readTightJson } from './request.js';

type SaveResponse = components['schemas']['SaveTransactionsResponse'];
type QueryResponse = components['schemas']['TransactionQueryResponse'];

const isoDate = string({ pattern: /^\d{4}-\d{2}-\d{2}$/, hint: 'a date such as 2026-01-02' });

// Tight's transaction has many more fields (docs: Save transactions); unknown ones are accepted and ignored.
const transactionInput = object(
  {
    id: optional(string({ min: 1 })),
    companyId: optional(string({ min: 1 })),
    date: isoDate,
    amount: number({ integer: true }),
    description: string(),
    notes: optional(string()),
    bankAccountId: optional(string()),
    type: optional(oneOf(['EXPENSE', 'INCOME'] as const)),
  },
  { allowUnknown: true },
);
const saveRequest = object({ data: list(transactionInput) });
type TransactionInput = NonNullable<ReturnType<typeof transactionInput.check>>;

export const queryRequest = object(
  {
    cursor: optional(string({ min: 1 })),
    limit: optional(number({ integer: true, min: 1 })),
    sort: optional(object({}, { allowUnknown: true })),
    filter: optional(
      object({ company: optional(object({ in: list(string({ min: 1 })) })) }, { allowUnknown: true }),
    ),
  },
  { allowUnknown: true },
);

export function checkLimit(limit: number | undefined): void {
  if (limit !== undefined && limit > 250)
    throw tightErrors.invalidValue('limit', 'limit must be at most 250.');
}

/** POST /v6/banks/transactions: a write; every saved entry is audited with the token's editor. */
export async function saveTransactions(ctx: RouteContext): Promise<SaveResponse> {
  const access = await authorizeTight(ctx, { write: true });
  const body = readTightJson(ctx.req, saveRequest, false);
  if (body.data.length === 0 || body.data.length > 100) {
    throw tightErrors.invalidValue('data', 'data must hold 1 to 100 transactions.');
  }
  const { store } = ctx.sandbox;
  // Check every item before saving any, so that a failed request changes nothing.
  const existing = await Promise.all(body.data.map((item) => findEntry(store, item.id ?? '')));
  const targets = body.data.map((item, index) => targetCompany(access, existing[index], item, index));
  const updated = new Date(ctx.sandbox.clock.now()).toISOString();
  const saved = await Promise.all(
    body.data.map(async (item, index) => {
      const entry: LedgerEntry = {
        id: item.id ?? `btxn_${hexToken(ctx.sandbox.random, 6)}`,
        companyId: targets[index] ?? '',
        type: item.type ?? (item.amount < 0 ? 'EXPENSE' : 'INCOME'),
        date: item.date,
        amount: item.amount,
        description: item.description,
        ...(item.notes === undefined ? {} : { notes: item.notes }),
        ...(item.bankAccountId === undefined ? {} : { bankAccountId: item.bankAccountId }),
        status: 'ACTIVE',
        editor: { userId: access.editor },
        lastUpdatedDateTime: updated,
      };
      await saveEntry(store, entry, ctx.sandbox.clock.now());
      return { result: 'SUCCESS' as const, statusCode: 200, data: entry, error: [] };
    }),
  );
  return { result: 'SUCCESS', data: saved, error: [] };
}

function targetCompany(
  access: TightAccess,
  existing: LedgerEntry | undefined,
  item: TransactionInput,
  index: number,
) {
  const at = `data[${index}]`;
  if (Number.isNaN(Date.parse(`${item.date}T00:00:00Z`))) {
    throw tightErrors.invalidValue(`${at}.date`, `${item.date} is not a calendar date.`);
  }
  if (item.id !== undefined && !existing) {
    throw tightErrors.invalidValue(
      `${at}.id`,
      `No bank transaction has the id ${item.id}; leave id out to create one.`,
    );
  }
  if (existing) {
    requireReach(access, [existing.companyId], `${at}.id`);
    if (item.companyId !== undefined && item.companyId !== existing.companyId) {
      throw tightErrors.invalidValue(`${at}.companyId`, 'A transaction cannot move to another company.');
    }
    return existing.companyId;
  }
  const only = access.reach.size === 1 ? [...access.reach][0] : undefined;
  const companyId = item.companyId ?? only;
  if (companyId === undefined) {
    throw tightErrors.required(
      `${at}.companyId`,
      `${at}.companyId is required: this token reaches several companies.`,
    );
  }
  requireReach(access, [companyId], `${at}.companyId`);
  return companyId;
}

/** POST /v6/banks/transactions/query: what the token reaches, optionally narrowed by company. */
export async function queryTransactions(ctx: RouteContext): Promise<QueryResponse> {
  const access = await authorizeTight(ctx);
  const query = readTightJson(ctx.req, queryRequest, true);
  checkLimit(query.limit);
  const wanted = query.filter?.company?.in;
  if (wanted !== undefined) requireReach(access, wanted, 'filter.company.in');
  const companies = wanted === undefined ? access.reach : new Set(wanted);
  const page = paginate(await entriesOf(ctx.sandbox.store, companies), query.limit, query.cursor);
  return { result: 'SUCCESS', data: page.data, error: [], cursor: page.cursor };
}
