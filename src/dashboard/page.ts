import { namedFaults } from '../engine/faults.js';
import { providerIds } from '../engine/http.js';
import type { JournalEntry } from '../engine/journal.js';
import { sandboxTime } from './format.js';
import { html, type SafeHtml } from './html.js';
import type { JournalQuery } from './journal-view.js';
import { renderJournal } from './journal-view.js';
import { renderLive } from './live.js';
import type { DashboardView } from './view.js';

/** Where the control plane lives; the page's links and its script's calls are absolute. */
export const controlBase = '/__sandbox';

export interface DashboardPage {
  /** The tenant shown, or undefined for the main sandbox. */
  tenant: string | undefined;
  tenants: readonly string[];
  view: DashboardView;
  journal: { query: JournalQuery; entries: readonly JournalEntry[]; problem?: string };
}

const clockSteps: readonly [string, number][] = [
  ['+1 min', 60],
  ['+1 h', 3600],
  ['+1 day', 86_400],
  ['+90 days', 90 * 86_400],
];

function options(values: readonly string[], selected: string, anyLabel: string): SafeHtml {
  return html`<option value=""${selected === '' ? ' selected' : ''}>${anyLabel}</option>${values.map(
    (v) => html`<option value="${v}"${v === selected ? html` selected` : ''}>${v}</option>`,
  )}`;
}

function header(page: DashboardPage): SafeHtml {
  const tenant = page.tenant ?? '';
  return html`<header class="top">
<h1>auth-sandbox <span class="muted">dashboard</span></h1>
<form id="tenant-form" method="get" action="${controlBase}/">
<label for="tenant">Sandbox</label>
<select id="tenant" name="tenant">${options(page.tenants, tenant, 'main sandbox')}</select>
<noscript><button type="submit" class="small">Show</button></noscript>
</form>
<span id="live-indicator" class="live off" data-live="false" aria-live="polite">connecting…</span>
</header>`;
}

function clockControls(view: DashboardView): SafeHtml {
  return html`<section id="clock" aria-labelledby="clock-title" class="clock">
<h2 id="clock-title">Sandbox clock</h2>
<p class="now"><output id="sandbox-clock" aria-live="off">${sandboxTime(view.now)}</output>
<span id="clock-mode" class="muted">${view.frozen ? 'frozen' : 'running'}</span></p>
<div class="buttons" role="group" aria-label="Advance the sandbox clock">
${clockSteps.map(
  ([label, seconds]) =>
    html`<button type="button" data-action="advance" data-seconds="${seconds}">${label}</button>`,
)}
<button type="button" id="freeze" data-action="freeze" aria-pressed="${String(view.frozen)}">${view.frozen ? 'Unfreeze' : 'Freeze'}</button>
<button type="button" class="danger" data-action="reset">Reset sandbox</button>
</div></section>`;
}

function faultForm(): SafeHtml {
  return html`<section id="inject-fault" aria-labelledby="fault-title">
<h2 id="fault-title">Inject a fault</h2>
<form id="fault-form" class="inline-form">
<label>Provider <select name="provider">${options(providerIds, '', 'any')}</select></label>
<label>Method <input name="method" size="6" placeholder="any" pattern="[A-Za-z]+"></label>
<label>Path <input name="path" size="22" placeholder="/gusto/oauth/token or /tink/**"></label>
<label>Error <select name="error">${options(namedFaults, '', 'none (use status)')}</select></label>
<label>Status <input name="status" type="number" min="100" max="599" size="5" placeholder="503"></label>
<label>Times <input name="times" type="number" min="0" size="4" value="1"></label>
<label>Delay ms <input name="delayMs" type="number" min="0" max="60000" size="6"></label>
<label><input type="checkbox" name="action" value="reset-connection"> drop connection</label>
<button type="submit">Arm fault</button>
</form></section>`;
}

function journalSection(page: DashboardPage): SafeHtml {
  const { query } = page.journal;
  return html`<section id="journal-section" aria-labelledby="journal-title">
<h2 id="journal-title">Journal</h2>
<form id="journal-filter" class="inline-form" method="get" action="${controlBase}/">
${page.tenant === undefined ? '' : html`<input type="hidden" name="tenant" value="${page.tenant}">`}
<label>Provider <select name="provider">${options(providerIds, query.provider, 'any')}</select></label>
<label>Status <input name="status" type="number" min="100" max="599" size="5" value="${query.status}"></label>
<label>Path <input name="path" size="24" placeholder="/tink/api" value="${query.path}"></label>
<button type="submit">Filter</button>
</form>
<div id="journal">${renderJournal(page.journal.entries, page.journal.problem)}</div>
</section>`;
}

/** The whole dashboard, server-rendered; its script keeps it live. */
export function renderPage(page: DashboardPage): string {
  const { view } = page;
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>auth-sandbox dashboard${page.tenant === undefined ? '' : ` · ${page.tenant}`}</title>
<link rel="stylesheet" href="${controlBase}/dashboard/app.css">
<script src="${controlBase}/dashboard/app.js" defer></script></head>
<body data-base="${controlBase}" data-tenant="${page.tenant ?? ''}">
<a class="skip" href="#live">Skip to state</a>
${header(page)}
<main>
${clockControls(view)}
<p id="notice" class="notice" role="status" aria-live="polite"></p>
<div id="live">${renderLive(view)}</div>
${faultForm()}
${journalSection(page)}
</main></body></html>
`.value;
}

/** A page for a dashboard that cannot be shown (an unknown tenant). */
export function renderMissingPage(message: string): string {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>auth-sandbox dashboard</title>
<link rel="stylesheet" href="${controlBase}/dashboard/app.css"></head>
<body><main><h1>auth-sandbox dashboard</h1><p class="error" role="alert">${message}</p>
<p><a href="${controlBase}/">Back to the main sandbox</a></p></main></body></html>
`.value;
}
