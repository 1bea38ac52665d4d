import { isProviderId, type ProviderId } from '../engine/http.js';
import type { Tenants } from '../tenants.js';

/** A request target below a provider's mount: `/uphold/core/users?x=1` -> uphold, `/core/users`, `x=1`. */
export interface ProviderTarget {
  provider: ProviderId;
  path: string;
  query: string;
}

/** The provider a request target (origin form) names by its first segment, when one is mounted. */
export function providerTarget(tenants: Tenants, url: string): ProviderTarget | undefined {
  const queryAt = url.indexOf('?');
  const path = queryAt < 0 ? url : url.slice(0, queryAt);
  const second = path.indexOf('/', 1);
  const mount = second < 0 ? path.slice(1) : path.slice(1, second);
  if (!isProviderId(mount) || !tenants.main.dialect(mount)) return undefined;
  return {
    provider: mount,
    path: second < 0 ? '/' : path.slice(second),
    query: queryAt < 0 ? '' : url.slice(queryAt + 1),
  };
}

/**
 * The path and query of a request target. A client talking to a proxy sends the absolute form
 * (`GET http://host/uphold/core/users/me`, RFC 9112 §3.2.2), which a server must accept too.
 */
export function originForm(target: string): string {
  if (target.charCodeAt(0) === 47 /* / */) return target;
  const scheme = /^https?:\/\/[^/?#]*/i.exec(target);
  if (!scheme) return target;
  const rest = target.slice(scheme[0].length);
  return rest === '' || rest.startsWith('?') ? `/${rest}` : rest;
}
