import { BodyError, readBasicCredentials, readJsonOrForm, stringField } from '../../engine/body.js';
import type { SandboxServices } from '../../engine/dialect.js';
import type { Eventually } from '../../engine/eventually.js';
import type { SandboxRequest } from '../../engine/http.js';
import type { ClientRecord } from '../../engine/records.js';
import { gustoErrors } from './errors.js';

/** The string fields of a token or revocation request (JSON or form), read once. */
export class OAuthFields {
  private constructor(private readonly fields: Map<string, unknown>) {}

  /** RFC 6749 §3.2 bodies; Gusto sends JSON with credentials in the body (providers.md §5.3). */
  static read(req: SandboxRequest): OAuthFields {
    // Gusto: "Attempting to include the client_secret in the request URL will result in a 400 Bad Request".
    if (req.query.has('client_secret')) {
      throw gustoErrors.oauth.invalidRequest('client_secret must be sent in the body, never in the URL');
    }
    try {
      return new OAuthFields(readJsonOrForm(req));
    } catch (error) {
      if (error instanceof BodyError) throw gustoErrors.oauth.invalidRequest(error.message);
      throw error;
    }
  }

  optional(name: string): string | undefined {
    try {
      const value = stringField(this.fields, name);
      return value === '' ? undefined : value;
    } catch (error) {
      if (error instanceof BodyError) throw gustoErrors.oauth.invalidRequest(error.message);
      throw error;
    }
  }

  required(name: string): string {
    const value = this.optional(name);
    if (value === undefined) throw gustoErrors.oauth.invalidRequest(`${name} is required`);
    return value;
  }
}

/** Client credentials from the body (Gusto's way) or, as Doorkeeper also allows, HTTP Basic. */
export function authenticateClient(
  sandbox: SandboxServices,
  req: SandboxRequest,
  fields: OAuthFields,
): Eventually<ClientRecord> {
  const bodyId = fields.optional('client_id');
  const basic = bodyId === undefined ? readBasicCredentials(req) : undefined;
  const clientId = bodyId ?? basic?.clientId;
  const secret = bodyId === undefined ? basic?.clientSecret : fields.optional('client_secret');
  if (clientId === undefined || secret === undefined) throw gustoErrors.oauth.invalidClient();
  return sandbox.grants.requireClient('gusto', clientId, secret, gustoErrors.oauth.invalidClient);
}
