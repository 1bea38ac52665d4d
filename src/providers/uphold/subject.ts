import type { SandboxRequest } from '../../engine/http.js';
import type { ClientRecord, UserRecord } from '../../engine/records.js';
import { scopedKey } from '../../engine/records.js';
import type { Store } from '../../engine/store.js';
import { upholdErrors } from './errors.js';
import { actOnBehalfOf, covers } from './scopes.js';

/**
 * Who a request acts for (Uphold "subjects", providers.md §4.5): the client itself, or one user.
 */
export type Subject = { kind: 'client' } | { kind: 'user'; user: UserRecord };

/** The header as the request states it, before anything is looked up. */
export type OnBehalfOf = { kind: 'none' } | { kind: 'client' | 'user'; id: string };

// The Core API spec's parameter pattern for X-On-Behalf-Of: `user|client`, one space, a v1-8 UUID.
export const onBehalfOfPattern =
  /^(user|client)\s([0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[089ab][0-9a-f]{3}-[0-9a-f]{12})$/;

/** Reads X-On-Behalf-Of; a value off the spec's pattern is 400 `request_invalid` (context `headers`). */
export function readOnBehalfOf(req: SandboxRequest): OnBehalfOf {
  const header = req.headers['x-on-behalf-of'];
  if (header === undefined) return { kind: 'none' };
  const match = onBehalfOfPattern.exec(header);
  const kind = match?.[1];
  const id = match?.[2];
  if ((kind !== 'user' && kind !== 'client') || id === undefined) {
    throw upholdErrors.requestInvalid('headers', [
      { property: 'x-on-behalf-of', rule: 'pattern', ruleParams: { pattern: onBehalfOfPattern.source } },
    ]);
  }
  return { kind, id };
}

/**
 * Resolves the subject. Organization-wide clients act as `client` unless they name a user, which
 * needs `core.users:act-on-behalf-of` (403 `token_insufficient_scopes` otherwise, listing the
 * operation's scopes and that one). A single-user client always acts as its user; naming anyone else
 * is refused (I: 403 `operation_not_allowed`; the real error is undocumented).
 */
export async function resolveSubject(
  store: Store,
  client: ClientRecord,
  asked: OnBehalfOf,
  grant: { operationScopes: readonly string[]; tokenScopes: readonly string[] },
): Promise<Subject> {
  if (client.boundUserId !== undefined) {
    if (asked.kind === 'client' || (asked.kind === 'user' && asked.id !== client.boundUserId)) {
      throw upholdErrors.boundToAnotherSubject();
    }
    return { kind: 'user', user: await findUser(store, client.boundUserId) };
  }
  if (asked.kind !== 'user') return { kind: 'client' };
  if (!covers(grant.tokenScopes, actOnBehalfOf)) {
    throw upholdErrors.insufficientScopes([...grant.operationScopes, actOnBehalfOf], grant.tokenScopes);
  }
  return { kind: 'user', user: await findUser(store, asked.id) };
}

async function findUser(store: Store, id: string): Promise<UserRecord> {
  const user = await store.find('user', scopedKey('uphold', id));
  if (!user || user.deletedAt !== undefined) throw upholdErrors.userNotFound();
  return user;
}
