import { BodyError, readForm, readJsonObject, stringField } from '../../engine/body.js';
import type { RouteContext } from '../../engine/dialect.js';
import type { AccessToken, ClientRecord } from '../../engine/records.js';
import { sharedScopeLists } from '../../engine/scope-cache.js';
import { tinkErrors } from './errors.js';

/**
 * Tink scopes travel comma-separated (`accounts:read,transactions:read`); spaces are tolerated. One shared
 * list per string.
 */
export const parseScopes = sharedScopeLists((value) => [...new Set(value.split(/[,\s]+/).filter(Boolean))]);

export function formatScopes(scopes: readonly string[]): string {
  return scopes.join(',');
}

/** A form body, with Tink's error for anything unreadable. */
export function tinkForm(ctx: RouteContext): ReadonlyMap<string, string> {
  try {
    return readForm(ctx.req);
  } catch (error) {
    throw asTinkError(error);
  }
}

export function tinkJson(ctx: RouteContext): Map<string, unknown> {
  try {
    return readJsonObject(ctx.req);
  } catch (error) {
    throw asTinkError(error);
  }
}

export function tinkString(fields: Map<string, unknown>, name: string): string | undefined {
  try {
    return stringField(fields, name);
  } catch (error) {
    throw asTinkError(error);
  }
}

function asTinkError(error: unknown): unknown {
  return error instanceof BodyError ? tinkErrors.invalidRequest(error.message) : error;
}

export function required(fields: ReadonlyMap<string, string>, name: string): string {
  const value = fields.get(name);
  if (value === undefined || value === '') throw tinkErrors.invalidRequest(`${name} is required.`);
  return value;
}

/** The `scope` field's scopes: one at least (`scope=,,,` names none, as no scope at all). */
export function requiredScopes(fields: ReadonlyMap<string, string>): readonly string[] {
  const scopes = parseScopes(required(fields, 'scope'));
  if (scopes.length === 0) throw tinkErrors.invalidRequest('scope is required.');
  return scopes;
}

/** Tink takes client credentials in the form body (providers.md §3.3). */
export async function authenticateClient(
  ctx: RouteContext,
  fields: ReadonlyMap<string, string>,
): Promise<ClientRecord> {
  const clientId = fields.get('client_id');
  const secret = fields.get('client_secret');
  if (!clientId || secret === undefined)
    throw tinkErrors.invalidRequest('client_id and client_secret are required.');
  return ctx.sandbox.grants.requireClient('tink', clientId, secret, tinkErrors.invalidClient);
}

/** The bearer check, then the token kind and scope a Tink endpoint requires. */
export async function requireToken(
  ctx: RouteContext,
  requirement: { kind: 'client' | 'user'; scope?: string },
): Promise<AccessToken> {
  const check = await ctx.sandbox.grants.checkBearer('tink', ctx.req);
  if (!check.ok) throw tinkErrors.tokenRejected(check.reason);
  const { token } = check;
  ctx.touch({ grantId: token.grantId, token: token.value });
  if (token.kind !== requirement.kind) throw tinkErrors.wrongTokenKind(requirement.kind);
  if (requirement.scope !== undefined && !token.scopes.includes(requirement.scope)) {
    throw tinkErrors.missingScope(requirement.scope);
  }
  return token;
}
