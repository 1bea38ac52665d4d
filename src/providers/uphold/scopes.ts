import { sharedScopeLists } from '../../engine/scope-cache.js';

/**
 * Uphold scopes: space-delimited on the wire (spec `create-oauth2-token-client-credentials.scope`),
 * `<resource>:<action>` by name. Wildcard actions exist (`users:*` in the docs' token example), so a
 * granted `core.users:*` covers `core.users:read`.
 */
export const actOnBehalfOf = 'core.users:act-on-behalf-of';

/** RFC 6749 §3.3: scope-token *( SP scope-token ); repeated names are folded. One shared list per string. */
export const parseScopes = sharedScopeLists((value) => [
  ...new Set(value.split(' ').filter((scope) => scope !== '')),
]);

export function formatScopes(scopes: readonly string[]): string {
  return scopes.join(' ');
}

export function covers(granted: readonly string[], wanted: string): boolean {
  if (granted.includes(wanted)) return true;
  return granted.some((scope) => scope.endsWith(':*') && wanted.startsWith(scope.slice(0, -1)));
}

/** The scopes of `wanted` that `granted` does not cover. */
export function uncovered(granted: readonly string[], wanted: readonly string[]): string[] {
  return wanted.filter((scope) => !covers(granted, scope));
}
