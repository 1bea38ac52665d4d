// The CLI as one ES module plus lazily loaded chunks, written over tsc's dist/cli.js (run after tsc).
//
// Loaded file by file, `auth-sandbox start` reads ~180 modules (ours and yaml's) before it can listen,
// and resolving, reading and compiling them is most of its start-up: ~160 ms to "listening" against
// ~110 ms bundled (issue 7's start-up budget). What start-up never needs stays out of the entry: the
// control plane (Express), the dashboard, the file and Redis stores and Prism go to chunks that load on
// first use, and every package but yaml stays external (node_modules, loaded by node as before). The
// library (dist/index.js and the rest) is tsc's output, untouched.
import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url);
/** @type {{ dependencies: Record<string, string>, peerDependencies?: Record<string, string> }} */
const manifest = JSON.parse(await readFile(new URL('package.json', root), 'utf8'));
// yaml parses the scenario at every start: bundled with the rest of the start-up path.
const bundled = ['yaml'];
const external = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies }).filter(
  (name) => !bundled.includes(name),
);
const chunks = new URL('dist/chunks/', root);

// Chunk names carry a content hash: clear the previous build's so that none goes stale.
await rm(chunks, { recursive: true, force: true });

await build({
  // A path, not the URL's pathname: that one keeps %20 for a space (and a leading slash on Windows).
  absWorkingDir: fileURLToPath(root),
  entryPoints: { cli: 'src/cli.ts' },
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  external,
  // yaml's node build is CommonJS and requires node's `process` and `buffer`: give the module a require.
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
