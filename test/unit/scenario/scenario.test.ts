import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { RegisteredDialect } from '../../../src/engine/dialect.js';
import { shippedScenario } from '../../../src/generated/default-scenario.js';
import { dialects } from '../../../src/providers/registry.js';
import {
  loadScenarioFile,
  parseScenario,
  parseScenarioText,
  ScenarioError,
  type ScenarioProblem,
} from '../../../src/scenario/scenario.js';

const defaultScenarioFile = fileURLToPath(new URL('../../../scenarios/default.yaml', import.meta.url));
const file = 'scenarios/test.yaml';

/** The Tink dialect, as the registry serves it. */
function tink(): RegisteredDialect {
  const found = dialects.find((d) => d.id === 'tink');
  if (!found) throw new Error('the registry no longer serves tink; these tests use its scenario section');
  return found;
}

/** The problems a scenario text is refused with (fails the test if it is accepted). */
function problemsOf(text: string, served: readonly RegisteredDialect[] = dialects): ScenarioProblem[] {
  try {
    parseScenarioText(text, file, served);
  } catch (error) {
    if (error instanceof ScenarioError) return error.problems;
    throw error;
  }
  throw new Error('the scenario was accepted');
}

function lines(...rows: string[]): string {
  return `${rows.join('\n')}\n`;
}

describe('the default scenario', () => {
  it('is accepted for every provider this build serves', async () => {
    const raw: { providers: Record<string, unknown> } = parse(await readFile(defaultScenarioFile, 'utf8'));
    const servedIds = new Set<string>(dialects.map((d) => d.id));
    const served = Object.fromEntries(Object.entries(raw.providers).filter(([id]) => servedIds.has(id)));
    expect(Object.keys(served).length).toBeGreaterThan(0);

    const scenario = parseScenarioText(stringify({ ...raw, providers: served }), 'default.yaml', dialects);
    expect(Object.keys(scenario.providers).sort()).toEqual(Object.keys(served).sort());
    expect(scenario.providers.tink).toMatchObject({ clients: [{ clientId: 'tink-client' }] });
  });

  it('loads from the JSON generated from its file exactly as from its YAML', async () => {
    const text = await readFile(defaultScenarioFile, 'utf8');
    // Stale (scenarios/default.yaml edited, `npm run generate` not run): every start parses the YAML.
    expect(shippedScenario.text).toBe(text);
    const fromYaml = parseScenario(parse(text), 'default.yaml', dialects);
    expect(parseScenarioText(text, 'default.yaml', dialects)).toEqual(fromYaml);
    // Not the shipped text (a comment more): the YAML parser, same scenario.
    expect(parseScenarioText(`# mine\n${text}`, 'default.yaml', dialects)).toEqual(fromYaml);
    // Each load hands out its own copy of the data.
    const first = parseScenarioText(text, 'default.yaml', dialects);
    expect(first.raw).not.toBe(parseScenarioText(text, 'default.yaml', dialects).raw);
  });

  it('names the line of a problem in the shipped text when this build serves fewer providers', () => {
    const problems = problemsOf(shippedScenario.text, [tink()]);
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) {
      expect(problem.message).toMatch(/^unknown provider/);
      expect(problem.line).toEqual(expect.any(Number));
    }
  });

  it('loads from its file, refusing only providers this build does not serve yet', async () => {
    const raw: { providers: Record<string, unknown> } = parse(await readFile(defaultScenarioFile, 'utf8'));
    const unserved = Object.keys(raw.providers).filter((id) => !dialects.some((d) => d.id === id));
    try {
      const scenario = await loadScenarioFile(defaultScenarioFile, dialects);
      expect(unserved).toEqual([]);
      expect(Object.keys(scenario.providers).sort()).toEqual(Object.keys(raw.providers).sort());
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      expect(error.problems.map((p) => p.path).sort()).toEqual(
        unserved.map((id) => `providers.${id}`).sort(),
      );
      for (const problem of error.problems) expect(problem.message).toMatch(/^unknown provider/);
    }
  });
});

describe('parseScenarioText', () => {
  it('accepts an empty file as a scenario with no providers and a running clock', () => {
    expect(parseScenarioText('', file, dialects)).toEqual({
      source: file,
      raw: null,
      clock: { frozen: false },
      providers: {},
      lifetimes: {},
    });
  });

  it('reads the clock start as ms since the epoch and the frozen flag', () => {
    const scenario = parseScenarioText(
      lines('clock:', '  start: 2026-01-01T00:00:00Z', '  frozen: true'),
      file,
      dialects,
    );
    expect(scenario.clock).toEqual({ start: Date.parse('2026-01-01T00:00:00Z'), frozen: true });
  });

  it('accepts JSON, a subset of YAML', () => {
    const scenario = parseScenarioText(
      JSON.stringify({ providers: { tink: { clients: [{ clientId: 'a', clientSecret: 'b' }] } } }),
      file,
      [tink()],
    );
    expect(scenario.providers.tink).toEqual({ clients: [{ clientId: 'a', clientSecret: 'b' }] });
  });

  it('reports a YAML syntax error with the line it is on', () => {
    const problems = problemsOf(lines('clock:', '  frozen: true', 'providers:', '  tink: nested: mapping'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file, path: '', line: 4 });
    expect(problems[0]?.message).toMatch(/^not valid YAML: /);
  });

  it('reports an unclosed quote with a line', () => {
    const [problem] = problemsOf(lines('providers:', '  tink:', '    clients:', '      - clientId: "abc'));
    expect(problem).toMatchObject({ file, line: expect.any(Number) });
    expect(problem?.message).toMatch(/quote/);
  });

  it('names the file, key path and line of a wrong type in a provider section', () => {
    const text = lines(
      'providers:',
      '  tink:',
      '    clients:',
      '      - clientId: 42',
      '        clientSecret: tink-secret',
    );
    const problems = problemsOf(text, [tink()]);
    expect(problems).toEqual([
      {
        file,
        path: 'providers.tink.clients[0].clientId',
        line: 4,
        message: 'expected a string, got number 42',
      },
    ]);
    try {
      parseScenarioText(text, file, [tink()]);
    } catch (error) {
      expect(String(error)).toContain(`${file}:4: providers.tink.clients[0].clientId: expected a string`);
    }
  });

  it('reports every problem in a file at once, each on its own line', () => {
    const problems = problemsOf(
      lines(
        'providers:',
        '  tink:',
        '    clients:',
        '      - clientId: a',
        '        clientSecret: b',
        '        scopes: [not a scope]',
        '      - clientId: c',
        '        clientSecret: d',
        '        colour: blue',
        '    users:',
        '      - userId: u1',
        '        market: gb',
      ),
      [tink()],
    );
    expect(problems.map((p) => [p.path, p.line])).toEqual([
      ['providers.tink.clients[0].scopes[0]', 6],
      ['providers.tink.clients[1].colour', 9],
      ['providers.tink.users[0].market', 12],
    ]);
  });

  it('points a missing key at the entry that lacks it', () => {
    const problems = problemsOf(lines('providers:', '  tink:', '    clients:', '      - clientId: a'), [
      tink(),
    ]);
    expect(problems).toEqual([
      { file, path: 'providers.tink.clients[0].clientSecret', line: 4, message: 'is required (a string)' },
    ]);
  });

  it('refuses an unknown provider, saying which ones this build serves', () => {
    const [problem, ...rest] = problemsOf(lines('providers:', '  tink: {}', '  nosuch: { clients: [] }'));
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ file, path: 'providers.nosuch', line: 3 });
    expect(problem?.message).toBe(
      `unknown provider (this build serves: ${dialects.map((d) => d.id).join(', ')})`,
    );
  });

  it('refuses a known provider whose dialect is not served', () => {
    const [problem] = problemsOf(lines('providers:', '  gusto: {}'), [tink()]);
    expect(problem).toMatchObject({
      path: 'providers.gusto',
      message: 'unknown provider (this build serves: tink)',
    });
  });

  it('refuses an unknown top-level key on its line', () => {
    const [problem] = problemsOf(lines('clock:', '  frozen: true', 'provider: { tink: {} }'));
    expect(problem).toMatchObject({ file, path: 'provider', line: 3 });
    expect(problem?.message).toMatch(/^unknown key/);
  });

  it('puts a problem about a key with a block value on the key’s line, not on its first child’s', () => {
    const [unknownKey] = problemsOf(lines('clock:', '  frozen: true', 'provider:', '  tink: {}'));
    expect(unknownKey).toMatchObject({ path: 'provider', line: 3 });
    const [unknownProvider] = problemsOf(lines('providers:', '  nosuch:', '    clients: []'));
    expect(unknownProvider).toMatchObject({ path: 'providers.nosuch', line: 2 });
  });

  it('refuses a clock start that is not an ISO instant', () => {
    const [problem] = problemsOf(lines('clock:', '  start: tomorrow'));
    expect(problem).toMatchObject({ file, path: 'clock.start', line: 2 });
  });

  it('refuses a clock start shaped like an instant that is no real date', () => {
    const [problem] = problemsOf(lines('clock:', '  start: 2026-13-01T00:00:00Z'));
    expect(problem).toMatchObject({ file, path: 'clock.start', line: 2 });
  });
});

describe('scenario lifetimes', () => {
  it('keeps whole-second lifetimes per provider and kind', () => {
    const scenario = parseScenarioText(
      lines(
        'lifetimes:',
        '  tink:',
        '    accessToken: 60',
        '    code: 600',
        '  gusto:',
        '    refreshToken: 86400',
      ),
      file,
      dialects,
    );
    expect(scenario.lifetimes).toEqual({
      tink: { accessToken: 60, code: 600 },
      gusto: { refreshToken: 86400 },
    });
  });

  it('refuses zero, fractional, negative and quoted lifetimes, each on its line', () => {
    const problems = problemsOf(
      lines(
        'lifetimes:',
        '  tink:',
        '    accessToken: 0',
        '    code: 1.5',
        '    refreshToken: -5',
        '    userToken: "60"',
      ),
    );
    expect(problems.map((p) => [p.path, p.line])).toEqual([
      ['lifetimes.tink.accessToken', 3],
      ['lifetimes.tink.code', 4],
      ['lifetimes.tink.refreshToken', 5],
      ['lifetimes.tink.userToken', 6],
    ]);
    expect(problems[0]?.message).toBe('must be at least 1, got 0');
    expect(problems[1]?.message).toBe('expected a whole number, got 1.5');
    expect(problems[3]?.message).toBe('expected a number, got string "60"');
  });

  it('refuses lifetimes of an unknown provider', () => {
    const [problem] = problemsOf(lines('lifetimes:', '  nosuch: { accessToken: 60 }'));
    expect(problem).toMatchObject({ file, path: 'lifetimes.nosuch', line: 2 });
    expect(problem?.message).toMatch(
      /^unknown provider \(expected one of: tight, hurdlr, tink, uphold, gusto\)/,
    );
  });

  it('refuses lifetimes that are not a mapping of kinds', () => {
    const [problem] = problemsOf(lines('lifetimes:', '  tink: 60'));
    expect(problem).toMatchObject({
      file,
      path: 'lifetimes.tink',
      line: 2,
      message: 'expected a mapping, got number 60',
    });
  });
});

describe('parseScenario', () => {
  it('names the source of an already parsed value in its problems', () => {
    expect(() => parseScenario({ providers: [] }, 'inline', dialects)).toThrow(ScenarioError);
    try {
      parseScenario({ providers: [] }, 'inline', dialects);
    } catch (error) {
      expect(error).toMatchObject({ problems: [{ file: 'inline', path: 'providers' }] });
    }
  });
});

describe('loadScenarioFile', () => {
  it('names a file it cannot read', async () => {
    const missing = fileURLToPath(new URL('./no-such-scenario.yaml', import.meta.url));
    await expect(loadScenarioFile(missing, dialects)).rejects.toMatchObject({
      problems: [{ file: missing, path: '', message: expect.stringMatching(/^cannot read the file/) }],
    });
  });
});
