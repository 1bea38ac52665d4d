import type { ProviderId, SandboxRequest } from './http.js';

/** Names of provider-shaped errors a fault can inject without the user writing the body. */
export const namedFaults = [
  'invalid_grant',
  'invalid_client',
  'invalid_token',
  'expired_token',
  'insufficient_scope',
  'rate_limited',
  'server_error',
  'temporarily_unavailable',
] as const;
export type NamedFault = (typeof namedFaults)[number];

export interface FaultSpec {
  provider?: ProviderId;
  method?: string;
  /** Exact path, or a glob: `*` within a segment, `**` across segments. Matched with or without `/<id>`. */
  path?: string;
  /** How many matching requests it acts on; default 1; 0 means until deleted. */
  times?: number;
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  delayMs?: number;
  action?: 'reset-connection';
  error?: NamedFault;
}

export interface Fault extends FaultSpec {
  id: string;
  /** Matches left; undefined means until deleted. */
  remaining?: number;
  hits: number;
}

/** Scripted faults: the next N matching provider requests fail, stall or drop their connection. */
export class FaultBook {
  private faults: Fault[] = [];
  private seq = 0;

  add(spec: FaultSpec): Fault {
    const times = spec.times ?? 1;
    const fault: Fault = { ...spec, id: `fault_${++this.seq}`, hits: 0 };
    if (times > 0) fault.remaining = times;
    this.faults.push(fault);
    return fault;
  }

  list(): Fault[] {
    return this.faults.map((fault) => ({ ...fault }));
  }

  remove(id: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((fault) => fault.id !== id);
    return this.faults.length < before;
  }

  clear(): void {
    this.faults = [];
  }

  /** The first fault matching the request, counted as used (spent faults are dropped). */
  take(req: SandboxRequest): Fault | undefined {
    if (this.faults.length === 0) return undefined;
    const fault = this.faults.find((candidate) => matches(candidate, req));
    if (!fault) return undefined;
    fault.hits++;
    if (fault.remaining !== undefined && --fault.remaining <= 0) this.remove(fault.id);
    return { ...fault };
  }
}

function matches(fault: Fault, req: SandboxRequest): boolean {
  if (fault.provider !== undefined && fault.provider !== req.provider) return false;
  if (fault.method !== undefined && fault.method.toUpperCase() !== req.method) return false;
  if (fault.path === undefined) return true;
  const pattern = globToRegExp(fault.path);
  return pattern.test(req.path) || pattern.test(`/${req.provider}${req.path}`);
}

const globCache = new Map<string, RegExp>();

export function globToRegExp(glob: string): RegExp {
  let regex = globCache.get(glob);
  if (!regex) {
    const source = glob
      .split('**')
      .map((part) =>
        part
          .split('*')
          .map((piece) => piece.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
          .join('[^/]*'),
      )
      .join('.*');
    regex = new RegExp(`^${source}$`);
    globCache.set(glob, regex);
  }
  return regex;
}
