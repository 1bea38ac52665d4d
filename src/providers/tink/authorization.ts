import type { RouteContext } from '../../engine/dialect.js';
import { json, type SandboxResponse } from '../../engine/http.js';
import { opaqueToken } from '../../engine/random.js';
import type { ClientRecord } from '../../engine/records.js';
import { scopedKey } from '../../engine/records.js';
import { formatScopes, required, requiredScopes, requireToken, tinkForm } from './access.js';
import { tinkErrors } from './errors.js';
import { tinkLifetimes } from './lifetimes.js';
import { findNamedUser } from './users.js';

/** Tink Link's own client id: delegated codes are issued to it (providers.md §3.4). */
export const tinkLinkClientId = 'df05e4b379934cd09963197cc855bfe9';

/** POST /api/v1/oauth/authorization-grant: a code for an existing user, exchanged at /oauth/token. */
export async function createAuthorizationGrant(ctx: RouteContext): Promise<SandboxResponse> {
  const token = await requireToken(ctx, { kind: 'client', scope: 'authorization:grant' });
  const fields = tinkForm(ctx);
  const user = await findNamedUser(ctx, fields);
  const client = await clientOf(ctx, token.clientId);
  const scopes = requestedScopes(fields, client);
  return json(200, { code: await grantCode(ctx, client.clientId, user.id, scopes) });
}

/**
 * POST /api/v1/oauth/authorization-grant/delegate: a code for Tink Link to act for the user; the Link page
 * turns it into a code for the client (see link.ts).
 */
export async function createDelegatedGrant(ctx: RouteContext): Promise<SandboxResponse> {
  const token = await requireToken(ctx, { kind: 'client', scope: 'authorization:grant' });
  const fields = tinkForm(ctx);
  const user = await findNamedUser(ctx, fields);
  const idHint = required(fields, 'id_hint');
  const actor = required(fields, 'actor_client_id');
  if (actor !== tinkLinkClientId) {
    throw tinkErrors.invalidRequest(`actor_client_id must be Tink Link's client id ${tinkLinkClientId}.`);
  }
  const responseType = fields.get('response_type');
  if (responseType !== undefined && responseType !== 'code') {
    throw tinkErrors.invalidRequest('response_type must be "code".');
  }
  const client = await clientOf(ctx, token.clientId);
  // The delegated scopes are Tink Link's (credentials:*, providers:read, ...), so they are not limited to the
  // client's own; what the client finally gets is decided on the Link page.
  const scopes = requiredScopes(fields);
  return json(200, { code: await grantCode(ctx, client.clientId, user.id, scopes, { idHint }) });
}

/**
 * A user grant for the client and a single-use code for it; a delegated one (with the name Tink Link
 * shows) only Tink Link may redeem.
 */
async function grantCode(
  ctx: RouteContext,
  clientId: string,
  userId: string,
  scopes: readonly string[],
  delegation?: { idHint: string },
): Promise<string> {
  const grant = await ctx.sandbox.grants.createGrant({
    provider: 'tink',
    kind: 'user',
    clientId,
    userId,
    companies: [],
    scopes,
  });
  const code = await ctx.sandbox.grants.issueCode(grant, opaqueToken(ctx.sandbox.random, 16), {
    ...(delegation === undefined ? {} : { delegated: true, idHint: delegation.idHint }),
    lifetimeSeconds: ctx.sandbox.lifetime('tink', 'authorizationCode', tinkLifetimes.authorizationCode),
  });
  ctx.touch({ grantId: grant.id });
  return code.value;
}

async function clientOf(ctx: RouteContext, clientId: string): Promise<ClientRecord> {
  const client = await ctx.sandbox.store.find('client', scopedKey('tink', clientId));
  if (!client) throw tinkErrors.invalidClient();
  return client;
}

function requestedScopes(fields: ReadonlyMap<string, string>, client: ClientRecord): readonly string[] {
  const scopes = requiredScopes(fields);
  const outside = scopes.filter((scope) => !client.scopes.includes(scope));
  if (outside.length > 0)
    throw tinkErrors.invalidScope(`The client is not allowed the scopes: ${formatScopes(outside)}.`);
  return scopes;
}
