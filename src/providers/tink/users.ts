import type { RouteContext } from '../../engine/dialect.js';
import { json, noContent, type SandboxResponse } from '../../engine/http.js';
import { hexToken } from '../../engine/random.js';
import type { UserRecord } from '../../engine/records.js';
import { scopedKey, userName } from '../../engine/records.js';
import { requireToken, tinkJson, tinkString } from './access.js';
import { tinkErrors } from './errors.js';

const market = /^[A-Z]{2}$/;
const locale = /^[a-z]{2}_[A-Z]{2}$/;

/** POST /api/v1/user/create: a client token with user:create; a duplicate external_user_id is a 409. */
export async function createUser(ctx: RouteContext): Promise<SandboxResponse> {
  await requireToken(ctx, { kind: 'client', scope: 'user:create' });
  const body = tinkJson(ctx);
  const externalUserId = tinkString(body, 'external_user_id');
  const userMarket = tinkString(body, 'market');
  const userLocale = tinkString(body, 'locale');
  if (userMarket === undefined || !market.test(userMarket)) {
    throw tinkErrors.invalidRequest('market is required: a two-letter market code such as "GB".');
  }
  if (userLocale === undefined || !locale.test(userLocale)) {
    throw tinkErrors.invalidRequest('locale is required: a locale such as "en_US".');
  }
  const { store, clock, random } = ctx.sandbox;
  const user: UserRecord = {
    provider: 'tink',
    id: hexToken(random, 16),
    companies: [],
    status: 'active',
    market: userMarket,
    locale: userLocale,
    createdAt: clock.now(),
    ...(externalUserId === undefined ? {} : { externalUserId }),
  };
  // Atomic on every store: of concurrent creations of one external id, exactly one is made.
  if (await store.insertNamed('user', user)) throw tinkErrors.userAlreadyExists();
  return json(200, { user_id: user.id, external_user_id: externalUserId ?? '' });
}

/** POST /api/v1/user/delete: a user token; the user and every grant and token of theirs are gone. */
export async function deleteUser(ctx: RouteContext): Promise<SandboxResponse> {
  const token = await requireToken(ctx, { kind: 'user', scope: 'user:delete' });
  const { store, clock } = ctx.sandbox;
  const user =
    token.userId === undefined ? undefined : await store.find('user', scopedKey('tink', token.userId));
  if (!user || user.deletedAt !== undefined) throw tinkErrors.userNotFound();
  const now = clock.now();
  await store.upsert('user', { ...user, deletedAt: now });
  for (const grant of await store.list('grant', 'tink')) {
    if (grant.userId === user.id) await store.revokeByGrant(grant.id, now);
  }
  return noContent();
}

/** A live user named by `user_id` or `external_user_id` (exactly one of them). */
export async function findNamedUser(
  ctx: RouteContext,
  fields: ReadonlyMap<string, string>,
): Promise<UserRecord> {
  const userId = fields.get('user_id');
  const externalUserId = fields.get('external_user_id');
  if (userId && externalUserId)
    throw tinkErrors.invalidRequest('Send user_id or external_user_id, not both.');
  if (!userId && !externalUserId) throw tinkErrors.invalidRequest('user_id or external_user_id is required.');
  const user = userId
    ? await ctx.sandbox.store.find('user', scopedKey('tink', userId))
    : await ctx.sandbox.store.findNamed('user', userName.external('tink', externalUserId ?? ''));
  if (!user || user.deletedAt !== undefined) throw tinkErrors.userNotFound();
  return user;
}
