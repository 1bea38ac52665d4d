import type { RouteContext } from '../../engine/dialect.js';
import { json, type SandboxResponse } from '../../engine/http.js';
import type { components } from '../../generated/uphold.js';
import { authorize, type OperationRule, subjectUser } from './access.js';
import { upholdErrors } from './errors.js';
import { accountsOf, openAccount, supportedAssets, type UpholdAccount } from './ledger.js';
import { BodyRules, readUpholdJson } from './request.js';

type Account = components['schemas']['Account'];

// Scopes from the spec's per-operation security; both need a user subject.
const listRule: OperationRule = { scopes: ['core.accounts:read'], subject: 'user' };
const createRule: OperationRule = { scopes: ['core.accounts:create'], subject: 'user' };

/** GET /core/accounts: the subject user's accounts, optionally filtered by `asset=BTC,USD`. */
export async function listAccounts(ctx: RouteContext): Promise<SandboxResponse> {
  const user = subjectUser(await authorize(ctx, listRule));
  const filter = ctx.req.query.get('asset');
  const assets = filter === null ? undefined : new Set(filter.split(',').map((asset) => asset.trim()));
  const accounts = (await accountsOf(ctx.sandbox.store, user.id)).filter(
    (a) => assets === undefined || assets.has(a.asset),
  );
  return json(200, { accounts: accounts.map(toAccount) });
}

/** POST /core/accounts: opens an empty account in one asset for the subject user (201). */
export async function createAccount(ctx: RouteContext): Promise<SandboxResponse> {
  const user = subjectUser(await authorize(ctx, createRule));
  const rules = new BodyRules(readUpholdJson(ctx.req));
  const asset = rules.string('asset', { required: true, pattern: /^[A-Z0-9]{2,12}$/ });
  const label = rules.string('label', { required: true, minLength: 1, maxLength: 100 });
  rules.check();
  if (asset === undefined || label === undefined) throw upholdErrors.requestInvalid('body', []);
  if (!supportedAssets.has(asset)) throw upholdErrors.assetNotSupported();
  const { store, clock, random } = ctx.sandbox;
  const now = clock.now();
  const account: UpholdAccount = {
    id: random.uuid(),
    ownerId: user.id,
    label,
    asset,
    total: '0',
    available: '0',
    createdAt: now,
    updatedAt: now,
  };
  await openAccount(store, account);
  return json(201, { account: toAccount(account) });
}

function toAccount(account: UpholdAccount): Account {
  return {
    id: account.id,
    ownerId: account.ownerId,
    label: account.label,
    asset: account.asset,
    balance: { total: account.total, available: account.available },
    createdAt: new Date(account.createdAt).toISOString(),
    updatedAt: new Date(account.updatedAt).toISOString(),
  };
}
