#!/usr/bin/env node
// Generates src/generated/<name>.ts from every openapi/<name>.yaml with openapi-typescript, and
// src/generated/default-scenario.ts from scenarios/default.yaml (its text and its value as JSON).
//   node scripts/generate.mjs          write the files
//   node scripts/generate.mjs --check  regenerate in memory; exit 1 if any file is stale, missing or extra
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import openapiTS, { astToString } from 'openapi-typescript';
import { parseDocument } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const specDir = join(root, 'openapi');
const outDir = join(root, 'src', 'generated');

/**
 * The generated text for one document; nothing in it depends on time, machine or path.
 * @param {string} name
 */
async function generate(name) {
  const ast = await openapiTS(pathToFileURL(join(specDir, `${name}.yaml`)), {
    cwd: pathToFileURL(`${root}/`),
    silent: false,
  });
  const header = `// Generated from openapi/${name}.yaml by \`npm run generate\`. Do not edit.\n\n`;
  return header + astToString(ast).replaceAll('\r\n', '\n');
}

/** The generated file that is not from an OpenAPI document. */
const scenarioModule = 'default-scenario';

/**
 * The shipped scenario's text and its value as JSON: a sandbox started with that very text (the
 * default) takes the JSON and skips the YAML parser, a tenth of the CLI's start-up on a slow machine.
 */
async function generateScenario() {
  const text = await readFile(join(root, 'scenarios', 'default.yaml'), 'utf8');
  const document = parseDocument(text, { prettyErrors: false });
  if (document.errors.length > 0) throw new Error(document.errors.map((e) => e.message).join('; '));
  const value = document.toJS();
  const json = JSON.stringify(value);
  if (!isDeepStrictEqual(JSON.parse(json), value)) throw new Error('its value does not survive JSON');
  return [
    '// Generated from scenarios/default.yaml by `npm run generate`. Do not edit.',
    '',
    '/** The shipped scenario: a start with exactly this text parses `json` rather than the YAML. */',
    `export const shippedScenario = {\n  text: ${JSON.stringify(text)},\n  json: ${JSON.stringify(json)},\n};`,
    '',
  ].join('\n');
}

/** @param {string} dir @param {string} extension @returns {Promise<string[]>} */
async function listNames(dir, extension) {
  const entries = await readdir(dir).catch((/** @type {NodeJS.ErrnoException} */ error) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return entries
    .filter((file) => file.endsWith(extension))
    .map((file) => file.slice(0, -extension.length))
    .sort();
}

/** @param {string} path @returns {Promise<string | undefined>} */
async function readIfPresent(path) {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function main() {
  const check = process.argv.includes('--check');
  const names = await listNames(specDir, '.yaml');
  const existing = await listNames(outDir, '.ts');
  const problems = [];

  // One document at a time: the output order of messages stays stable and failures name their file.
  for (const name of [...names, scenarioModule]) {
    let text;
    try {
      text = name === scenarioModule ? await generateScenario() : await generate(name);
    } catch (error) {
      const from = name === scenarioModule ? 'scenarios/default.yaml' : `openapi/${name}.yaml`;
      console.error(`${from}: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
      continue;
    }
    const target = join(outDir, `${name}.ts`);
    const current = await readIfPresent(target);
    if (current === text) continue;
    if (check) {
      problems.push(`src/generated/${name}.ts is ${current === undefined ? 'missing' : 'stale'}`);
    } else {
      await mkdir(outDir, { recursive: true });
      await writeFile(target, text);
      console.log(`wrote src/generated/${name}.ts`);
    }
  }

  // A generated file whose document is gone is stale too.
  for (const name of existing.filter((n) => !names.includes(n) && n !== scenarioModule)) {
    if (check) problems.push(`src/generated/${name}.ts is extra (no openapi/${name}.yaml)`);
    else {
      await rm(join(outDir, `${name}.ts`));
      console.log(`removed src/generated/${name}.ts`);
    }
  }

  if (problems.length > 0) {
    for (const problem of problems) console.error(problem);
    console.error('Run `npm run generate` and commit the result.');
    process.exitCode = 1;
  } else if (check && process.exitCode !== 1) {
    console.log(`src/generated is fresh (${names.length} documents)`);
  }
}

await main();
