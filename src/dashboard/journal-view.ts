import { isProviderId, providerIds } from '../engine/http.js';
import type { JournalEntry, JournalFilter } from '../engine/journal.js';
import { sandboxTime } from './format.js';
import { html, type SafeHtml } from './html.js';

/** The journal filters the page offers, as typed in its form (empty means "any"). */
export interface JournalQuery {
  provider: string;
  status: string;
  path: string;
}

export const journalLimit = 200;

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

export function readJournalQuery(query: Record<string, unknown>): JournalQuery {
  return { provider: text(query.provider), status: text(query.status), path: text(query.path) };
}

/** The engine filter for a query, or the problem to show instead of the journal. */
export function journalFilter(
  query: JournalQuery,
): { ok: true; filter: JournalFilter } | { ok: false; problem: string } {
  const filter: JournalFilter = { limit: journalLimit };
  if (query.provider !== '') {
    if (!isProviderId(query.provider))
      return {
        ok: false,
        problem: `Unknown provider "${query.provider}": use one of ${providerIds.join(', ')}.`,
      };
    filter.provider = query.provider;
  }
  if (query.status !== '') {
    const status = Number(query.status);
    if (!Number.isInteger(status) || status < 100 || status > 599)
      return { ok: false, problem: `Status "${query.status}" is not an HTTP status (100-599).` };
    filter.status = status;
  }
  if (query.path !== '') filter.path = query.path;
  return { ok: true, filter };
}

function statusClass(status: number): string {
  if (status >= 500) return 'http-5xx';
  if (status >= 400) return 'http-4xx';
  if (status >= 300) return 'http-3xx';
  return 'http-2xx';
}

function detail(entry: JournalEntry): string {
  if (entry.request === undefined || entry.response === undefined) {
    return 'Headers and bodies are kept for the newest requests only (--journal-detail).';
  }
  return JSON.stringify({ request: entry.request, response: entry.response }, null, 2);
}

/** The journal, newest first, secrets already redacted by the engine's journal. */
export function renderJournal(entries: readonly JournalEntry[], problem?: string): SafeHtml {
  if (problem !== undefined) return html`<p class="error" role="alert">${problem}</p>`;
  if (entries.length === 0) return html`<p class="muted">No provider requests match.</p>`;
  const rows = [...entries].reverse().map(
    (e) => html`<tr data-seq="${e.seq}" data-provider="${e.provider}" data-status="${e.status}">
<td>${e.seq}</td><td>${sandboxTime(Date.parse(e.time))}</td><td>${e.provider}</td><td>${e.method}</td>
<td><code>/${e.provider}${e.path}</code></td><td><span class="http ${statusClass(e.status)}">${e.status}</span></td>
<td>${e.latencyMs.toFixed(1)} ms</td><td>${e.grantId ?? ''}</td>
<td><details data-seq="${e.seq}"><summary>Details</summary><pre>${detail(e)}</pre></details></td></tr>`,
  );
  return html`<div class="table-wrap"><table><caption class="visually-hidden">Journal, newest first</caption>
<thead><tr><th scope="col">#</th><th scope="col">Sandbox time</th><th scope="col">Provider</th><th scope="col">Method</th>
<th scope="col">Path</th><th scope="col">Status</th><th scope="col">Latency</th><th scope="col">Grant</th><th scope="col">Request / response</th></tr></thead>
<tbody>${rows}</tbody></table></div>
<p class="muted">Showing the last ${entries.length} (at most ${journalLimit}) matching requests.</p>`;
}
