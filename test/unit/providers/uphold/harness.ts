import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import type { RunningServer } from '../../../../src/index.js';
import { packageRoot } from '../../../../src/sandbox.js';
import { basic, postForm, startTestServer } from '../../../support/server.js';

/**
 * Shared by the Uphold unit and integration tests: the identities of scenarios/default.yaml's uphold
 * block, a server started with that block alone, and small request helpers.
 */
export const activeUser = '0b7c1a52-7f0e-4d52-9a3e-3c1f2f6d9a11';
export const blockedUser = '5d2f8c14-2b9a-4e7d-8c61-9f0a4b3e7c22';
export const unknownUser = 'a3bb189e-8bf9-4888-9912-ace4e6543002';
export const organizationId = '194d62ba-f585-40ff-83d7-9cb99b1c77c0';
export const orgClient = { id: 'uphold-client', secret: 'uphold-secret' };
export const limitedClient = { id: 'uphold-limited', secret: 'uphold-limited-secret' };
export const singleUserClient = { id: 'uphold-single-user', secret: 'uphold-single-user-secret' };
export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The uphold block of the default scenario, alone (other providers' blocks are not this suite's). */
export function defaultUpholdSection(): unknown {
  const text = readFileSync(resolve(packageRoot, 'scenarios/default.yaml'), 'utf8');
  const scenario: unknown = parse(text);
  if (typeof scenario !== 'object' || scenario === null || !('providers' in scenario))
    throw new Error('no providers');
  const { providers } = scenario;
  if (typeof providers !== 'object' || providers === null || !('uphold' in providers))
    throw new Error('no uphold');
  return providers.uphold;
}

export function upholdScenario(section: unknown = defaultUpholdSection()): Record<string, unknown> {
  return { clock: { start: '2026-01-01T00:00:00Z', frozen: true }, providers: { uphold: section } };
}

/**
 * A server with only the uphold block (its clock frozen at 2026-01-01). test/support/server.ts checks
 * every stateful exchange against openapi/uphold.yaml with Prism and fails the test on a violation.
 */
export function startUphold(section?: unknown): Promise<RunningServer> {
  return startTestServer({ scenario: upholdScenario(section) });
}

export function tokenUrl(server: RunningServer): string {
  return `${server.url}/uphold/core/oauth2/token`;
}

export function requestToken(
  server: RunningServer,
  client: { id: string; secret: string },
  fields: Record<string, string> = { grant_type: 'client_credentials' },
): Promise<Response> {
  return postForm(tokenUrl(server), fields, { authorization: basic(client.id, client.secret) });
}

/** An access token, or the test fails. */
export async function accessToken(
  server: RunningServer,
  client: { id: string; secret: string } = orgClient,
  scope?: string,
): Promise<string> {
  const fields: Record<string, string> = { grant_type: 'client_credentials' };
  if (scope !== undefined) fields.scope = scope;
  const res = await requestToken(server, client, fields);
  const body: unknown = await res.json();
  if (res.status !== 200 || typeof body !== 'object' || body === null || !('access_token' in body)) {
    throw new Error(`token request failed: ${res.status} ${JSON.stringify(body)}`);
  }
  return String(body.access_token);
}

export interface CoreCall {
  token?: string;
  onBehalfOf?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Send the end user's IP (X-Uphold-User-Ip), as a partner's client does; default true. */
  userIp?: boolean;
}

/** A documentation address (RFC 5737) standing for the end user's IP. */
export const endUserIp = '203.0.113.7';

/** A Core API call: `call(server, 'GET', '/core/users/me', { token, onBehalfOf: `user ${id}` })`. */
export function call(
  server: RunningServer,
  method: string,
  path: string,
  options: CoreCall = {},
): Promise<Response> {
  const headers: Record<string, string> = {
    ...(options.userIp === false ? {} : { 'x-uphold-user-ip': endUserIp }),
    ...options.headers,
  };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  if (options.onBehalfOf !== undefined) headers['x-on-behalf-of'] = options.onBehalfOf;
  const init: RequestInit = { method, headers };
  if (options.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    init.body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  }
  return fetch(`${server.url}/uphold${path}`, init);
}

/** A value deep inside parsed JSON (`pick(body, 'user', 'id')`), or undefined; no casts needed. */
export function pick(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = Object.entries(current).find(([name]) => name === String(key))?.[1];
  }
  return current;
}
