/**
 * Matches a method and path against a dialect's route table. Static paths are one map lookup; paths
 * with `{param}` segments are tried in table order.
 */
export interface RouteSpec {
  method: string;
  /** A path with optional `{name}` segments: `/v1/companies/{company_id}`. */
  path: string;
}

type FoundMatch<R> = { kind: 'found'; route: R; params: Record<string, string> };

export type RouteMatch<R> = FoundMatch<R> | { kind: 'wrong-method'; allowed: string[] } | { kind: 'none' };

interface Pattern<R> {
  source: string;
  regex: RegExp;
  names: string[];
  byMethod: Map<string, R>;
}

/** Static routes have no parameters; their matches share one frozen object. */
const noParams: Record<string, string> = Object.freeze({});

export class Router<R extends RouteSpec> {
  /** Static paths -> method -> their match, made once: a static route matches the same way every time. */
  private readonly statics = new Map<string, Map<string, FoundMatch<R>>>();
  private readonly patterns: Pattern<R>[] = [];

  constructor(routes: readonly R[]) {
    for (const route of routes) this.add(route);
  }

  private add(route: R): void {
    const method = route.method.toUpperCase();
    if (!route.path.includes('{')) {
      const byMethod = this.statics.get(route.path) ?? new Map<string, FoundMatch<R>>();
      byMethod.set(method, Object.freeze({ kind: 'found', route, params: noParams }));
      this.statics.set(route.path, byMethod);
      return;
    }
    const names: string[] = [];
    const source = route.path
      .split('/')
      .map((segment) => {
        const param = /^\{(\w+)\}$/.exec(segment);
        if (!param?.[1]) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(param[1]);
        return '([^/]+)';
      })
      .join('/');
    let pattern = this.patterns.find((p) => p.source === source);
    if (!pattern) {
      pattern = { source, regex: new RegExp(`^${source}$`), names, byMethod: new Map() };
      this.patterns.push(pattern);
    }
    pattern.byMethod.set(method, route);
  }

  match(method: string, path: string): RouteMatch<R> {
    const normalised = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
    const byPath = this.statics.get(normalised);
    if (byPath) return routeFor(byPath, method) ?? wrongMethod(byPath);
    for (const pattern of this.patterns) {
      const found = pattern.regex.exec(normalised);
      if (!found) continue;
      const params: Record<string, string> = {};
      pattern.names.forEach((name, index) => {
        params[name] = safeDecode(found[index + 1] ?? '');
      });
      return pick(pattern.byMethod, method, params);
    }
    return { kind: 'none' };
  }
}

/** What one path holds for a method; HEAD falls back to GET. */
function routeFor<T>(byMethod: Map<string, T>, method: string): T | undefined {
  return byMethod.get(method) ?? (method === 'HEAD' ? byMethod.get('GET') : undefined);
}

function pick<R>(byMethod: Map<string, R>, method: string, params: Record<string, string>): RouteMatch<R> {
  const route = routeFor(byMethod, method);
  if (route) return { kind: 'found', route, params };
  return wrongMethod(byMethod);
}

/** The path is known but not for this method: the methods it takes (the 405's Allow). */
function wrongMethod(byMethod: Map<string, unknown>): RouteMatch<never> {
  return { kind: 'wrong-method', allowed: [...byMethod.keys()] };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
