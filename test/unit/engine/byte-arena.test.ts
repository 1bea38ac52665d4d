import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteArena } from '../../../src/engine/byte-arena.js';

type Step = { op: 'add'; text: string } | { op: 'compact'; keep: boolean[]; shuffled: boolean };

const anyText = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'Z', '0'), maxLength: 20 }),
  fc.integer({ min: 0, max: 300 }).map((n) => `${'x'.repeat(n)}|`),
);

const anyStep: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: anyText.map((text) => ({ op: 'add' as const, text })), weight: 8 },
  {
    arbitrary: fc.record({
      op: fc.constant('compact' as const),
      keep: fc.array(fc.boolean(), { maxLength: 60 }),
      shuffled: fc.boolean(),
    }),
    weight: 1,
  },
);

describe('ByteArena', () => {
  it('gives back every block as written, through growth, chunks, big blocks and compactions', () => {
    fc.assert(
      fc.property(
        fc.array(anyStep, { maxLength: 120 }),
        fc.constantFrom(8, 32, 64),
        fc.constantFrom(16, 64, 256),
        (steps, initial, chunk) => {
          const arena = new ByteArena(initial, 2 ** 20, chunk);
          let blocks: { offset: number; text: string }[] = [];
          for (const step of steps) {
            if (step.op === 'add') {
              const offset = arena.take(step.text.length);
              expect(offset).toBeGreaterThanOrEqual(0);
              expect(arena.write(offset, step.text)).toBe(step.text.length);
              blocks.push({ offset, text: step.text });
              continue;
            }
            // In place, blocks go in offset order and never move up; out of order, into new buffers.
            const kept = blocks.filter((_, i) => step.keep[i] ?? true);
            const order = step.shuffled ? [...kept].reverse() : kept;
            const inPlace = !step.shuffled || kept.length < 2;
            arena.beginCompaction(
              inPlace,
              order.reduce((sum, block) => sum + block.text.length, 0),
            );
            blocks = order.map((block) => {
              const offset = arena.move(block.offset, block.text.length);
              if (inPlace) expect(offset).toBeLessThanOrEqual(block.offset);
              return { offset, text: block.text };
            });
            arena.endCompaction();
          }
          for (const block of blocks) expect(arena.text(block.offset, block.text.length)).toBe(block.text);
          const live = blocks.reduce((sum, block) => sum + block.text.length, 0);
          // Past the first chunk, at most a chunk (or the largest block's buffer) lost at each chunk's end.
          expect(arena.bytes).toBeLessThanOrEqual(Math.max(initial, 2 * live + 2 * chunk + 2 * 301));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('grows its first buffer by doubling up to a chunk, then adds chunks without copying', () => {
    const arena = new ByteArena(16, 2 ** 20, 64);
    const allocated: number[] = [];
    const offsets: number[] = [];
    for (let i = 0; i < 10; i++) {
      const offset = arena.take(40);
      arena.write(offset, String(i).repeat(40));
      offsets.push(offset);
      allocated.push(arena.bytes);
    }
    // Two 40-byte blocks never fit in one 64-byte chunk: one chunk each after the first.
    expect(allocated).toEqual([64, 128, 192, 256, 320, 384, 448, 512, 576, 640]);
    expect(offsets).toEqual([0, 64, 128, 192, 256, 320, 384, 448, 512, 576]);
    offsets.forEach((offset, i) => {
      expect(arena.text(offset, 40)).toBe(String(i).repeat(40));
    });
  });

  it('gives a block larger than a chunk a buffer of its own, and refuses one past its limit', () => {
    const arena = new ByteArena(16, 1000, 64);
    expect(arena.take(10)).toBe(0);
    const big = arena.take(150);
    expect(big).toBe(64);
    arena.write(big, 'b'.repeat(150));
    // The rest of the big block's buffer (three chunks) takes the next blocks.
    expect(arena.take(20)).toBe(214);
    expect(arena.text(big, 150)).toBe('b'.repeat(150));
    expect(arena.take(900)).toBe(-1);
    expect(arena.take(0)).toBeGreaterThanOrEqual(0);
  });

  it('copies blocks adjacent before a compaction apart when they land in different chunks', () => {
    const arena = new ByteArena(64, 2 ** 20, 64);
    const put = (text: string) => {
      const offset = arena.take(text.length);
      arena.write(offset, text);
      return offset;
    };
    const a = put('a'.repeat(40));
    put('f'.repeat(20));
    put('x'.repeat(8));
    const b = put('b'.repeat(24));
    const c = put('c'.repeat(20));
    expect([a, b, c]).toEqual([0, 72, 96]);
    arena.beginCompaction(true, 84);
    const moved = [arena.move(a, 40), arena.move(b, 24), arena.move(c, 20)];
    arena.endCompaction();
    // b fills the first chunk to its end; c, right after it before, starts the second.
    expect(moved).toEqual([0, 40, 64]);
    expect(moved.map((offset, i) => arena.text(offset, [40, 24, 20][i] ?? 0))).toEqual([
      'a'.repeat(40),
      'b'.repeat(24),
      'c'.repeat(20),
    ]);
  });

  it('refuses a chunk size that is not a power of two', () => {
    expect(() => new ByteArena(16, 1024, 100)).toThrow(RangeError);
  });

  it('lets go of the buffers past the live blocks after a compaction, back to its first size', () => {
    const arena = new ByteArena(16, 2 ** 20, 64);
    const offsets = Array.from({ length: 20 }, (_, i) => {
      const offset = arena.take(30);
      arena.write(offset, String(i % 10).repeat(30));
      return offset;
    });
    expect(arena.bytes).toBe(640);
    arena.beginCompaction(true, 30);
    const moved = arena.move(offsets[7] ?? 0, 30);
    arena.endCompaction();
    expect(moved).toBe(0);
    expect(arena.text(moved, 30)).toBe('7'.repeat(30));
    expect(arena.bytes).toBe(64);
    expect(arena.used).toBe(30);
  });
});
