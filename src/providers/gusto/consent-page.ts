import type { ClientRecord, CompanyRecord } from '../../engine/records.js';

/** HTML escaping for text and attribute values. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem}
.error{color:#b00020}label{display:block;margin:.4rem 0}button{margin-right:.5rem}
button:focus-visible,input:focus-visible{outline:3px solid #f5a623;outline-offset:2px}</style></head>
<body>
<p><small>auth-sandbox: Gusto (fake)</small></p>
${body}
</body>
</html>
`;
}

export interface ConsentRequest {
  client: ClientRecord;
  redirectUri: string;
  state: string | undefined;
  scopes: string[];
  codeChallenge: string | undefined;
  codeChallengeMethod: string | undefined;
}

/** The consent page: the application, its scopes and exactly one company to pick (Gusto strict access). */
export function consentPage(request: ConsentRequest, companies: CompanyRecord[], problem?: string): string {
  const hidden = (name: string, value: string | undefined) =>
    value === undefined ? '' : `<input type="hidden" name="${name}" value="${escapeHtml(value)}">\n`;
  const choices = companies
    .map(
      (company, index) =>
        `<label><input type="radio" name="company_uuid" value="${escapeHtml(company.id)}"${index === 0 ? ' checked' : ''}> ${escapeHtml(company.name ?? company.id)} <small>${escapeHtml(company.id)}</small></label>`,
    )
    .join('\n');
  const appName = request.client.name ?? request.client.clientId;
  return layout(
    'Authorize access to Gusto',
    `<h1>Authorize ${escapeHtml(appName)}</h1>
${problem === undefined ? '' : `<p class="error" role="alert">${escapeHtml(problem)}</p>`}
<p>${escapeHtml(appName)} asks for: <code>${escapeHtml(request.scopes.join(' '))}</code></p>
<form method="post">
${hidden('client_id', request.client.clientId)}${hidden('redirect_uri', request.redirectUri)}${hidden('response_type', 'code')}${hidden('state', request.state)}${hidden('scope', request.scopes.join(' '))}${hidden('code_challenge', request.codeChallenge)}${hidden('code_challenge_method', request.codeChallengeMethod)}<fieldset><legend>Pick exactly one company</legend>
${choices || '<p>No company is available.</p>'}
</fieldset>
<p><button type="submit" name="decision" value="approve">Allow</button><button type="submit" name="decision" value="deny">Deny</button></p>
</form>`,
  );
}

export function errorPage(message: string): string {
  return layout(
    'Authorization error',
    `<h1>Authorization error</h1>\n<p class="error" role="alert">${escapeHtml(message)}</p>`,
  );
}
