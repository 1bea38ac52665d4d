import { createHash } from 'node:crypto';

/** Names of fields and headers whose values are secrets, in any provider's dialect. */
const secretNames = new Set([
  'client_secret',
  'clientsecret',
  'access_token',
  'accesstoken',
  'refresh_token',
  'refreshtoken',
  'code',
  'code_verifier',
  'authorization_code',
  'token',
  'id_token',
  'password',
  'authorization',
  'cookie',
  'set-cookie',
  'x-admin-token',
]);

export function isSecretName(name: string): boolean {
  return secretNames.has(name.toLowerCase());
}

/**
 * A redacted secret keeps 4 characters and a short fingerprint, so two secrets can still be told apart
 * in the journal (JWTs all start alike, hence the fingerprint).
 */
export function redactSecret(value: string): string {
  if (value.length === 0) return value;
  const keep = value.length > 12 ? 4 : 0; // short secrets show no prefix at all
  const scheme = /^(Bearer|Basic)\s+(.+)$/i.exec(value);
  if (scheme?.[1] && scheme[2]) return `${scheme[1]} ${redactSecret(scheme[2])}`;
  const fingerprint = createHash('sha256').update(value).digest('hex').slice(0, 8);
  return `${value.slice(0, keep)}…[redacted #${fingerprint}]`;
}

/**
 * How deep the journal shows a body. A client may post JSON nested thousands of levels deep (JSON.parse
 * takes it); walking it recursively would overflow the stack and turn `GET /__sandbox/requests` into a 500.
 */
const maxShownDepth = 64;

/** Deep copy of a JSON-like value with every secret-named field redacted. */
export function redactValue(value: unknown, key = '', depth = 0): unknown {
  if (typeof value === 'string') return isSecretName(key) ? redactSecret(value) : value;
  if (isSecretName(key) && value !== null && value !== undefined) return redactSecret(printable(value));
  if (value !== null && typeof value === 'object' && depth >= maxShownDepth) return '[nested too deep]';
  if (Array.isArray(value)) return value.map((item) => redactValue(item, key, depth + 1));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(v, k, depth + 1)]));
  }
  return value;
}

/**
 * A response body as the journal shows it. The top-level `code` of an error answer is its error code
 * (Uphold's `{code, message}`: token_invalid), not an authorization code, and is kept as it is.
 */
export function redactResponseBody(body: unknown, status: number): unknown {
  if (status < 400 || body === null || typeof body !== 'object' || Array.isArray(body))
    return redactValue(body);
  return Object.fromEntries(
    Object.entries(body).map(([k, v]) => [
      k,
      k === 'code' && typeof v === 'string' ? v : redactValue(v, k, 1),
    ]),
  );
}

function printable(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return '[nested too deep]'; // JSON.stringify overflows the stack on deep nesting
  }
}

/** A raw request body as the journal shows it: parsed when JSON or form, secrets redacted. */
export function redactRawBody(raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0) return undefined;
  const text = raw.toString('utf8');
  if (contentType?.includes('json')) {
    try {
      return redactValue(JSON.parse(text));
    } catch {
      return '[unparseable JSON body]';
    }
  }
  if (contentType?.includes('x-www-form-urlencoded')) {
    const fields: Record<string, string | string[]> = {};
    for (const [k, v] of new URLSearchParams(text)) {
      const redacted = isSecretName(k) ? redactSecret(v) : v;
      const previous = fields[k];
      fields[k] = previous === undefined ? redacted : [previous, redacted].flat();
    }
    return fields;
  }
  return `[${raw.length} bytes of ${contentType ?? 'unknown content type'}]`;
}

export function redactHeaders(headers: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name] = isSecretName(name) ? redactSecret(value) : name === 'location' ? redactUrl(value) : value;
  }
  return out;
}

/** A URL (a redirect's location) with secret query parameters redacted. */
export function redactUrl(value: string): string {
  const at = value.indexOf('?');
  if (at < 0) return value;
  const query = new URLSearchParams(value.slice(at + 1));
  for (const [k, v] of [...query]) if (isSecretName(k)) query.set(k, redactSecret(v));
  return `${value.slice(0, at)}?${query.toString()}`;
}

/** A query string with secret parameters redacted. */
export function redactQuery(query: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of query) out[k] = isSecretName(k) ? redactSecret(v) : v;
  return out;
}
