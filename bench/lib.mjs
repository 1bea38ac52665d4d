// Helpers shared by the benchmark scripts: child processes, free ports, HTTP probes, statistics.
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root (bench/..); every command runs from here. */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** @param {number[]} values */
export function median(values) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? /** @type {number} */ (sorted[mid])
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** @param {number[]} values @param {number} p 0..100 */
export function percentile(values, p) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return /** @type {number} */ (sorted[index]);
}

/** Clock ticks per second, the unit of /proc's CPU times (100 on Linux unless configured otherwise). */
let clockTicks = 0;
function ticksPerSecond() {
  if (clockTicks === 0) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/**
 * CPU seconds (user + system) that a process and its live descendants have used so far, from /proc;
 * undefined where there is no /proc to read (the figures that need it are then left out).
 * @param {number | undefined} pid
 * @returns {number | undefined}
 */
export function cpuSeconds(pid) {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): state is the first, utime the 12th, stime the 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    let total = (Number(fields[11]) + Number(fields[12])) / ticksPerSecond();
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      for (const child of children === '' ? [] : children.split(' ')) total += cpuSeconds(Number(child)) ?? 0;
    }
    return total;
  } catch {
    return undefined;
  }
}

/**
 * The machine's CPU time so far, in clock ticks over all CPUs, and the part of it the hypervisor gave to
 * other guests ("steal"), from the first line of /proc/stat; undefined without /proc. On a shared virtual
 * machine a run that lost a tenth of the CPU to steal is slower for reasons outside this project.
 * @param {string} [text] /proc/stat's text (read when not given)
 * @returns {{ total: number, steal: number } | undefined}
 */
export function machineCpu(text) {
  try {
    const line = (text ?? readFileSync('/proc/stat', 'utf8')).split('\n', 1)[0] ?? '';
    const [label, ...ticks] = line.trim().split(/\s+/);
    if (label !== 'cpu' || ticks.length < 8) return undefined;
    // user nice system idle iowait irq softirq steal [guest guest_nice: already counted in user and nice]
    const counted = ticks.slice(0, 8).map(Number);
    if (counted.some((n) => !Number.isFinite(n))) return undefined;
    return { total: counted.reduce((sum, n) => sum + n, 0), steal: counted[7] ?? 0 };
  } catch {
    return undefined;
  }
}

/**
 * The share of the machine's CPU time stolen between two readings of machineCpu, in percent.
 * @param {{ total: number, steal: number } | undefined} before
 * @param {{ total: number, steal: number } | undefined} after
 * @returns {number | null}
 */
export function stolenPercent(before, after) {
  if (before === undefined || after === undefined || after.total <= before.total) return null;
  return Math.round((1000 * (after.steal - before.steal)) / (after.total - before.total)) / 10;
}

/**
 * Whether a throughput repeat is measured again because the hypervisor took more than `maxStolen` percent
 * of the machine's CPU during it (a repeat without a steal figure, off Linux, is never measured again).
 * @param {number | null} stolen the attempt's stolenPercent
 * @param {number} attempt 1 for the first
 * @param {{ maxStolenPercent: number, attempts: number }} policy
 */
export function measureAgain(stolen, attempt, policy) {
  return stolen !== null && stolen > policy.maxStolenPercent && attempt < policy.attempts;
}

/**
 * The attempt of a repeat that counts: the one that lost the least CPU to the hypervisor (the first of
 * equals; an attempt without a steal figure counts as none stolen). -1 for no attempts.
 * @param {(number | null)[]} stolen each attempt's stolenPercent, in order
 */
export function keptAttempt(stolen) {
  let best = -1;
  for (let i = 0; i < stolen.length; i++) {
    if (best < 0 || (stolen[i] ?? 0) < (stolen[best] ?? 0)) best = i;
  }
  return best;
}

/**
 * Decimals for a ratio's value in the tables: two for a ratio (three when two would round it onto its
 * target, so that 0.4986x does not read "0.50x ... UNMET"), none for other units.
 * @param {{ value: number | null, unit: string, target: number | null }} ratio
 */
export function ratioDigits({ value, unit, target }) {
  if (unit !== 'x') return 0;
  if (value === null || target === null || value === target) return 2;
  return value.toFixed(2) === target.toFixed(2) ? 3 : 2;
}

/** @param {number} ms */
export const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** A port nobody listens on right now (loopback). @returns {Promise<number>} */
export function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/**
 * @typedef {object} Child
 * @property {import('node:child_process').ChildProcess} process
 * @property {() => string} stdout everything printed so far
 * @property {() => string} stderr
 * @property {(pattern: RegExp, timeoutMs?: number) => Promise<RegExpMatchArray>} waitFor
 * @property {() => Promise<void>} stop SIGTERM, then SIGKILL after 3 s
 */

/** Every child still running; killed if the bench exits early. @type {Set<import('node:child_process').ChildProcess>} */
const living = new Set();
process.on('exit', () => {
  for (const child of living) child.kill('SIGKILL');
});

/**
 * Spawns a child from the package root, capturing its output.
 * @param {string} command
 * @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv, stdin?: 'ignore' | 'pipe' }} [options]
 * @returns {Child}
 */
export function startChild(command, args, options = {}) {
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, ...options.env },
    stdio: [options.stdin ?? 'ignore', 'pipe', 'pipe'],
  });
  living.add(child);
  let out = '';
  let err = '';
  /** @type {Set<() => void>} */
  const listeners = new Set();
  child.stdout?.setEncoding('utf8').on('data', (chunk) => {
    out += chunk;
    for (const listener of listeners) listener();
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk) => {
    err += chunk;
    for (const listener of listeners) listener();
  });
  let exited = false;
  child.once('exit', () => {
    exited = true;
    living.delete(child);
    for (const listener of listeners) listener();
  });
  return {
    process: child,
    stdout: () => out,
    stderr: () => err,
    waitFor(pattern, timeoutMs = 30_000) {
      return new Promise((done, fail) => {
        const timer = setTimeout(() => {
          listeners.delete(check);
          fail(
            new Error(`timed out waiting for ${pattern} from ${command} ${args.join(' ')}\n${out}\n${err}`),
          );
        }, timeoutMs);
        const check = () => {
          const match = out.match(pattern);
          if (match) {
            clearTimeout(timer);
            listeners.delete(check);
            done(match);
          } else if (exited) {
            clearTimeout(timer);
            listeners.delete(check);
            fail(new Error(`${command} ${args.join(' ')} exited early\n${out}\n${err}`));
          }
        };
        listeners.add(check);
        check();
      });
    },
    stop() {
      if (exited) return Promise.resolve();
      return new Promise((done) => {
        const kill = setTimeout(() => child.kill('SIGKILL'), 3_000);
        child.once('exit', () => {
          clearTimeout(kill);
          done();
        });
        child.kill('SIGTERM');
      });
    },
  };
}

/**
 * @typedef {object} Probe
 * @property {string} method
 * @property {string} path
 * @property {Record<string, string>} [headers]
 * @property {string} [body]
 */

/**
 * One HTTP request over loopback; resolves with the status and body, rejects on connection errors.
 * @param {number} port
 * @param {Probe} probe
 * @returns {Promise<{ status: number, body: string }>}
 */
export function send(port, probe) {
  return new Promise((done, fail) => {
    const headers = { ...probe.headers };
    if (probe.body !== undefined) headers['content-length'] = String(Buffer.byteLength(probe.body));
    const req = request(
      { host: '127.0.0.1', port, method: probe.method, path: probe.path, headers, agent: false },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => done({ status: res.statusCode ?? 0, body }));
        res.on('error', fail);
      },
    );
    req.on('error', fail);
    req.end(probe.body);
  });
}

/**
 * Sends `probe` until it gets a 200 (connection refused and non-200 answers are retried every 5 ms).
 * @param {() => number | undefined} port the port, once known
 * @param {Probe} probe
 * @param {number} [timeoutMs]
 */
export async function untilOk(port, probe, timeoutMs = 30_000) {
  const deadline = performance.now() + timeoutMs;
  let last = 'no attempt';
  while (performance.now() < deadline) {
    const known = port();
    if (known !== undefined) {
      try {
        const res = await send(known, probe);
        if (res.status === 200) return res;
        last = `${res.status} ${res.body.slice(0, 200)}`;
      } catch (error) {
        last = error instanceof Error ? error.message : String(error);
      }
    }
    await sleep(5);
  }
  throw new Error(`no 200 within ${timeoutMs} ms: ${last}`);
}

/** @param {string} user @param {string} secret */
export const basic = (user, secret) => `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;

/** @param {Record<string, string>} fields */
export const form = (fields) => new URLSearchParams(fields).toString();
