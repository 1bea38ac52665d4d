import type { SandboxRequest } from './http.js';
import { bytesEqual, textsEqual } from './secrets.js';

/** Why a request body or credential header could not be read; dialects turn it into their own error. */
export class BodyError extends Error {
  constructor(
    message: string,
    /** The offending parameter, when there is one. */
    readonly param?: string,
  ) {
    super(message);
    this.name = 'BodyError';
  }
}

/** The Content-Type last read and its media type (clients send the same one request after request). */
let lastContentType = '';
let lastMediaType = '';

export function mediaType(req: SandboxRequest): string {
  const header = req.headers['content-type'] ?? '';
  if (header !== lastContentType) {
    lastMediaType = (header.split(';')[0] ?? '').trim().toLowerCase();
    lastContentType = header;
  }
  return lastMediaType;
}

const formType = 'application/x-www-form-urlencoded';

/**
 * The form body last read and its fields: a client sends the same token request (grant type, scope)
 * again and again, and comparing its bytes costs a tenth of parsing them. Only small bodies are kept (the
 * copy is made on each new body). The fields are a pure function of the bytes, so one cache serves every
 * tenant, and callers get them read-only.
 */
let lastFormBody: Buffer | undefined;
let lastFormFields: ReadonlyMap<string, string> = new Map();
const rememberedFormBytes = 512;

/** A form body as a map; RFC 6749 §3.2: parameters must not be sent more than once. */
export function readForm(req: SandboxRequest): ReadonlyMap<string, string> {
  const type = mediaType(req);
  if (type !== formType) {
    throw new BodyError(
      type === ''
        ? `the body must be ${formType} (no Content-Type was sent)`
        : `the body must be ${formType}, not ${type}`,
    );
  }
  const body = req.rawBody;
  // A form may hold a client secret: compared in constant time with the last one, maybe another client's.
  if (lastFormBody !== undefined && bytesEqual(body, lastFormBody)) return lastFormFields;
  const fields = formFields(body.toString('utf8'));
  if (body.length <= rememberedFormBytes) {
    lastFormBody = Buffer.from(body);
    lastFormFields = fields;
  }
  return fields;
}

/**
 * application/x-www-form-urlencoded parsing (WHATWG URL, the same result as URLSearchParams) without
 * URLSearchParams' detour through bytes: each name and value is sliced out of the text, with `+` and
 * percent-escapes decoded only where there are some. A percent-escape that does not decode to UTF-8
 * (or a lone `%`) hands the whole body to URLSearchParams, whose lenient decoding keeps such bytes as
 * U+FFFD or as they are. The text is a body decoded as UTF-8, so it holds no lone surrogates.
 */
function formFields(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('&', start);
    if (end < 0) end = text.length;
    if (end > start) {
      // Within the pair only: searching the rest of the text for each pair without `=` is quadratic.
      const pair = text.slice(start, end);
      const equals = pair.indexOf('=');
      const key = formComponent(equals < 0 ? pair : pair.slice(0, equals));
      const value = equals < 0 ? '' : formComponent(pair.slice(equals + 1));
      if (key === undefined || value === undefined) return lenientFormFields(text);
      addField(fields, key, value);
    }
    start = end + 1;
  }
  return fields;
}

/** A name or value with `+` as a space and percent-escapes decoded; undefined when an escape is not UTF-8. */
function formComponent(raw: string): string | undefined {
  const spaced = raw.includes('+') ? raw.replaceAll('+', ' ') : raw;
  if (!spaced.includes('%')) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    return undefined;
  }
}

/** A form-encoded value decoded, or kept as sent when an escape in it is broken. */
function formDecoded(value: string): string {
  return formComponent(value) ?? value;
}

function lenientFormFields(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const [key, value] of new URLSearchParams(text)) addField(fields, key, value);
  return fields;
}

function addField(fields: Map<string, string>, key: string, value: string): void {
  if (fields.has(key)) throw new BodyError(`parameter ${key} was sent more than once`, key);
  fields.set(key, value);
}

/** A JSON body that must be an object. */
export function readJsonObject(req: SandboxRequest): Map<string, unknown> {
  const type = mediaType(req);
  if (type !== 'application/json' && !type.endsWith('+json')) {
    throw new BodyError(
      type === ''
        ? 'the body must be application/json (no Content-Type was sent)'
        : `the body must be application/json, not ${type}`,
    );
  }
  return jsonFields(req.rawBody.toString('utf8'));
}

function jsonFields(text: string): Map<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new BodyError('the body is not valid JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new BodyError('the body must be a JSON object');
  }
  // for-in rather than Object.entries: no [key, value] array per field on every JSON request.
  const fields = new Map<string, unknown>();
  for (const key in parsed) fields.set(key, (parsed as Record<string, unknown>)[key]);
  return fields;
}

/** A body that may be JSON or a form (Gusto takes both); an empty body is an empty map. */
export function readJsonOrForm(req: SandboxRequest): Map<string, unknown> {
  if (req.rawBody.length === 0) return new Map();
  const type = mediaType(req);
  if (type === formType) return formFields(req.rawBody.toString('utf8'));
  if (type === 'application/json' || type.endsWith('+json')) return jsonFields(req.rawBody.toString('utf8'));
  throw new BodyError(
    type === ''
      ? 'the body must be application/json or a form (no Content-Type was sent)'
      : `unsupported content type ${type}`,
  );
}

/** A field that must be a string when present. */
export function stringField(fields: Map<string, unknown>, name: string): string | undefined {
  const value = fields.get(name);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new BodyError(`${name} must be a string`, name);
  return value;
}

export interface BasicCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
}

/**
 * The header last read and what it held: a client sends the same credentials request after request,
 * and the regular expression and base64 decoding were a tenth of an Uphold token's engine time.
 */
let lastBasic: { header: string; credentials: BasicCredentials | undefined } | undefined;

/** RFC 7617 Basic credentials; undefined when no Basic header was sent. */
export function readBasicCredentials(req: SandboxRequest): BasicCredentials | undefined {
  const header = req.headers.authorization;
  if (header === undefined) return undefined;
  // Compared in constant time: the last header read holds a secret, maybe another client's.
  if (lastBasic !== undefined && textsEqual(lastBasic.header, header)) return lastBasic.credentials;
  const credentials = parseBasic(header);
  lastBasic = { header, credentials };
  return credentials;
}

function parseBasic(header: string): BasicCredentials | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=._~-]+)\s*$/i.exec(header);
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  // RFC 6749 §2.3.1: client id and secret are form-encoded before being put in the header.
  return Object.freeze({
    clientId: formDecoded(decoded.slice(0, colon)),
    clientSecret: formDecoded(decoded.slice(colon + 1)),
  });
}

export type BearerResult = { ok: true; token: string } | { ok: false; reason: 'missing' | 'malformed' };

/** RFC 6750 §2.1 bearer credentials. */
export function readBearer(req: SandboxRequest): BearerResult {
  const header = req.headers.authorization;
  if (header === undefined || header.trim() === '') return { ok: false, reason: 'missing' };
  const match = /^Bearer +([A-Za-z0-9\-._~+/]+=*)\s*$/i.exec(header);
  if (!match?.[1]) return { ok: false, reason: 'malformed' };
  return { ok: true, token: match[1] };
}
