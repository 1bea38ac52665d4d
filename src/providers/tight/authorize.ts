import { BodyError, readForm } from '../../engine/body.js';
import type { RouteContext, SandboxServices } from '../../engine/dialect.js';
import { redirect, type SandboxResponse } from '../../engine/http.js';
import { opaqueToken } from '../../engine/random.js';
import type { ClientRecord, UserRecord } from '../../engine/records.js';
import { scopedKey } from '../../engine/records.js';
import { consentPage, errorPage, withQuery } from './consent-page.js';

/**
 * The authorization-code consent flow, shared by Tight (`GET|POST /v6/auth/authorize`, PKCE S256
 * required) and Hurdlr (`GET|POST /oauth/authorize`, PKCE optional). Neither provider documents the page
 * (providers.md §1.2, §2.2): its parameters are RFC 6749 §4.1.1 and RFC 7636 §4.3.
 */
export interface AuthorizeFlow {
  provider: 'tight' | 'hurdlr';
  title: string;
  pkce: 'required' | 'optional';
  /** The granted scopes and how the page names them, or why the requested scope is refused. */
  parseScope(
    value: string | undefined,
  ): { ok: true; scopes: string[]; label: string } | { ok: false; message: string };
  identityLabel(user: UserRecord): string;
}

interface AuthorizationRequest {
  client: ClientRecord;
  redirectUri: string;
  scopes: string[];
  scopeLabel: string;
  state: string | undefined;
  codeChallenge: string | undefined;
  /** The request as the page's hidden fields carry it. */
  echo: Record<string, string>;
}

type Checked = { ok: true; request: AuthorizationRequest } | { ok: false; response: SandboxResponse };

const challengePattern = /^[A-Za-z0-9._~-]{43,128}$/;

async function check(
  flow: AuthorizeFlow,
  sandbox: SandboxServices,
  get: (name: string) => string | undefined,
) {
  const fail = (message: string): Checked => ({ ok: false, response: errorPage(flow.title, message) });
  const clientId = get('client_id');
  if (!clientId) return fail('client_id is missing from the authorization request.');
  const client = await sandbox.store.find('client', scopedKey(flow.provider, clientId));
  if (!client) return fail(`Unknown client_id "${clientId}".`);
  const redirectUri = get('redirect_uri');
  if (!redirectUri) return fail('redirect_uri is missing from the authorization request.');
  if (!isHttpUrl(redirectUri)) return fail(`redirect_uri "${redirectUri}" is not an absolute http(s) URL.`);
  if (client.redirectUris.length > 0 && !client.redirectUris.includes(redirectUri)) {
    return fail(`redirect_uri "${redirectUri}" is not registered for client ${clientId}.`);
  }
  const state = get('state');
  // From here the redirect URI is trusted: RFC 6749 §4.1.2.1 sends the remaining errors back to it.
  const back = (error: string, description: string): Checked => ({
    ok: false,
    response: redirect(withQuery(redirectUri, { error, error_description: description, state })),
  });
  const challenge = get('code_challenge');
  const method = get('code_challenge_method');
  if (challenge === undefined && method !== undefined)
    return fail('code_challenge_method was sent without code_challenge.');
  if (challenge === undefined && flow.pkce === 'required') {
    return fail('PKCE is required: send code_challenge and code_challenge_method=S256.');
  }
  if (challenge !== undefined) {
    if (method !== 'S256')
      return fail(`code_challenge_method must be S256 (got ${method ?? 'nothing'}); plain is not supported.`);
    if (!challengePattern.test(challenge))
      return fail('code_challenge must be 43-128 characters of [A-Za-z0-9._~-].');
  }
  const responseType = get('response_type');
  if (responseType !== 'code') return back('unsupported_response_type', 'response_type must be code.');
  const scope = flow.parseScope(get('scope'));
  if (!scope.ok) return back('invalid_scope', scope.message);
  const echo: Record<string, string> = {
    response_type: 'code',
    client_id: clientId,
    redirect_uri: redirectUri,
  };
  for (const name of ['scope', 'state', 'code_challenge', 'code_challenge_method']) {
    const value = get(name);
    if (value !== undefined) echo[name] = value;
  }
  const request = {
    client,
    redirectUri,
    scopes: scope.scopes,
    scopeLabel: scope.label,
    state,
    codeChallenge: challenge,
    echo,
  };
  return { ok: true, request } satisfies Checked;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hash === '';
  } catch {
    return false;
  }
}

async function issueCode(
  sandbox: SandboxServices,
  flow: AuthorizeFlow,
  request: AuthorizationRequest,
  user: UserRecord,
) {
  const grant = await sandbox.grants.createGrant({
    provider: flow.provider,
    kind: 'user',
    clientId: request.client.clientId,
    userId: user.id,
    companies: user.companies,
    scopes: request.scopes,
  });
  const value = opaqueToken(sandbox.random);
  await sandbox.grants.issueCode(grant, value, {
    redirectUri: request.redirectUri,
    ...(request.codeChallenge === undefined
      ? {}
      : { codeChallenge: request.codeChallenge, codeChallengeMethod: 'S256' }),
    // Codes: single use, 10 minutes (RFC 6749 §4.1.2 recommends at most 10 minutes).
    lifetimeSeconds: sandbox.lifetime(flow.provider, 'code', 600),
  });
  return redirect(withQuery(request.redirectUri, { code: value, state: request.state }));
}

async function findUser(
  sandbox: SandboxServices,
  flow: AuthorizeFlow,
  id: string,
): Promise<UserRecord | undefined> {
  const user = await sandbox.store.find('user', scopedKey(flow.provider, id));
  return user && user.status === 'active' && user.deletedAt === undefined ? user : undefined;
}

/** GET: the page, or (login_hint plus prompt=none or auto_approve=true) a redirect at once, for CI. */
export async function showAuthorizePage(flow: AuthorizeFlow, ctx: RouteContext): Promise<SandboxResponse> {
  const query = ctx.req.query;
  const checked = await check(flow, ctx.sandbox, (name) => query.get(name) ?? undefined);
  if (!checked.ok) return checked.response;
  const { request } = checked;
  const hint = query.get('login_hint') ?? undefined;
  if (query.get('prompt') === 'none' || query.get('auto_approve') === 'true') {
    const user = hint === undefined ? undefined : await findUser(ctx.sandbox, flow, hint);
    if (!user) {
      // OpenID Connect Core §3.1.2.6: prompt=none that cannot log anyone in answers login_required.
      const description =
        hint === undefined ? 'login_hint=<userId> is required to skip the page.' : `No user ${hint}.`;
      return redirect(
        withQuery(request.redirectUri, {
          error: 'login_required',
          error_description: description,
          state: request.state,
        }),
      );
    }
    return issueCode(ctx.sandbox, flow, request, user);
  }
  const users = (await ctx.sandbox.store.list('user', flow.provider)).filter((u) => u.status === 'active');
  const ordered =
    hint === undefined
      ? users
      : [...users.filter((u) => u.id === hint), ...users.filter((u) => u.id !== hint)];
  return consentPage({
    provider: flow.title,
    clientName: request.client.name ?? request.client.clientId,
    scopeLabel: request.scopeLabel,
    identities: ordered.map((u) => ({ id: u.id, label: flow.identityLabel(u) })),
    request: request.echo,
  });
}

/** POST: the page's form. Everything is checked again; the hidden fields are not trusted. */
export async function submitAuthorizePage(flow: AuthorizeFlow, ctx: RouteContext): Promise<SandboxResponse> {
  let form: ReadonlyMap<string, string>;
  try {
    form = readForm(ctx.req);
  } catch (error) {
    if (error instanceof BodyError) return errorPage(flow.title, error.message);
    throw error;
  }
  const checked = await check(flow, ctx.sandbox, (name) => form.get(name));
  if (!checked.ok) return checked.response;
  const { request } = checked;
  const decision = form.get('decision') ?? 'approve';
  if (decision === 'deny') {
    return redirect(
      withQuery(request.redirectUri, {
        error: 'access_denied',
        error_description: 'The user denied access.',
        state: request.state,
      }),
    );
  }
  if (decision !== 'approve') return errorPage(flow.title, 'decision must be approve or deny.');
  const userId = form.get('userId');
  if (!userId) return errorPage(flow.title, 'Pick an identity to log in as (userId).');
  const user = await findUser(ctx.sandbox, flow, userId);
  if (!user) return errorPage(flow.title, `No user ${userId} can log in here.`);
  return issueCode(ctx.sandbox, flow, request, user);
}
