import { describe, expect, it } from 'vitest';
import { SlotStrings } from '../../../src/engine/slot-strings.js';

// Three unsampled characters vary (the hash samples every 8th before the last 64): one sampled hash.
const sameSampledHash = (n: number) => `q${n.toString(36).padStart(3, '0')}${'q'.repeat(296)}`;

function filled(values: string[]): SlotStrings {
  const strings = new SlotStrings(256, 2 ** 30);
  for (const value of values) {
    // As the token table does: a find (is it there?), then an add.
    expect(strings.find(value)).toBe(-1);
    strings.add(value, undefined, undefined);
  }
  return strings;
}

describe('SlotStrings', () => {
  it('hashes long keys whole once many lookups meet keys sharing their sampled hash (seeded values)', () => {
    const values = Array.from({ length: 3000 }, (_, n) => sameSampledHash(n));
    const strings = filled(values);
    expect(strings.hashesWholeKeys).toBe(true);
    for (const [slot, value] of values.entries()) expect(strings.find(value)).toBe(slot);
    expect(strings.find(sameSampledHash(3000))).toBe(-1);
  });

  it('keeps sampling when keys differ where it samples (a JWT signature is its tail)', () => {
    const values = Array.from(
      { length: 3000 },
      (_, n) => `${'h'.repeat(300)}.${n.toString(36).padStart(64, '-')}`,
    );
    const strings = filled(values);
    expect(strings.hashesWholeKeys).toBe(false);
    for (const [slot, value] of values.entries()) expect(strings.find(value)).toBe(slot);
  });
});
