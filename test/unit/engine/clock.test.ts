import { describe, expect, it } from 'vitest';
import { createClock, fixedClock, parseInstant } from '../../../src/engine/clock.js';

const start = Date.parse('2026-01-01T00:00:00Z');

/** A wall clock the test moves by hand. */
function manualWall(at = Date.parse('2025-06-01T12:00:00Z')) {
  let now = at;
  return {
    read: () => now,
    pass(seconds: number) {
      now += seconds * 1000;
    },
  };
}

describe('createClock', () => {
  it('starts at the configured instant, whatever the wall clock says', () => {
    const wall = manualWall();
    const clock = createClock({ start, wallTime: wall.read });
    expect(clock.now()).toBe(start);
    expect(clock.nowSeconds()).toBe(start / 1000);
  });

  it('starts at the wall time when no start is given', () => {
    const wall = manualWall();
    const clock = createClock({ wallTime: wall.read });
    expect(clock.now()).toBe(wall.read());
  });

  it('follows the wall clock while unfrozen', () => {
    const wall = manualWall();
    const clock = createClock({ start, wallTime: wall.read });
    wall.pass(30);
    expect(clock.now()).toBe(start + 30_000);
    expect(clock.frozen).toBe(false);
  });

  it('stands still while frozen, however much wall time passes', () => {
    const wall = manualWall();
    const clock = createClock({ start, frozen: true, wallTime: wall.read });
    wall.pass(3600);
    expect(clock.now()).toBe(start);
    expect(clock.frozen).toBe(true);
  });

  it('advances a frozen clock by exactly the given seconds and keeps it frozen', () => {
    const clock = createClock({ start, frozen: true, wallTime: manualWall().read });
    clock.advance(600);
    expect(clock.now()).toBe(start + 600_000);
    expect(clock.frozen).toBe(true);
  });

  it('advances an unfrozen clock and keeps following the wall clock from there', () => {
    const wall = manualWall();
    const clock = createClock({ start, wallTime: wall.read });
    clock.advance(3600);
    expect(clock.now()).toBe(start + 3_600_000);
    wall.pass(5);
    expect(clock.now()).toBe(start + 3_605_000);
  });

  it('accepts fractional and negative advances', () => {
    const clock = createClock({ start, frozen: true, wallTime: manualWall().read });
    clock.advance(1.5);
    clock.advance(-0.5);
    expect(clock.now()).toBe(start + 1000);
  });

  it('floors nowSeconds to the whole second', () => {
    const clock = createClock({ start: start + 999, frozen: true, wallTime: manualWall().read });
    expect(clock.nowSeconds()).toBe(start / 1000);
  });

  it('sets a frozen clock to an instant and keeps it there', () => {
    const wall = manualWall();
    const clock = createClock({ start, frozen: true, wallTime: wall.read });
    const later = Date.parse('2027-03-04T05:06:07Z');
    clock.set(later);
    wall.pass(10);
    expect(clock.now()).toBe(later);
  });

  it('sets an unfrozen clock to an instant and runs on from it', () => {
    const wall = manualWall();
    const clock = createClock({ start, wallTime: wall.read });
    const earlier = Date.parse('2020-01-01T00:00:00Z');
    clock.set(earlier);
    expect(clock.now()).toBe(earlier);
    wall.pass(2);
    expect(clock.now()).toBe(earlier + 2000);
  });

  it('freezes at the current sandbox time, without a jump', () => {
    const wall = manualWall();
    const clock = createClock({ start, wallTime: wall.read });
    wall.pass(7);
    clock.freeze(true);
    expect(clock.now()).toBe(start + 7000);
    wall.pass(100);
    expect(clock.now()).toBe(start + 7000);
  });

  it('unfreezes where it stood and runs on from there, without a jump', () => {
    const wall = manualWall();
    const clock = createClock({ start, frozen: true, wallTime: wall.read });
    wall.pass(100);
    clock.freeze(false);
    expect(clock.now()).toBe(start);
    expect(clock.frozen).toBe(false);
    wall.pass(3);
    expect(clock.now()).toBe(start + 3000);
  });

  it('keeps time continuous across repeated freeze and unfreeze', () => {
    const wall = manualWall();
    const clock = createClock({ start, wallTime: wall.read });
    wall.pass(1);
    clock.freeze(true);
    clock.freeze(true);
    wall.pass(50);
    clock.advance(10);
    clock.freeze(false);
    clock.freeze(false);
    wall.pass(2);
    expect(clock.now()).toBe(start + 13_000);
  });

  it('resets to its start settings after being moved and unfrozen', () => {
    const wall = manualWall();
    const clock = createClock({ start, frozen: true, wallTime: wall.read });
    clock.advance(86_400);
    clock.freeze(false);
    wall.pass(60);
    clock.reset();
    expect(clock.now()).toBe(start);
    expect(clock.frozen).toBe(true);
  });

  it('resets an unfrozen clock to its start instant, running again from there', () => {
    const wall = manualWall();
    const clock = createClock({ start, wallTime: wall.read });
    wall.pass(60);
    clock.reset();
    expect(clock.now()).toBe(start);
    expect(clock.frozen).toBe(false);
    wall.pass(1);
    expect(clock.now()).toBe(start + 1000);
  });

  it('applies new settings at once when configured, and resets to them afterwards', () => {
    const wall = manualWall();
    const clock = createClock({ start, wallTime: wall.read });
    const other = Date.parse('2030-05-05T00:00:00Z');
    clock.configure({ start: other, frozen: true });
    expect(clock.now()).toBe(other);
    expect(clock.frozen).toBe(true);
    clock.advance(5);
    clock.reset();
    expect(clock.now()).toBe(other);
  });

  it('follows the injected wall time when configured without a start', () => {
    const wall = manualWall();
    const clock = createClock({ start, frozen: true, wallTime: wall.read });
    clock.configure({});
    expect(clock.frozen).toBe(false);
    expect(clock.now()).toBe(wall.read());
  });
});

describe('clock range', () => {
  it('refuses to advance by a non-number or past the span of a Date, and stays where it was', () => {
    const clock = fixedClock('2026-01-01T00:00:00Z');
    for (const seconds of [Number.NaN, Number.POSITIVE_INFINITY, 1e300, 9e12, -9e12]) {
      expect(() => clock.advance(seconds)).toThrow(RangeError);
      expect(clock.now()).toBe(start);
    }
    expect(() => clock.set(8.64e15 + 1)).toThrow(RangeError);
    clock.set(8.64e15);
    expect(new Date(clock.now()).toISOString()).toBe('+275760-09-13T00:00:00.000Z');
  });

  it('reads a time only when its date exists', () => {
    expect(parseInstant('2026-02-28T10:00:00Z')).toBe(Date.parse('2026-02-28T10:00:00Z'));
    expect(parseInstant('2028-02-29T00:00:00+02:00')).toBe(Date.parse('2028-02-29T00:00:00+02:00'));
    expect(parseInstant('2026-02-29T00:00:00Z')).toBeUndefined();
    expect(parseInstant('2026-04-31T00:00:00Z')).toBeUndefined();
    expect(parseInstant('2026-13-01T00:00:00Z')).toBeUndefined();
    expect(parseInstant('tomorrow')).toBeUndefined();
  });
});

describe('fixedClock', () => {
  it('is frozen at the given ISO instant', () => {
    const clock = fixedClock('2026-01-01T00:00:00Z');
    expect(clock.frozen).toBe(true);
    expect(clock.now()).toBe(start);
    expect(new Date(clock.now()).toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });
});
