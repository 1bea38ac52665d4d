import { readForm } from '../../engine/body.js';
import type { RouteContext } from '../../engine/dialect.js';
import { html, redirect, type SandboxResponse } from '../../engine/http.js';
import { opaqueToken } from '../../engine/random.js';
import type { ClientRecord, UserRecord } from '../../engine/records.js';
import { scopedKey } from '../../engine/records.js';
import { parseScopes } from './access.js';
import { tinkLifetimes } from './lifetimes.js';
import { consentPage, errorPage } from './link-page.js';

/** Scopes a client gets from Tink Link when the URL names none: the data scopes it is allowed. */
const dataScopes = [
  'accounts:read',
  'balances:read',
  'transactions:read',
  'provider-consents:read',
  'user:read',
];

/** A problem shown on the page (400) instead of being redirected. */
class LinkProblem extends Error {}

type Params = Pick<URLSearchParams, 'get' | 'entries'>;

/**
 * GET /link/1.0/{product}/{flow}: the fake Tink Link. It takes the delegated code from
 * /authorization-grant/delegate as `authorization_code`, lets the user "connect a bank", and redirects to
 * redirect_uri with a code the client exchanges for a user token. `auto_approve=true` skips the page (CI).
 * Problems are shown on the page, never redirected to an unchecked URI (RFC 6749 §4.1.2.1).
 */
export async function showLink(ctx: RouteContext): Promise<SandboxResponse> {
  return onPage(async () => {
    const params = ctx.req.query;
    const { client, user, idHint } = await checkRequest(ctx, params);
    if (params.get('auto_approve') === 'true') return complete(ctx, params, client);
    const page = consentPage({
      clientName: client.name ?? client.clientId,
      idHint: idHint ?? params.get('id_hint') ?? user.name ?? user.externalUserId,
      scopes: grantedScopes(params, client),
      hidden: Object.fromEntries(params.entries()),
      action: `/tink${ctx.req.path}`,
    });
    return html(200, page, { 'cache-control': 'no-store' });
  });
}

/** POST of the Link page's form: approve (code) or cancel (error), both redirected to the checked URI. */
export async function submitLink(ctx: RouteContext): Promise<SandboxResponse> {
  return onPage(async () => {
    let params: URLSearchParams;
    try {
      params = new URLSearchParams([...readForm(ctx.req)]);
    } catch (error) {
      throw new LinkProblem(error instanceof Error ? error.message : 'The form could not be read.');
    }
    const { client } = await checkRequest(ctx, params);
    if (params.get('decision') === 'deny') {
      return redirect(
        withQuery(params.get('redirect_uri') ?? '', {
          error: 'USER_CANCELLED',
          message: 'The user cancelled Tink Link.',
          state: params.get('state') ?? undefined,
        }),
      );
    }
    return complete(ctx, params, client);
  });
}

async function onPage(render: () => Promise<SandboxResponse>): Promise<SandboxResponse> {
  try {
    return await render();
  } catch (error) {
    if (error instanceof LinkProblem)
      return html(400, errorPage(error.message), { 'cache-control': 'no-store' });
    throw error;
  }
}

async function checkRequest(
  ctx: RouteContext,
  params: Params,
): Promise<{ client: ClientRecord; user: UserRecord; idHint: string | undefined }> {
  const clientId = params.get('client_id');
  if (!clientId) throw new LinkProblem('client_id is missing from the Tink Link URL.');
  const client = await ctx.sandbox.store.find('client', scopedKey('tink', clientId));
  if (!client) throw new LinkProblem(`Unknown client_id "${clientId}".`);
  const redirectUri = params.get('redirect_uri');
  if (!redirectUri) throw new LinkProblem('redirect_uri is missing from the Tink Link URL.');
  if (!isAllowedRedirect(client, redirectUri)) {
    throw new LinkProblem(`redirect_uri "${redirectUri}" is not registered for client "${clientId}".`);
  }
  const value = params.get('authorization_code');
  if (!value)
    throw new LinkProblem('authorization_code is missing: pass the code from /authorization-grant/delegate.');
  const code = await ctx.sandbox.store.find('code', value);
  const now = ctx.sandbox.clock.now();
  if (!code?.delegated || code.clientId !== clientId) {
    throw new LinkProblem('authorization_code is not a delegated code of this client.');
  }
  if (code.consumedAt !== undefined) {
    // A code used twice: what it led to is revoked (RFC 6749 §4.1.2), as at the token endpoint.
    await revokeMadeFrom(ctx, code.grantId);
    throw new LinkProblem('authorization_code was already used.');
  }
  if (code.revokedAt !== undefined) throw new LinkProblem('authorization_code was already used.');
  if (code.expiresAt <= now) throw new LinkProblem('authorization_code has expired (codes live 10 minutes).');
  const user =
    code.userId === undefined
      ? undefined
      : await ctx.sandbox.store.find('user', scopedKey('tink', code.userId));
  if (!user || user.deletedAt !== undefined)
    throw new LinkProblem('The user of this authorization_code no longer exists.');
  return { client, user, idHint: code.idHint };
}

/** Consumes the delegated code and redirects with a fresh code for the client's own grant. */
async function complete(ctx: RouteContext, params: Params, client: ClientRecord): Promise<SandboxResponse> {
  const { grants, random } = ctx.sandbox;
  const redemption = await grants.redeemCode('tink', params.get('authorization_code') ?? '', {
    clientId: client.clientId,
  });
  if (!redemption.ok) throw new LinkProblem('authorization_code was already used or has expired.');
  const grant = await grants.createGrant({
    provider: 'tink',
    kind: 'user',
    clientId: client.clientId,
    parentGrantId: redemption.code.grantId,
    ...(redemption.code.userId === undefined ? {} : { userId: redemption.code.userId }),
    companies: [],
    scopes: grantedScopes(params, client),
  });
  const code = await grants.issueCode(grant, opaqueToken(random, 16), {
    lifetimeSeconds: ctx.sandbox.lifetime('tink', 'authorizationCode', tinkLifetimes.authorizationCode),
  });
  ctx.touch({ grantId: grant.id });
  return redirect(
    withQuery(params.get('redirect_uri') ?? '', {
      code: code.value,
      credentialsId: random.bytes(16).toString('hex'),
      state: params.get('state') ?? undefined,
    }),
  );
}

/** Revokes the delegated grant and the grants the Link page made from it, with their tokens and codes. */
async function revokeMadeFrom(ctx: RouteContext, delegatedGrantId: string): Promise<void> {
  const { store, clock } = ctx.sandbox;
  const now = clock.now();
  await store.revokeByGrant(delegatedGrantId, now);
  for (const grant of await store.list('grant', 'tink')) {
    if (grant.parentGrantId === delegatedGrantId) await store.revokeByGrant(grant.id, now);
  }
}

function grantedScopes(params: Params, client: ClientRecord): string[] {
  const asked = params.get('scope');
  const wanted = asked ? parseScopes(asked) : dataScopes;
  return wanted.filter((scope) => client.scopes.includes(scope));
}

function isAllowedRedirect(client: ClientRecord, uri: string): boolean {
  if (client.redirectUris.length > 0) return client.redirectUris.includes(uri);
  return /^https?:\/\/[^\s#]+$/.test(uri);
}

function withQuery(uri: string, params: Record<string, string | undefined>): string {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw new LinkProblem(`redirect_uri "${uri}" is not a valid URL.`);
  }
  for (const [name, value] of Object.entries(params))
    if (value !== undefined) url.searchParams.set(name, value);
  return url.toString();
}
