import type { Fault } from '../engine/faults.js';
import { countdown, sandboxTime } from './format.js';
import { type HtmlValue, html, type SafeHtml } from './html.js';
import type {
  AccessTokenView,
  CodeView,
  DashboardView,
  GrantView,
  ProviderView,
  RefreshTokenView,
  Status,
} from './view.js';

/**
 * The part of the dashboard that changes: scenario, grants, tokens, codes and faults. The page swaps it in
 * on every "changed" event; `data-now`/`data-frozen` give the script the sandbox time to count down from.
 */
export function renderLive(view: DashboardView): SafeHtml {
  const names = companyNames(view.providers);
  return html`<div id="live-state" data-now="${view.now}" data-frozen="${String(view.frozen)}">
${accessTokensSection(view.accessTokens, view.totals.accessTokens, view.now, names)}
${refreshTokensSection(view.refreshTokens, view.totals.refreshTokens, view.now)}
${grantsSection(view.grants, view.totals.grants, names)}
${codesSection(view.codes, view.totals.codes, view.now)}
${faultsSection(view.faults)}
${scenarioSection(view, names)}
</div>`;
}

type Names = Map<string, string>;

function companyNames(providers: readonly ProviderView[]): Names {
  return new Map(providers.flatMap((p) => p.companies.map((c) => [c.id, c.name ?? c.id] as const)));
}

function statusBadge(status: Status): SafeHtml {
  return html`<span class="status status-${status}" data-role="status">${status}</span>`;
}

function list(items: readonly string[], empty = '—'): SafeHtml {
  return items.length === 0 ? html`<span class="muted">${empty}</span>` : html`${items.join(', ')}`;
}

function companies(ids: readonly string[], names: Names): SafeHtml {
  return list(ids.map((id) => names.get(id) ?? id));
}

function countdownCell(expiresAt: number | undefined, now: number): SafeHtml {
  if (expiresAt === undefined) return html`<td><span class="muted">never</span></td>`;
  return html`<td><span class="countdown" data-expires-at="${expiresAt}" title="${sandboxTime(expiresAt)}">${countdown(expiresAt - now)}</span></td>`;
}

function table(caption: string, headers: readonly string[], rows: readonly SafeHtml[], empty: string) {
  if (rows.length === 0) return html`<p class="muted">${empty}</p>`;
  return html`<div class="table-wrap"><table><caption class="visually-hidden">${caption}</caption>
<thead><tr>${headers.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
<tbody>${rows}</tbody></table></div>`;
}

/** Says so when a list shows only the newest of more (the dashboard shows `shownPerList` of each). */
function newest(shown: number, total: number, what: string): SafeHtml {
  if (shown >= total) return html``;
  return html`<p class="muted" data-role="newest-only">The newest ${shown} of ${total.toLocaleString('en-US')} ${what}.</p>`;
}

function section(id: string, title: string, count: number | undefined, body: HtmlValue): SafeHtml {
  return html`<section id="${id}" aria-labelledby="${id}-title"><h2 id="${id}-title">${title}${
    count === undefined ? '' : html` <span class="count">${count}</span>`
  }</h2>${body}</section>`;
}

function scenarioSection(view: DashboardView, names: Names): SafeHtml {
  const cards = view.providers.map(
    (p) => html`<article class="provider" aria-label="${p.id}"><h3>${p.id}</h3>
${table(
  `${p.id} clients`,
  ['Client', 'Scopes', 'Redirect URIs'],
  p.clients.map(
    (c) =>
      html`<tr><td><code>${c.clientId}</code>${c.name === undefined ? '' : html` <span class="muted">${c.name}</span>`}</td><td>${list(c.scopes)}</td><td>${list(c.redirectUris, 'any')}</td></tr>`,
  ),
  'No clients.',
)}
${newest(p.users.length, p.userCount, 'users')}${table(
  `${p.id} users`,
  ['User', 'Role / companies', 'Status', ''],
  p.users.map((u) => {
    const action = u.status === 'blocked' ? 'unblock' : 'block';
    return html`<tr data-user="${u.id}"><td><code>${u.id}</code>${u.label === undefined ? '' : html` <span class="muted">${u.label}</span>`}</td>
<td>${u.role ?? ''} ${u.companies.length > 0 ? html`<span class="muted">${companies(u.companies, names)}</span>` : ''}</td>
<td><span class="status status-${u.status}">${u.deleted ? 'deleted' : u.status}</span></td>
<td><button type="button" class="small" data-action="${action}" data-provider="${p.id}" data-user="${u.id}" data-focus-key="user:${p.id}:${u.id}">${action === 'block' ? 'Block' : 'Unblock'}</button></td></tr>`;
  }),
  'No users.',
)}
${p.companies.length === 0 ? '' : html`${newest(p.companies.length, p.companyCount, 'companies')}<p class="muted">Companies: ${p.companies.map((c) => `${c.name ?? c.id} (${c.id})`).join('; ')}</p>`}
</article>`,
  );
  return section(
    'scenario',
    'Scenario',
    undefined,
    html`<p class="muted">Loaded from <code>${view.scenarioSource}</code>. Client secrets are not shown.</p><div class="providers">${cards}</div>`,
  );
}

function grantLineage(g: GrantView, names: Names): SafeHtml {
  const parts: SafeHtml[] = [];
  if (g.parentGrantId !== undefined) {
    const from = html`<a href="#grant-${g.parentGrantId}">${g.parentGrantId}</a>`;
    parts.push(
      g.strict ? html`strict access from legacy ${from}` : html`made through Tink Link from ${from}`,
    );
  } else if (g.strict) parts.push(html`strict (one company)`);
  for (const loss of g.lost) {
    parts.push(
      html`lost <strong>${names.get(loss.company) ?? loss.company}</strong> to strict <a href="#grant-${loss.strictGrantId}">${loss.strictGrantId}</a> at ${sandboxTime(loss.at)}`,
    );
  }
  return parts.length === 0
    ? html`<span class="muted">—</span>`
    : html`${parts.map((p) => html`<div>${p}</div>`)}`;
}

function grantsSection(grants: readonly GrantView[], total: number, names: Names): SafeHtml {
  const rows = grants.map(
    (g) => html`<tr id="grant-${g.id}" data-provider="${g.provider}" data-status="${g.status}">
<td><code>${g.id}</code></td><td>${g.provider}</td><td>${g.kind}</td><td><code>${g.clientId}</code></td>
<td>${g.userId ?? ''} ${companies(g.companies, names)}</td><td class="scopes">${list(g.scopes)}</td>
<td>${statusBadge(g.status)}</td><td>${sandboxTime(g.createdAt)}</td><td>${grantLineage(g, names)}</td></tr>`,
  );
  return section(
    'grants',
    'Grants',
    total,
    html`${newest(grants.length, total, 'grants')}${table(
      'Grants',
      ['Grant', 'Provider', 'Kind', 'Client', 'User / companies', 'Scopes', 'Status', 'Created', 'Lineage'],
      rows,
      'No grants yet.',
    )}`,
  );
}

function tokenActions(t: AccessTokenView): SafeHtml {
  if (t.status !== 'active') return html``;
  return html`<button type="button" class="small danger" data-action="revoke" data-ref="${t.ref}" data-focus-key="revoke:${t.ref}">Revoke</button>
<button type="button" class="small" data-action="expire" data-ref="${t.ref}" data-focus-key="expire:${t.ref}">Expire</button>`;
}

function accessTokensSection(
  tokens: readonly AccessTokenView[],
  total: number,
  now: number,
  names: Names,
): SafeHtml {
  const rows = tokens.map(
    (
      t,
    ) => html`<tr data-provider="${t.provider}" data-kind="${t.kind}" data-status="${t.status}" data-ref="${t.ref}">
<td><code>${t.ref}</code></td><td>${t.provider}</td><td>${t.kind}</td>
<td>${t.grantId === undefined ? '' : html`<a href="#grant-${t.grantId}">${t.grantId}</a>`}</td>
<td><code>${t.clientId}</code> ${t.userId ?? ''} ${t.companies.length > 0 ? companies(t.companies, names) : ''}</td>
<td>${statusBadge(t.status)}</td>${countdownCell(t.expiresAt, now)}
<td>${sandboxTime(t.issuedAt)}</td><td>${t.firstUsedAt === undefined ? html`<span class="muted">unused</span>` : sandboxTime(t.firstUsedAt)}</td>
<td>${t.refreshedFrom === undefined ? html`<span class="muted">—</span>` : html`made by refreshing <code>${t.refreshedFrom}</code>`}${
      t.refreshToken === undefined
        ? ''
        : html`<div class="muted">with refresh <code>${t.refreshToken}</code></div>`
    }</td>
<td class="actions">${tokenActions(t)}</td></tr>`,
  );
  return section(
    'access-tokens',
    'Access tokens',
    total,
    html`${newest(tokens.length, total, 'access tokens')}${table(
      'Access tokens',
      [
        'Token',
        'Provider',
        'Kind',
        'Grant',
        'Client / subject',
        'Status',
        'Expires in',
        'Issued',
        'First used',
        'Lineage',
        '',
      ],
      rows,
      'No access tokens yet.',
    )}`,
  );
}

function refreshTokensSection(tokens: readonly RefreshTokenView[], total: number, now: number): SafeHtml {
  const rows = tokens.map(
    (t) => html`<tr data-provider="${t.provider}" data-status="${t.status}" data-ref="${t.ref}">
<td><code>${t.ref}</code></td><td>${t.provider}</td><td><a href="#grant-${t.grantId}">${t.grantId}</a></td>
<td>${statusBadge(t.status)}</td>${countdownCell(t.expiresAt, now)}<td>${sandboxTime(t.issuedAt)}</td>
<td>${t.replaces === undefined ? html`<span class="muted">—</span>` : html`<code>${t.replaces}</code>`}</td>
<td>${t.replacedBy === undefined ? html`<span class="muted">—</span>` : html`<code>${t.replacedBy}</code>`}</td>
<td class="actions">${
      t.status === 'active'
        ? html`<button type="button" class="small danger" data-action="revoke" data-ref="${t.ref}" data-focus-key="revoke:${t.ref}">Revoke</button>`
        : ''
    }</td></tr>`,
  );
  return section(
    'refresh-tokens',
    'Refresh tokens',
    total,
    html`${newest(tokens.length, total, 'refresh tokens')}${table(
      'Refresh tokens',
      ['Token', 'Provider', 'Grant', 'Status', 'Expires in', 'Issued', 'Replaces', 'Replaced by', ''],
      rows,
      'No refresh tokens yet.',
    )}`,
  );
}

function codesSection(codes: readonly CodeView[], total: number, now: number): SafeHtml {
  const rows = codes.map(
    (c) => html`<tr data-provider="${c.provider}" data-status="${c.status}">
<td><code>${c.ref}</code>${c.delegated ? html` <span class="muted">delegated</span>` : ''}</td><td>${c.provider}</td>
<td><a href="#grant-${c.grantId}">${c.grantId}</a></td><td><code>${c.clientId}</code></td>
<td>${statusBadge(c.status)}</td>${countdownCell(c.expiresAt, now)}<td>${sandboxTime(c.issuedAt)}</td></tr>`,
  );
  return section(
    'codes',
    'Authorization codes',
    total,
    html`${newest(codes.length, total, 'codes')}${table(
      'Authorization codes',
      ['Code', 'Provider', 'Grant', 'Client', 'Status', 'Expires in', 'Issued'],
      rows,
      'No codes yet.',
    )}`,
  );
}

function faultEffect(f: Fault): string {
  if (f.action === 'reset-connection') return 'drop the connection';
  const parts = [f.error, f.status === undefined ? undefined : String(f.status)].filter(
    (p) => p !== undefined,
  );
  if (f.delayMs) parts.push(`after ${f.delayMs} ms`);
  return parts.length === 0 ? 'default error' : parts.join(' ');
}

function faultsSection(faults: readonly Fault[]): SafeHtml {
  const rows = faults.map(
    (f) => html`<tr><td><code>${f.id}</code></td><td>${f.provider ?? 'any'}</td><td>${f.method ?? 'any'}</td>
<td><code>${f.path ?? '**'}</code></td><td>${faultEffect(f)}</td><td>${f.remaining ?? 'until deleted'}</td><td>${f.hits}</td>
<td><button type="button" class="small" data-action="delete-fault" data-fault="${f.id}" data-focus-key="fault:${f.id}">Delete</button></td></tr>`,
  );
  return section(
    'faults',
    'Armed faults',
    faults.length,
    html`${table('Armed faults', ['Fault', 'Provider', 'Method', 'Path', 'Effect', 'Left', 'Hits', ''], rows, 'No faults armed.')}${
      faults.length === 0
        ? ''
        : html`<p><button type="button" class="small" data-action="clear-faults">Clear all faults</button></p>`
    }`,
  );
}
