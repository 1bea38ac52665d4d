/** The fake Tink Link pages: plain server-rendered HTML, usable with a keyboard, no script. */

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Tink Link (auth-sandbox)</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1b1b1f}
h1{font-size:1.4rem}fieldset{border:1px solid #ccd;border-radius:8px;padding:1rem}label{display:block;padding:.3rem 0}
button{font:inherit;padding:.6rem 1.4rem;border-radius:6px;border:0;background:#2b2bd9;color:#fff;cursor:pointer}
button:focus-visible,input:focus-visible{outline:3px solid #f5a623;outline-offset:2px}.error{color:#b00020}
.meta{color:#555;font-size:.9rem}</style></head>
<body><main>${body}</main></body></html>`;
}

export interface ConsentView {
  clientName: string;
  idHint: string | undefined;
  scopes: string[];
  hidden: Record<string, string>;
  action: string;
}

export const testBanks = ['Demo Bank (password)', 'Demo Bank (decoupled app)', 'Demo Savings Bank'];

export function consentPage(view: ConsentView): string {
  const hidden = Object.entries(view.hidden)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
  const banks = testBanks
    .map(
      (bank, i) =>
        `<label><input type="radio" name="bank" value="${escapeHtml(bank)}"${i === 0 ? ' checked' : ''}> ${escapeHtml(bank)}</label>`,
    )
    .join('');
  return page(
    'Connect your bank',
    `<h1>Connect your bank to ${escapeHtml(view.clientName)}</h1>
<p class="meta">${view.idHint ? `Signed in as <strong>${escapeHtml(view.idHint)}</strong>. ` : ''}Requested access: ${escapeHtml(view.scopes.join(', '))}</p>
<form method="post" action="${escapeHtml(view.action)}">${hidden}
<fieldset><legend>Choose a test bank</legend>${banks}</fieldset>
<p><button type="submit" name="decision" value="approve">Connect</button>
<button type="submit" name="decision" value="deny" style="background:#666">Cancel</button></p></form>`,
  );
}

export function errorPage(message: string): string {
  return page(
    'Something went wrong',
    `<h1>Tink Link cannot continue</h1><p class="error" role="alert">${escapeHtml(message)}</p>`,
  );
}
