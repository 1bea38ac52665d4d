#!/usr/bin/env node
// Generates src/generated/<name>.ts from every openapi/<name>.yaml with openapi-typescript.
//   node scripts/generate.mjs          write the files
//   node scripts/generate.mjs --check  regenerate in memory; exit 1 if any file is stale, missing or extra
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

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
  for (const name of names) {
    let text;
    try {
      text = await generate(name);
    } catch (error) {
      console.error(`openapi/${name}.yaml: ${error instanceof Error ? error.message : String(error)}`);
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
  for (const name of existing.filter((n) => !names.includes(n))) {
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
