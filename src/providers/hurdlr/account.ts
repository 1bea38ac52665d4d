import { BodyError, stringField } from '../../engine/body.js';
import type { RouteContext } from '../../engine/dialect.js';
import type { UserRecord } from '../../engine/records.js';
import { scopedKey } from '../../engine/records.js';
import type { components } from '../../generated/hurdlr.js';
import { hurdlrErrors } from './errors.js';
import { grantForUser, issueHurdlrTokens } from './issue.js';
import { readAccountBody } from './request.js';

type AccountResponse = components['schemas']['AccountResponse'];
type UserInfo = components['schemas']['UserInfo'];

function text(fields: Map<string, unknown>, name: string): string | undefined {
  try {
    return stringField(fields, name);
  } catch (error) {
    if (error instanceof BodyError) throw hurdlrErrors.accountFailure(error.message);
    throw error;
  }
}

/**
 * POST /v4/auth/account ("Create a Tight account"): the partner's credentials in the body; the answer
 * carries the new user's tokens in `oAuth`. An existing userId is updated (result SUCCESS_UPDATED).
 */
export async function createAccount(ctx: RouteContext): Promise<AccountResponse> {
  const fields = readAccountBody(ctx.req);
  const clientId = text(fields, 'client_id');
  const secret = text(fields, 'client_secret');
  const client =
    clientId && secret ? await ctx.sandbox.grants.authenticateClient('hurdlr', clientId, secret) : undefined;
  if (!client) throw hurdlrErrors.accountInvalidCredentials();
  const userId = text(fields, 'userId');
  if (!userId) throw hurdlrErrors.accountFailure('userId is required.');
  if (!/^[A-Za-z0-9_.@-]{1,64}$/.test(userId)) {
    throw hurdlrErrors.accountFailure('userId must be 1-64 letters, digits, _ . @ or -.');
  }
  const existing = await ctx.sandbox.store.find('user', scopedKey('hurdlr', userId));
  const name = [text(fields, 'firstName'), text(fields, 'lastName')].filter((part) => part).join(' ');
  const email = text(fields, 'email');
  const user: UserRecord = {
    provider: 'hurdlr',
    id: userId,
    companies: [],
    status: 'active',
    createdAt: existing?.createdAt ?? ctx.sandbox.clock.now(),
    ...(existing?.email === undefined ? {} : { email: existing.email }),
    ...(existing?.name === undefined ? {} : { name: existing.name }),
    ...(email ? { email } : {}),
    ...(name ? { name } : {}),
  };
  await ctx.sandbox.store.upsert('user', user);
  const grant = await grantForUser(ctx.sandbox, client.clientId, userId);
  ctx.touch({ grantId: grant.id });
  const oAuth = await issueHurdlrTokens(ctx.sandbox, grant);
  return { result: existing ? 'SUCCESS_UPDATED' : 'SUCCESS', oAuth };
}

/** GET /v4/auth/userInfo: the token's user (v5 documents the same call at /v5/auth/userInfo). */
export async function getUserInfo(ctx: RouteContext): Promise<UserInfo> {
  const checked = await ctx.sandbox.grants.checkBearer('hurdlr', ctx.req);
  if (!checked.ok) throw hurdlrErrors.tokenRejected(checked.reason);
  ctx.touch({ token: checked.token.value, grantId: checked.token.grantId });
  const userId = checked.token.userId ?? '';
  const user = await ctx.sandbox.store.find('user', scopedKey('hurdlr', userId));
  const [firstName, ...rest] = (user?.name ?? '').split(' ');
  return {
    userId,
    ...(user?.email === undefined ? {} : { email: user.email }),
    ...(firstName ? { firstName } : {}),
    ...(rest.length > 0 ? { lastName: rest.join(' ') } : {}),
  };
}
