import { html, type SandboxResponse } from '../../engine/http.js';

/**
 * The server-rendered consent page of the authorization-code flow, shared by Tight and Hurdlr (Hurdlr is
 * Tight's legacy API). Every value written into the page goes through `escapeHtml`.
 */
export interface ConsentPage {
  provider: string;
  clientName: string;
  scopeLabel: string;
  identities: { id: string; label: string }[];
  /** The authorization request, carried through the form so the POST can re-check all of it. */
  request: Record<string, string>;
}

/** HTML-escapes text for element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

const noStore = { 'cache-control': 'no-store', 'x-frame-options': 'DENY' };

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem}
label{display:block;margin:.4rem 0}.error{color:#a00}
button:focus-visible,input:focus-visible{outline:3px solid #f5a623;outline-offset:2px}</style></head>
<body>
${body}
</body>
</html>
`;
}

export function consentPage(consent: ConsentPage): SandboxResponse {
  const hidden = Object.entries(consent.request)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n');
  const choices = consent.identities
    .map(
      (identity, index) =>
        `<label><input type="radio" name="userId" value="${escapeHtml(identity.id)}"${index === 0 ? ' checked' : ''}> ${escapeHtml(identity.label)}</label>`,
    )
    .join('\n');
  const body = `<h1>Sign in to ${escapeHtml(consent.provider)} (sandbox)</h1>
<p><strong>${escapeHtml(consent.clientName)}</strong> asks for <strong>${escapeHtml(consent.scopeLabel)}</strong> access.</p>
<form method="post">
${hidden}
<fieldset><legend>Log in as</legend>
${choices || '<p class="error">The scenario has no users to log in as.</p>'}
</fieldset>
<button type="submit" name="decision" value="approve">Allow</button>
<button type="submit" name="decision" value="deny">Deny</button>
</form>`;
  return html(200, page(`Sign in to ${consent.provider}`, body), noStore);
}

/** RFC 6749 §4.1.2.1: with a bad client or redirect URI, tell the user instead of redirecting. */
export function errorPage(provider: string, message: string): SandboxResponse {
  const body = `<h1>${escapeHtml(provider)}: authorization failed</h1>
<p class="error" role="alert">${escapeHtml(message)}</p>`;
  return html(400, page(`${provider}: authorization failed`, body), noStore);
}

/** Appends parameters to a redirect URI, keeping the query it already has (RFC 6749 §3.1.2). */
export function withQuery(uri: string, params: Record<string, string | undefined>): string {
  const url = new URL(uri);
  for (const [name, value] of Object.entries(params))
    if (value !== undefined) url.searchParams.set(name, value);
  return url.toString();
}
