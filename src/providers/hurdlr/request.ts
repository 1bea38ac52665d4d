import { BodyError, readForm, readJsonOrForm } from '../../engine/body.js';
import type { SandboxRequest } from '../../engine/http.js';
import { hurdlrErrors } from './errors.js';

/** The token endpoint's form body; any reading problem is an RFC 6749 invalid_request. */
export function readHurdlrForm(req: SandboxRequest): ReadonlyMap<string, string> {
  try {
    return readForm(req);
  } catch (error) {
    if (error instanceof BodyError) throw hurdlrErrors.invalidRequest(error.message);
    throw error;
  }
}

/** /v4/auth/account's body: JSON (as documented) or a form, answered in the account's own error shape. */
export function readAccountBody(req: SandboxRequest): Map<string, unknown> {
  try {
    if (req.rawBody.length === 0)
      throw new BodyError('the body is empty; send a JSON object with userId, client_id and client_secret');
    return readJsonOrForm(req);
  } catch (error) {
    if (error instanceof BodyError) throw hurdlrErrors.accountFailure(error.message);
    throw error;
  }
}
