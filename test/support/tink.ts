import type { RunningServer } from '../../src/index.js';
import { bearer, postForm } from './server.js';

export const tinkClient = { client_id: 'tink-client', client_secret: 'tink-secret' };
export const seededTinkUser = { userId: '6e68cc6287704273984567b3300c5822', externalUserId: 'ext-user-1' };

export interface TinkTokenBody {
  access_token: string;
  token_type: string;
  expires_in: number;
  scope: string;
  refresh_token?: string;
}

export async function tinkToken(server: RunningServer, fields: Record<string, string>): Promise<Response> {
  return postForm(`${server.url}/tink/api/v1/oauth/token`, { ...tinkClient, ...fields });
}

export async function tinkClientToken(server: RunningServer, scope: string): Promise<string> {
  const res = await tinkToken(server, { grant_type: 'client_credentials', scope });
  if (res.status !== 200) throw new Error(`client token failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as TinkTokenBody;
  return body.access_token;
}

export async function tinkGrantCode(
  server: RunningServer,
  scope: string,
  user: Record<string, string> = { user_id: seededTinkUser.userId },
): Promise<string> {
  const clientToken = await tinkClientToken(server, 'authorization:grant');
  const res = await postForm(
    `${server.url}/tink/api/v1/oauth/authorization-grant`,
    { ...user, scope },
    bearer(clientToken),
  );
  if (res.status !== 200) throw new Error(`authorization grant failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { code: string };
  return body.code;
}

/** A user token pair for the seeded user, through authorization-grant and the code exchange. */
export async function tinkUserTokens(server: RunningServer, scope: string): Promise<Required<TinkTokenBody>> {
  const code = await tinkGrantCode(server, scope);
  const res = await tinkToken(server, { grant_type: 'authorization_code', code });
  if (res.status !== 200) throw new Error(`code exchange failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as Required<TinkTokenBody>;
}
