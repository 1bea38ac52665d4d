import { validateHeaderName, validateHeaderValue } from 'node:http';
import type { Request, Router } from 'express';
import type { SandboxEngine } from '../engine/engine.js';
import { type FaultSpec, namedFaults } from '../engine/faults.js';
import { providerIds } from '../engine/http.js';
import { number, object, oneOf, optional, string, validate } from '../engine/shape.js';

const faultShape = object({
  provider: optional(oneOf(providerIds)),
  method: optional(string({ pattern: /^[A-Za-z]+$/, hint: 'an HTTP method' })),
  path: optional(string({ pattern: /^\//, hint: 'a path starting with /' })),
  times: optional(number({ min: 0, integer: true })),
  status: optional(number({ min: 100, integer: true })),
  body: optional(object({}, { allowUnknown: true })),
  headers: optional(object({}, { allowUnknown: true })),
  delayMs: optional(number({ min: 0, integer: true })),
  action: optional(oneOf(['reset-connection'] as const)),
  error: optional(oneOf(namedFaults)),
});

export class FaultRequestError extends Error {
  constructor(readonly problems: { path: string; message: string }[]) {
    super('The fault is not valid.');
  }
}

/** Parses a fault from a request body: every problem is reported with its key path. */
export function parseFault(body: unknown): FaultSpec {
  const checked = validate(faultShape, body ?? {});
  if (!checked.ok) throw new FaultRequestError(checked.problems);
  const { headers, status, delayMs, ...rest } = checked.value;
  if (status !== undefined && status > 599)
    throw new FaultRequestError([{ path: 'status', message: 'must be at most 599' }]);
  if (delayMs !== undefined && delayMs > 60_000) {
    throw new FaultRequestError([{ path: 'delayMs', message: 'must be at most 60000 (one minute)' }]);
  }
  const spec: FaultSpec = { ...rest };
  if (status !== undefined) spec.status = status;
  if (delayMs !== undefined) spec.delayMs = delayMs;
  if (headers !== undefined) spec.headers = faultHeaders(headers);
  return spec;
}

/**
 * Headers a response can carry as given: checked now, with node:http's own rules, rather than failing
 * when the fault fires (node:http would throw and the request get a dropped connection instead).
 * The body's framing is the sandbox's: a content-length named is replaced by the body's real one, and a
 * transfer-encoding is refused.
 */
function faultHeaders(headers: Record<string, unknown>): Record<string, string> {
  const problems: { path: string; message: string }[] = [];
  const checked: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const path = `headers.${name}`;
    const lower = name.toLowerCase();
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      problems.push({ path, message: 'must be a string' });
    } else if (lower === 'transfer-encoding') {
      problems.push({ path, message: 'is set by the sandbox from the body' });
    } else {
      try {
        validateHeaderName(name);
        validateHeaderValue(name, String(value));
        checked[lower] = String(value);
      } catch {
        problems.push({
          path,
          message: 'is not a valid HTTP header (name: a token; value: no control characters)',
        });
      }
    }
  }
  if (problems.length > 0) throw new FaultRequestError(problems);
  return checked;
}

export function mountFaultRoutes(api: Router, engineFor: (req: Request) => SandboxEngine): void {
  api.post('/faults', (req, res) => {
    const fault = engineFor(req).faults.add(parseFault(req.body));
    res.status(201).json({ id: fault.id });
  });
  api.get('/faults', (req, res) => {
    res.json({ faults: engineFor(req).faults.list() });
  });
  api.delete('/faults', (req, res) => {
    engineFor(req).faults.clear();
    res.status(204).end();
  });
  api.delete('/faults/:id', (req, res) => {
    if (!engineFor(req).faults.remove(req.params.id)) {
      res.status(404).json({ error: 'not_found', message: `No fault ${req.params.id}.` });
      return;
    }
    res.status(204).end();
  });
}
