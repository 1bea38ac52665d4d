import type { RouteContext } from '../../engine/dialect.js';
import type { AccessToken, UserRecord } from '../../engine/records.js';
import { findUpholdClient } from './clients.js';
import { upholdErrors } from './errors.js';
import { uncovered } from './scopes.js';
import { readOnBehalfOf, resolveSubject, type Subject } from './subject.js';

/** What an operation requires: its scopes (spec per-operation security) and who may call it. */
export interface OperationRule {
  scopes: readonly string[];
  /** `client`: only as the client (create user); `user`: needs a user subject. */
  subject: 'client' | 'user';
}

export interface Caller {
  token: AccessToken;
  subject: Subject;
}

/**
 * The checks every Core resource call makes, in PRODUCT.md's order: the bearer token (401), the
 * operation's scopes (403), a well-formed X-On-Behalf-Of (400), the subject it names (403/404), then
 * the subject's state: a blocked user's non-GET calls answer the seed's 409 (GET still answers), and
 * an operation that needs a user answers 409 without one.
 */
export async function authorize(ctx: RouteContext, rule: OperationRule): Promise<Caller> {
  const { grants, store } = ctx.sandbox;
  const check = await grants.checkBearer('uphold', ctx.req);
  if (!check.ok) throw upholdErrors.tokenRejected(check.reason);
  const { token } = check;
  ctx.touch({ grantId: token.grantId, token: token.value });
  if (uncovered(token.scopes, rule.scopes).length > 0)
    throw upholdErrors.insufficientScopes(rule.scopes, token.scopes);
  const asked = readOnBehalfOf(ctx.req);
  const client = await findUpholdClient(store, token.clientId);
  if (!client) throw upholdErrors.tokenRejected('revoked');
  const subject = await resolveSubject(store, client, asked, {
    operationScopes: rule.scopes,
    tokenScopes: token.scopes,
  });
  if (subject.kind === 'user' && subject.user.status === 'blocked' && !isSafe(ctx.req.method)) {
    throw upholdErrors.userBlocked();
  }
  if (rule.subject === 'user' && subject.kind !== 'user') throw upholdErrors.missingUserContext();
  if (rule.subject === 'client' && subject.kind !== 'client') throw upholdErrors.userSubjectNotAllowed();
  return { token, subject };
}

/** The user a user-subject operation acts for (authorize has already required one). */
export function subjectUser(caller: Caller): UserRecord {
  if (caller.subject.kind !== 'user') throw upholdErrors.missingUserContext();
  return caller.subject.user;
}

// Seed 003: "every request to non GET endpoints will fail with 409" for a blocked user. HEAD is a GET
// without a body, so it answers too.
function isSafe(method: string): boolean {
  return method === 'GET' || method === 'HEAD';
}
