import type { Clock } from '../../engine/clock.js';
import type { SandboxRequest } from '../../engine/http.js';
import type { ClientRecord } from '../../engine/records.js';
import { gustoErrors } from './errors.js';

/**
 * `X-Gusto-API-Version: YYYY-MM-DD` (providers.md §5.1). Absent: the application's minimum version.
 * Malformed, in the future or below the minimum: 406 `invalid_api_version`. The response echoes it.
 */
export const versionHeader = 'x-gusto-api-version';

/** The minimum of a client that names none, and the version echoed when no client is known. */
export const defaultMinimumVersion = '2024-04-01';

/** From this version on, every endpoint wants a strict (one-company) token (seed 004). */
export const strictAccessVersion = '2023-05-01';

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date in YYYY-MM-DD form (2024-02-30 is not one). */
export function isApiVersion(value: string): boolean {
  const match = datePattern.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function today(clock: Clock): string {
  return new Date(clock.now()).toISOString().slice(0, 10);
}

/** The version the request asked for, checked for form and future; undefined when absent. */
export function requestedVersion(req: SandboxRequest, clock: Clock): string | undefined {
  const raw = req.headers[versionHeader];
  if (raw === undefined) return undefined;
  const value = raw.trim();
  if (!isApiVersion(value)) {
    throw gustoErrors.invalidApiVersion(`Invalid API Version \`${value}\`. Expected format: YYYY-MM-DD`);
  }
  // ISO dates compare correctly as strings.
  if (value > today(clock)) {
    throw gustoErrors.invalidApiVersion(
      `Invalid API Version \`${value}\`. Version must not be in the future (today is ${today(clock)} on the sandbox clock).`,
    );
  }
  return value;
}

/** The version a client's request is served at: the requested one if allowed, else its minimum. */
export function servedVersion(requested: string | undefined, client: ClientRecord): string {
  const minimum = client.minimumApiVersion ?? defaultMinimumVersion;
  if (requested === undefined) return minimum;
  if (requested < minimum) {
    throw gustoErrors.invalidApiVersion(
      `Invalid API Version \`${requested}\`. Version must be >= your application's minimum API version \`${minimum}\` and not in the future.`,
    );
  }
  return requested;
}

/** Header value for `decorate`: what the handler resolved, else the request's own well-formed value. */
export function echoedVersion(req: SandboxRequest): string {
  const raw = req.headers[versionHeader]?.trim();
  return raw !== undefined && isApiVersion(raw) ? raw : defaultMinimumVersion;
}
