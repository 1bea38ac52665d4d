import type { RunningServer } from '../../src/index.js';
import { startTestServer } from '../support/server.js';
import { gustoScenario } from '../unit/providers/gusto/gusto-sandbox.js';

export {
  acme,
  globex,
  gustoScenario,
  initech,
  legacyRefresh,
  oldApiRefresh,
} from '../unit/providers/gusto/gusto-sandbox.js';

/**
 * A sandbox over HTTP with the Gusto test scenario. The shared test server validates every stateful
 * exchange against openapi/gusto.yaml with Prism, so a test fails if any response breaks the document.
 */
export async function startGusto(scenario: Record<string, unknown> = gustoScenario): Promise<RunningServer> {
  return startTestServer({ scenario });
}

export const currentApp = { client_id: 'gusto-client', client_secret: 'gusto-secret' };
export const oldApp = { client_id: 'old-client', client_secret: 'old-secret' };
/** A version before strict access (2023-05-01), allowed for `old-client` only. */
export const preStrict = { 'x-gusto-api-version': '2023-04-01' };

export interface TokenBody {
  access_token: string;
  token_type: string;
  expires_in: number;
  created_at: number;
  refresh_token?: string;
  scope?: string;
}

export interface StrictElement {
  access_token: string;
  refresh_token: string;
  resource_uuid: string;
  resource_type: string;
  token_type: string;
  created_at: number;
  expires_in: number;
}

export function postToken(
  server: RunningServer,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${server.url}/gusto/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ ...currentApp, ...body }),
  });
}

async function ok<T>(res: Response): Promise<T> {
  if (res.status !== 200) throw new Error(`expected 200, got ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

export async function refresh(
  server: RunningServer,
  refreshToken: string,
  app = currentApp,
): Promise<Required<TokenBody>> {
  return ok(await postToken(server, { ...app, grant_type: 'refresh_token', refresh_token: refreshToken }));
}

export async function systemToken(server: RunningServer): Promise<string> {
  return (await ok<TokenBody>(await postToken(server, { grant_type: 'system_access' }))).access_token;
}

export async function strictAccess(
  server: RunningServer,
  accessToken: string,
  app = currentApp,
): Promise<StrictElement[]> {
  return ok(await postToken(server, { ...app, grant_type: 'strict_access', access_token: accessToken }));
}

export function api(
  server: RunningServer,
  path: string,
  token: string | undefined,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${server.url}/gusto${path}`, {
    headers: { ...(token === undefined ? {} : { authorization: `Bearer ${token}` }), ...headers },
  });
}

export interface GustoErrorBody {
  errors: { error_key: string; category: string; message: string }[];
}

export async function category(res: Response): Promise<string | undefined> {
  const body = (await res.json()) as GustoErrorBody;
  return body.errors[0]?.category;
}
