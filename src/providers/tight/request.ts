import { BodyError, mediaType, readForm, readJsonObject } from '../../engine/body.js';
import type { SandboxRequest } from '../../engine/http.js';
import { type Shape, validate } from '../../engine/shape.js';
import { tightErrors } from './errors.js';

/**
 * A form body; an empty body is an empty form, because Tight's own guide asks for a partner-level token
 * with a bare `curl -X POST -u id:secret` (no body, no Content-Type).
 */
export function readTightForm(req: SandboxRequest): ReadonlyMap<string, string> {
  if (req.rawBody.length === 0) return new Map();
  try {
    return readForm(req);
  } catch (error) {
    if (error instanceof BodyError) throw tightErrors.invalidFormat(error.message, error.param);
    throw error;
  }
}

/** A JSON object body checked against `shape`; `emptyAllowed` lets a query endpoint take no body. */
export function readTightJson<T>(req: SandboxRequest, shape: Shape<T>, emptyAllowed: boolean): T {
  let raw: unknown = {};
  if (req.rawBody.length > 0 || !emptyAllowed) {
    try {
      raw = Object.fromEntries(readJsonObject(req));
    } catch (error) {
      if (!(error instanceof BodyError)) throw error;
      const type = mediaType(req);
      throw type === 'application/json' || type.endsWith('+json')
        ? tightErrors.jsonError(`The body is not a valid JSON object: ${error.message}.`)
        : tightErrors.invalidFormat(error.message);
    }
  }
  const checked = validate(shape, raw);
  if (!checked.ok) throw tightErrors.problems(checked.problems);
  return checked.value;
}
