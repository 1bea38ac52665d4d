import { describe, expect, it } from 'vitest';
import { andThen, caught, promised } from '../../../src/engine/eventually.js';

const mapped = (error: unknown) => `mapped ${error instanceof Error ? error.message : String(error)}`;

describe('Eventually: answering at once when nothing waits', () => {
  it('andThen goes on at once from a value and after a promise', async () => {
    expect(andThen(2, (n) => n * 3)).toBe(6);
    const later = andThen(Promise.resolve(2), (n) => n * 3);
    expect(later).toBeInstanceOf(Promise);
    expect(await later).toBe(6);
  });

  it('caught maps a throw and a rejection alike, and leaves values alone', async () => {
    expect(caught(() => 'fine', mapped)).toBe('fine');
    expect(
      caught(() => {
        throw new Error('at once');
      }, mapped),
    ).toBe('mapped at once');
    expect(await caught(() => Promise.resolve('fine later'), mapped)).toBe('fine later');
    expect(await caught(() => Promise.reject(new Error('later')), mapped)).toBe('mapped later');
  });

  it('promised always gives a promise, a throw becoming a rejection', async () => {
    const now = promised(() => 1);
    expect(now).toBeInstanceOf(Promise);
    expect(await now).toBe(1);
    await expect(
      promised(() => {
        throw new Error('thrown');
      }),
    ).rejects.toThrow('thrown');
    const pending = Promise.resolve(5);
    expect(promised(() => pending)).toBe(pending);
  });
});
