import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { TextRing } from '../../../src/engine/text-ring.js';

/** Writes each pair, keeping the newest `keep` blocks; returns what the kept blocks read back as. */
function writeAll(ring: TextRing, pairs: readonly (readonly [string, string])[], keep: number) {
  const lengths = new Int32Array(pairs.length * 2);
  const starts: number[] = [];
  pairs.forEach(([first, second], i) => {
    // The blocks of the `keep - 1` before this one stay.
    const oldestIndex = Math.max(0, i - keep + 1);
    const oldest = oldestIndex < i ? starts[oldestIndex] : undefined;
    const keepFrom = oldest === undefined || oldest < 0 ? ring.position : oldest;
    starts.push(ring.write(first, second, keepFrom, lengths, i * 2));
  });
  const readBack = (i: number) => {
    const start = starts[i] ?? -1;
    if (start < 0) return undefined;
    const firstBytes = lengths[i * 2] ?? 0;
    return [ring.read(start, firstBytes), ring.read(start + firstBytes, lengths[i * 2 + 1] ?? 0)];
  };
  return { starts, readBack };
}

describe('TextRing', () => {
  it('reads back every block still kept, whatever the sizes, the wraps and the growth (model)', () => {
    // Mostly short, sometimes long: the ring wraps a few times, then must grow under kept blocks.
    const text = fc.oneof(
      { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(text, text), { maxLength: 120 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 64 }),
        (pairs, keep, initialBytes) => {
          const ring = new TextRing(initialBytes, 1 << 20);
          const { starts, readBack } = writeAll(ring, pairs, keep);
          for (let i = Math.max(0, pairs.length - keep); i < pairs.length; i++) {
            expect(starts[i]).toBeGreaterThanOrEqual(0);
            expect(readBack(i)).toEqual(pairs[i]);
          }
        },
      ),
    );
  });

  it('wraps around within its size while the kept blocks fit', () => {
    const ring = new TextRing(64, 64);
    const pairs = Array.from({ length: 50 }, (_, i) => [`/p${i}`, `t${i}`] as const);
    const { readBack } = writeAll(ring, pairs, 2);
    expect(ring.size).toBe(64);
    expect(ring.position).toBeGreaterThan(64 * 3);
    expect(readBack(48)).toEqual(['/p48', 't48']);
    expect(readBack(49)).toEqual(['/p49', 't49']);
  });

  it('grows rather than overwrite a kept block, and keeps blocks at their positions', () => {
    const ring = new TextRing(16, 1024);
    const pairs = Array.from({ length: 20 }, (_, i) => [`/path-${i}`, `token-${i}`] as const);
    const { readBack } = writeAll(ring, pairs, 20);
    expect(ring.size).toBeGreaterThan(16);
    pairs.forEach((pair, i) => {
      expect(readBack(i)).toEqual(pair);
    });
  });

  it('grows after wrapping, with the kept blocks moved to where their positions now fall', () => {
    const ring = new TextRing(64, 4096);
    const pairs = Array.from({ length: 40 }, (_, i) => [`/p${i}`, `t${i}`] as const);
    const long = ['/long', 'x'.repeat(100)] as const;
    const { readBack } = writeAll(ring, [...pairs, long], 3);
    expect(ring.size).toBeGreaterThan(64);
    expect(readBack(38)).toEqual(pairs[38]);
    expect(readBack(39)).toEqual(pairs[39]);
    expect(readBack(40)).toEqual(long);
  });

  it('refuses a block it cannot take without losing a kept one, and takes the next that fits', () => {
    const ring = new TextRing(32, 64);
    const lengths = new Int32Array(6);
    const first = ring.write('/a', 'kept', ring.position, lengths, 0);
    expect(ring.write('/b', 'x'.repeat(40), first, lengths, 2)).toBe(-1);
    const third = ring.write('/c', 'fits', first, lengths, 4);
    expect(third).toBeGreaterThanOrEqual(0);
    expect(ring.read(first, 2)).toBe('/a');
    expect(ring.read(third + 2, lengths[5] ?? 0)).toBe('fits');
  });

  it('refuses a block when the process cannot allocate a larger buffer, and keeps what it holds', () => {
    const ring = new TextRing(16, 1 << 20);
    const lengths = new Int32Array(4);
    const first = ring.write('/a', 'kept', ring.position, lengths, 0);
    const allocate = vi.spyOn(Buffer, 'allocUnsafe').mockImplementation(() => {
      throw new RangeError('Array buffer allocation failed');
    });
    try {
      expect(ring.write('/b', 'y'.repeat(30), first, lengths, 2)).toBe(-1);
    } finally {
      allocate.mockRestore();
    }
    expect(ring.read(first + 2, 4)).toBe('kept');
  });

  it('keeps multi-byte text exactly', () => {
    const ring = new TextRing(8, 1024);
    const lengths = new Int32Array(2);
    const start = ring.write('/café/☃', '🔑-token', ring.position, lengths, 0);
    expect(ring.read(start, lengths[0] ?? 0)).toBe('/café/☃');
    expect(ring.read(start + (lengths[0] ?? 0), lengths[1] ?? 0)).toBe('🔑-token');
  });
});
