import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import {
  cpuSeconds,
  keptAttempt,
  machineCpu,
  measureAgain,
  median,
  percentile,
  ratioDigits,
  stolenPercent,
} from '../../../bench/lib.mjs';

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

describe('ratioDigits', () => {
  const ratio = (value: number | null, target: number | null, unit = 'x') => ({ value, target, unit });

  it('shows a third decimal only where two would round a ratio onto its target', () => {
    expect(ratioDigits(ratio(0.4986, 0.5))).toBe(3);
    expect(ratioDigits(ratio(1.3049, 1.3))).toBe(3);
    expect(ratioDigits(ratio(0.5, 0.5))).toBe(2);
    expect(ratioDigits(ratio(0.44, 0.5))).toBe(2);
    expect(ratioDigits(ratio(0.49, null))).toBe(2);
    expect(ratioDigits(ratio(null, 0.5))).toBe(2);
  });

  it('shows none for figures in other units', () => {
    expect(ratioDigits(ratio(118.5, 300, 'ms'))).toBe(0);
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

describe('machineCpu and stolenPercent', () => {
  const stat = (ticks: string) => `${ticks}\ncpu0 1 2 3 4 5 6 7 8 0 0\nintr 12345\n`;

  it('reads the total and the stolen ticks from the first line of /proc/stat, guests not counted twice', () => {
    expect(machineCpu(stat('cpu  100 5 50 800 10 0 5 30 40 0'))).toEqual({ total: 1000, steal: 30 });
  });

  it('gives the share stolen between two readings, in percent', () => {
    const before = machineCpu(stat('cpu  100 0 0 900 0 0 0 0 0 0'));
    const after = machineCpu(stat('cpu  200 0 0 1700 0 0 0 100 0 0'));
    expect(stolenPercent(before, after)).toBe(10);
  });

  it('has no figure where /proc/stat is missing, malformed or did not move', () => {
    expect(machineCpu('intr 1 2 3')).toBeUndefined();
    expect(machineCpu('cpu  1 2 x 4 5 6 7 8')).toBeUndefined();
    expect(machineCpu('cpu  1 2 3')).toBeUndefined();
    const reading = machineCpu(stat('cpu  1 2 3 4 5 6 7 8 0 0'));
    expect(stolenPercent(reading, reading)).toBeNull();
    expect(stolenPercent(undefined, reading)).toBeNull();
  });

  it('reads this machine where it has a /proc', () => {
    const reading = machineCpu();
    if (process.platform === 'linux') expect(reading?.total).toBeGreaterThan(0);
    else expect(reading).toBeUndefined();
  });
});

describe('measuring a repeat again when the hypervisor took the CPU', () => {
  const policy = { maxStolenPercent: 5, attempts: 3 };

  it('measures again only over the limit and only while attempts are left', () => {
    expect(measureAgain(5.1, 1, policy)).toBe(true);
    expect(measureAgain(30, 2, policy)).toBe(true);
    expect(measureAgain(30, 3, policy)).toBe(false);
    expect(measureAgain(5, 1, policy)).toBe(false);
    expect(measureAgain(0, 1, policy)).toBe(false);
    expect(measureAgain(null, 1, policy)).toBe(false);
    expect(measureAgain(30, 1, { maxStolenPercent: 5, attempts: 1 })).toBe(false);
  });

  it('keeps the attempt that lost the least, the first of equals', () => {
    expect(keptAttempt([12.5, 3.1])).toBe(1);
    expect(keptAttempt([9, 14, 7.5])).toBe(2);
    expect(keptAttempt([8, 6, 6])).toBe(1);
    expect(keptAttempt([2.4])).toBe(0);
    expect(keptAttempt([6, null])).toBe(1);
    expect(keptAttempt([])).toBe(-1);
  });
});
