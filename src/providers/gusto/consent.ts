import { BodyError, readForm } from '../../engine/body.js';
import type { RouteContext, SandboxServices } from '../../engine/dialect.js';
import { html, redirect, type SandboxResponse } from '../../engine/http.js';
import { opaqueToken } from '../../engine/random.js';
import { scopedKey } from '../../engine/records.js';
import { type ConsentRequest, consentPage, errorPage } from './consent-page.js';
import { stableUuid } from './scenario.js';
import { companyTokenScopes } from './scopes.js';

type Params = ReadonlyMap<string, string>;
type Outcome = { ok: true; request: ConsentRequest } | { ok: false; page: SandboxResponse };

/** "Authorization Code Expiration Time: 10 minutes" (providers.md §5.2). */
const codeLifetimeSeconds = 600;

/** `GET /oauth/authorize`: the consent page, or with `company_uuid` and `auto_approve=true` (CI) a redirect at once. */
export async function showConsent(ctx: RouteContext): Promise<SandboxResponse> {
  return authorize(ctx, new Map(ctx.req.query), ctx.req.query.get('auto_approve') === 'true');
}

/** `POST /oauth/authorize`: the consent page's Allow or Deny. */
export async function decideConsent(ctx: RouteContext): Promise<SandboxResponse> {
  let params: Params;
  try {
    params = readForm(ctx.req);
  } catch (error) {
    if (error instanceof BodyError)
      return html(400, errorPage(`The consent form could not be read: ${error.message}.`));
    throw error;
  }
  if (params.get('decision') === 'deny') {
    const checked = await checkClient(ctx.sandbox, params);
    return checked.ok
      ? redirectTo(checked.request, { error: 'access_denied', error_description: 'The user denied access.' })
      : checked.page;
  }
  return authorize(ctx, params, true);
}

async function authorize(ctx: RouteContext, params: Params, decided: boolean): Promise<SandboxResponse> {
  const checked = await checkClient(ctx.sandbox, params);
  if (!checked.ok) return checked.page;
  const { request } = checked;
  // RFC 6749 §4.1.2.1: once client and redirect_uri are known good, errors go back to the client.
  const responseType = params.get('response_type');
  if (responseType !== 'code') {
    return redirectTo(request, {
      error: responseType === undefined ? 'invalid_request' : 'unsupported_response_type',
      error_description: 'response_type must be code',
    });
  }
  const allowed = companyTokenScopes(request.client.scopes);
  const unknown = request.scopes.filter((scope) => !allowed.includes(scope));
  if (unknown.length > 0)
    return redirectTo(request, {
      error: 'invalid_scope',
      error_description: `not granted to this application: ${unknown.join(' ')}`,
    });
  if (request.scopes.length === 0) request.scopes = allowed;
  if (request.codeChallengeMethod !== undefined && !['S256', 'plain'].includes(request.codeChallengeMethod)) {
    return redirectTo(request, {
      error: 'invalid_request',
      error_description: 'code_challenge_method must be S256 or plain',
    });
  }
  const companies = await ctx.sandbox.store.list('company', 'gusto');
  if (!decided) return html(200, consentPage(request, companies));
  const companyId = params.get('company_uuid');
  const company = companies.find((c) => c.id === companyId);
  if (!company) {
    const problem =
      companyId === undefined
        ? 'Pick exactly one company (company_uuid).'
        : `company_uuid ${companyId} names no company.`;
    return html(400, consentPage(request, companies, problem));
  }
  const code = await issueCode(ctx.sandbox, request, company.id);
  return redirectTo(request, { code });
}

/** The client and its redirect_uri; a problem with either is a 400 page, never a redirect (RFC 6749 §4.1.2.1). */
async function checkClient(sandbox: SandboxServices, params: Params): Promise<Outcome> {
  const clientId = params.get('client_id');
  const client =
    clientId === undefined ? undefined : await sandbox.store.find('client', scopedKey('gusto', clientId));
  if (!client) {
    return fail(
      clientId === undefined
        ? 'client_id is missing.'
        : `Unknown client ${clientId}: no Gusto application has this client_id.`,
    );
  }
  const given = params.get('redirect_uri');
  // RFC 6749 §3.1.2.3: with exactly one registered redirect URI the parameter may be left out.
  const redirectUri = given ?? (client.redirectUris.length === 1 ? client.redirectUris[0] : undefined);
  if (redirectUri === undefined) return fail('redirect_uri is missing.');
  if (!isHttpUrl(redirectUri)) return fail(`redirect_uri ${redirectUri} is not an absolute http(s) URL.`);
  if (client.redirectUris.length > 0 && !client.redirectUris.includes(redirectUri)) {
    return fail(
      `redirect_uri ${redirectUri} is not registered for ${client.clientId}. Registered: ${client.redirectUris.join(', ')}.`,
    );
  }
  const scope = params.get('scope')?.trim();
  return {
    ok: true,
    request: {
      client,
      redirectUri,
      state: params.get('state'),
      scopes: scope ? scope.split(/\s+/) : [],
      codeChallenge: params.get('code_challenge'),
      codeChallengeMethod: params.get('code_challenge_method'),
    },
  };
}

function fail(message: string): Outcome {
  return { ok: false, page: html(400, errorPage(message)) };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** One company per authorization (Gusto strict access): the code's grant is strict from the start. */
async function issueCode(
  sandbox: SandboxServices,
  request: ConsentRequest,
  companyId: string,
): Promise<string> {
  const users = await sandbox.store.list('user', 'gusto');
  const admin = users.find((u) => u.role === 'CompanyAdmin' && u.companies.includes(companyId));
  const grant = await sandbox.grants.createGrant({
    provider: 'gusto',
    kind: 'strict',
    clientId: request.client.clientId,
    companies: [companyId],
    scopes: request.scopes,
    strict: true,
    resourceOwner: { type: 'CompanyAdmin', uuid: admin?.id ?? stableUuid('gusto-admin', companyId) },
  });
  const code = await sandbox.grants.issueCode(grant, opaqueToken(sandbox.random), {
    redirectUri: request.redirectUri,
    lifetimeSeconds: codeLifetimeSeconds,
    ...(request.codeChallenge === undefined ? {} : { codeChallenge: request.codeChallenge }),
    ...(request.codeChallenge === undefined
      ? {}
      : { codeChallengeMethod: request.codeChallengeMethod ?? 'plain' }),
  });
  return code.value;
}

function redirectTo(request: ConsentRequest, result: Record<string, string>): SandboxResponse {
  const url = new URL(request.redirectUri);
  for (const [key, value] of Object.entries(result)) url.searchParams.set(key, value);
  if (request.state !== undefined) url.searchParams.set('state', request.state);
  return redirect(url.toString());
}
