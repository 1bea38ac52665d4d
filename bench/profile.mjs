// Profiles our endpoints under load: one `node --cpu-prof dist/cli.js start --port 0` per endpoint,
// autocannon for BENCH_PROFILE_SECONDS (default 8), then a summary of where the CPU went.
// Usage: npm run build && node bench/profile.mjs [target-id ...]   (ids as in bench/servers.mjs)
// The .cpuprofile files go to bench/out/profile/ (not committed); open them in Chrome DevTools.
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { root } from './lib.mjs';
import { cannon, startOurs, targets } from './servers.mjs';

const seconds = Number(process.env.BENCH_PROFILE_SECONDS ?? 8);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const top = Number(process.env.BENCH_PROFILE_TOP ?? 15);
const wanted = process.argv.slice(2);
const outDir = join(root, 'bench/out/profile');

/**
 * @typedef {object} ProfileNode
 * @property {number} id
 * @property {{ functionName: string, url: string, lineNumber: number }} callFrame
 * @property {number} [hitCount]
 * @property {number[]} [children]
 */

/** @param {string} url */
function where(url) {
  if (url === '') return '';
  const path = url.startsWith('file://') ? new URL(url).pathname : url;
  return path.startsWith(root) ? relative(root, path) : path;
}

/** @param {string} file a relative path or node:... */
function area(file) {
  if (file.startsWith('dist/')) return 'ours (dist/)';
  const pkg = file.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return `package ${pkg[1]}`;
  if (file.startsWith('node:')) return 'node internals';
  return file === '' ? 'native (syscalls, V8 builtins)' : 'other';
}

/**
 * Self and total time per function over the samples taken in [from, to] (µs on the monotonic clock that
 * V8's profiler and process.hrtime share); total counts a function once per stack even when it recurses.
 * @param {{ nodes: ProfileNode[], samples: number[], timeDeltas: number[], startTime: number, endTime: number }} profile
 * @param {number} from
 * @param {number} to
 */
function summarise(profile, from, to) {
  /** @type {Map<number, ProfileNode>} */
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  /** @type {Map<number, number>} */
  const selfUs = new Map();
  let at = profile.startTime;
  let totalUs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (at < from || at > to) continue;
    const id = /** @type {number} */ (profile.samples[i]);
    selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
    totalUs += delta;
  }
  /** @type {Map<string, { self: number, total: number, area: string }>} */
  const functions = new Map();
  /** @type {Map<string, number>} */
  const areas = new Map();
  /** @param {ProfileNode} n */
  const keyOf = (n) => {
    const file = where(n.callFrame.url);
    return `${n.callFrame.functionName || '(anonymous)'} ${file}${file ? `:${n.callFrame.lineNumber + 1}` : ''}`;
  };
  /** @returns {number} the node's inclusive time @param {number} id @param {Set<string>} onStack */
  const walk = (id, onStack) => {
    const n = /** @type {ProfileNode} */ (byId.get(id));
    const key = keyOf(n);
    const self = selfUs.get(id) ?? 0;
    const fileArea = area(where(n.callFrame.url));
    const name = n.callFrame.functionName;
    const bucket = name === '(idle)' ? 'idle' : name === '(garbage collector)' ? 'GC' : fileArea;
    areas.set(bucket, (areas.get(bucket) ?? 0) + self);
    const fresh = !onStack.has(key);
    if (fresh) onStack.add(key);
    let total = self;
    for (const child of n.children ?? []) total += walk(child, onStack);
    if (fresh) onStack.delete(key);
    const entry = functions.get(key) ?? { self: 0, total: 0, area: fileArea };
    entry.self += self;
    if (fresh) entry.total += total;
    functions.set(key, entry);
    return total;
  };
  const rootNode = profile.nodes[0];
  if (rootNode) walk(rootNode.id, new Set());
  return { totalUs, functions, areas };
}

/** @param {number} us @param {number} of */
const pct = (us, of) => `${((100 * us) / of).toFixed(1).padStart(5)}%`;

const chosen = targets.filter((t) => t.group === 'ours' && (wanted.length === 0 || wanted.includes(t.id)));
rmSync(outDir, { recursive: true, force: true });
for (const target of chosen) {
  const dir = join(outDir, target.id);
  mkdirSync(dir, { recursive: true });
  const running = await startOurs(['--cpu-prof', '--cpu-prof-dir', dir]);
  const load = await target.load(running.port, connections);
  await load.beforeRun?.();
  const from = Number(process.hrtime.bigint() / 1000n);
  const result = await cannon(running.port, load, seconds, connections);
  const to = Number(process.hrtime.bigint() / 1000n);
  // SIGINT: the CLI closes its server and exits, and --cpu-prof writes the profile on the way out.
  const exited = new Promise((done) => running.child.process.once('exit', done));
  running.child.process.kill('SIGINT');
  await exited;
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no profile written for ${target.id}`);
  const { totalUs, functions, areas } = summarise(
    JSON.parse(readFileSync(join(dir, file), 'utf8')),
    from,
    to,
  );
  const busy = totalUs - (areas.get('idle') ?? 0);
  process.stdout.write(
    `\n## ${target.label}: ${Math.round(result.requests.average)} req/s, ${result.non2xx} non-2xx (profile ${relative(root, join(dir, file))})\n`,
  );
  process.stdout.write(
    `CPU by area during the load (share of busy time, ${((100 * busy) / totalUs).toFixed(0)}% busy):\n`,
  );
  for (const [name, us] of [...areas]
    .filter(([name]) => name !== 'idle')
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)) {
    process.stdout.write(`  ${pct(us, busy)}  ${name}\n`);
  }
  const rows = [...functions].filter(([key]) => !key.startsWith('(root)'));
  process.stdout.write(`Top ${top} by self time:\n`);
  for (const [key, f] of rows.sort((a, b) => b[1].self - a[1].self).slice(0, top)) {
    process.stdout.write(`  ${pct(f.self, busy)} self ${pct(f.total, busy)} total  ${key}\n`);
  }
  process.stdout.write(`Our functions (dist/) by total time, top ${top}:\n`);
  for (const [key, f] of rows
    .filter(([, f]) => f.area === 'ours (dist/)')
    .sort((a, b) => b[1].total - a[1].total)
    .slice(0, top)) {
    process.stdout.write(`  ${pct(f.total, busy)} total ${pct(f.self, busy)} self  ${key}\n`);
  }
}
