import { readFile } from 'node:fs/promises';
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { parseInstant } from '../engine/clock.js';
import type { RegisteredDialect } from '../engine/dialect.js';
import { isProviderId, type ProviderId, providerIds } from '../engine/http.js';
import { boolean, number, object, optional, type Problem, string, validate } from '../engine/shape.js';
import { shippedScenario } from '../generated/default-scenario.js';

/** A loaded, validated scenario: the state a sandbox starts from and returns to on reset. */
export interface Scenario {
  source: string;
  /** The scenario as data, as it was loaded (tenants copy it). */
  raw: unknown;
  clock: { start?: number; frozen: boolean };
  /** Each provider's section, validated by its dialect. */
  providers: Partial<Record<ProviderId, unknown>>;
  lifetimes: Partial<Record<ProviderId, Record<string, number>>>;
}

export interface ScenarioProblem extends Problem {
  file: string;
  line?: number;
}

export class ScenarioError extends Error {
  constructor(readonly problems: ScenarioProblem[]) {
    super(
      `invalid scenario:\n${problems
        .map((p) => `  ${p.file}${p.line ? `:${p.line}` : ''}: ${p.path || '(top level)'}: ${p.message}`)
        .join('\n')}`,
    );
    this.name = 'ScenarioError';
  }
}

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

const clockShape = object({
  start: optional(string({ pattern: isoInstant, hint: 'an ISO 8601 instant such as 2026-01-01T00:00:00Z' })),
  frozen: optional(boolean()),
});

/** Checks a parsed scenario (from YAML or JSON) against the top-level schema and every dialect's section. */
export function parseScenario(
  raw: unknown,
  source: string,
  dialects: readonly RegisteredDialect[],
): Scenario {
  const problems: Problem[] = [];
  const mapping = () => optional(object({}, { allowUnknown: true }));
  const top = validate(object({ clock: mapping(), providers: mapping(), lifetimes: mapping() }), raw ?? {});
  if (!top.ok) throw new ScenarioError(top.problems.map((p) => ({ ...p, file: source })));
  const clockSettings = validate(clockShape, top.value.clock ?? {}, 'clock');
  if (!clockSettings.ok) problems.push(...clockSettings.problems);
  const start = clockSettings.ok ? clockSettings.value.start : undefined;
  if (start !== undefined && parseInstant(start) === undefined) {
    problems.push({ path: 'clock.start', message: `${JSON.stringify(start)} is not a real date and time` });
  }

  const providers: Partial<Record<ProviderId, unknown>> = {};
  for (const [id, section] of Object.entries(top.value.providers ?? {})) {
    const dialect = dialects.find((d) => d.id === id);
    if (!isProviderId(id) || !dialect) {
      const known = dialects.map((d) => d.id).join(', ');
      problems.push({ path: `providers.${id}`, message: `unknown provider (this build serves: ${known})` });
      continue;
    }
    problems.push(...dialect.checkSection(section ?? {}, `providers.${id}`));
    providers[id] = section ?? {};
  }

  const lifetimes: Partial<Record<ProviderId, Record<string, number>>> = {};
  for (const [id, kinds] of Object.entries(top.value.lifetimes ?? {})) {
    if (!isProviderId(id)) {
      problems.push({
        path: `lifetimes.${id}`,
        message: `unknown provider (expected one of: ${providerIds.join(', ')})`,
      });
      continue;
    }
    const checked = validate(object({}, { allowUnknown: true }), kinds, `lifetimes.${id}`);
    if (!checked.ok) {
      problems.push(...checked.problems);
      continue;
    }
    const seconds: Record<string, number> = {};
    for (const [kind, value] of Object.entries(checked.value)) {
      const lifetime = validate(number({ min: 1, integer: true }), value, `lifetimes.${id}.${kind}`);
      if (lifetime.ok) seconds[kind] = lifetime.value;
      else problems.push(...lifetime.problems);
    }
    lifetimes[id] = seconds;
  }

  if (problems.length > 0) throw new ScenarioError(problems.map((p) => ({ ...p, file: source })));
  const settings = clockSettings.ok ? clockSettings.value : undefined;
  const clock: Scenario['clock'] = { frozen: settings?.frozen ?? false };
  if (settings?.start !== undefined) clock.start = Date.parse(settings.start);
  return { source, raw, clock, providers, lifetimes };
}

/** Parses scenario text (YAML, of which JSON is a subset); problems carry line numbers where known. */
export function parseScenarioText(
  text: string,
  source: string,
  dialects: readonly RegisteredDialect[],
): Scenario {
  // The shipped scenario, unchanged, comes from its JSON: the YAML parser's first run costs ~20-30 ms
  // of a start. Its problems (a build serving fewer providers refuses their sections) take the YAML
  // path, which gives them lines.
  if (text === shippedScenario.text) {
    try {
      return parseScenario(JSON.parse(shippedScenario.json), source, dialects);
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
    }
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    throw new ScenarioError(
      document.errors.map((error) => ({
        file: source,
        path: '',
        message: `not valid YAML: ${error.message.split('\n')[0]}`,
        line: lineCounter.linePos(error.pos[0]).line,
      })),
    );
  }
  try {
    return parseScenario(document.toJS(), source, dialects);
  } catch (error) {
    if (error instanceof ScenarioError) {
      throw new ScenarioError(error.problems.map((p) => withLine(p, document.contents, lineCounter)));
    }
    throw error;
  }
}

export async function loadScenarioFile(
  file: string,
  dialects: readonly RegisteredDialect[],
): Promise<Scenario> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ScenarioError([{ file, path: '', message: `cannot read the file (${reason})` }]);
  }
  return parseScenarioText(text, file, dialects);
}

/** Finds the line of a problem's key path (`providers.tink.clients[0].scopes`) in the YAML tree. */
function withLine(problem: ScenarioProblem, root: unknown, lines: LineCounter): ScenarioProblem {
  let node: unknown = root;
  let offset: number | undefined;
  for (const part of problem.path.split(/\.|(?=\[)/).filter(Boolean)) {
    const index = /^\[(\d+)\]$/.exec(part);
    if (index?.[1] && isSeq(node)) {
      node = node.items[Number(index[1])];
      if (isNode(node) && node.range) offset = node.range[0];
    } else if (isMap(node)) {
      // A key's problem belongs on the key's line, not on its (possibly block) value's first line.
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === part);
      if (pair && isNode(pair.key) && pair.key.range) offset = pair.key.range[0];
      node = pair?.value;
    } else break;
  }
  return offset === undefined ? problem : { ...problem, line: lines.linePos(offset).line };
}
