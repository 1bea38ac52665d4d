import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { cpuSeconds, median, percentile } from '../../../bench/lib.mjs';

describe('bench statistics', () => {
  it('takes the middle value, or the mean of the two middle ones, whatever the order', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNaN();
  });

  it('reads percentiles by the nearest-rank method', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile(hundred, 0)).toBe(1);
    expect(percentile([], 99)).toBeNaN();
  });
});

describe('cpuSeconds', () => {
  it('counts the CPU a process has used, and that of its live children', async () => {
    // The child spins until it has used 0.3 s of CPU (by its own count), says so, then waits for stdin.
    const child = spawn(
      process.execPath,
      [
        '-e',
        `const start = process.cpuUsage();
         while (true) { const used = process.cpuUsage(start); if (used.user + used.system >= 300_000) break; }
         process.stdout.write('spent\\n');
         process.stdin.resume();`,
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    try {
      await once(child.stdout, 'data');
      const childCpu = cpuSeconds(child.pid);
      expect(childCpu).toBeGreaterThanOrEqual(0.28);
      const own = process.cpuUsage();
      const withChildren = cpuSeconds(process.pid) ?? 0;
      expect(withChildren - (own.user + own.system) / 1e6).toBeGreaterThanOrEqual(0.28);
    } finally {
      child.stdin.end();
      await once(child, 'exit');
    }
  });

  it('gives undefined for a process that is not there', () => {
    expect(cpuSeconds(undefined)).toBeUndefined();
    expect(cpuSeconds(2 ** 31 - 1)).toBeUndefined();
  });
});
