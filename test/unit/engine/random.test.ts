import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cryptoRandom, opaqueToken } from '../../../src/engine/random.js';

const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('cryptoRandom', () => {
  it('draws version 4 UUIDs (RFC 9562 §5.4), each one new', () => {
    const seen = new Set<string>();
    // 2000 ids go through the 16 KiB pool twice, across its refills.
    for (let i = 0; i < 2000; i++) {
      const id = cryptoRandom.uuid();
      expect(id).toMatch(uuidV4);
      seen.add(id);
    }
    expect(seen.size).toBe(2000);
  });

  it('uses every hex digit in every free position of a UUID', () => {
    const digits = Array.from({ length: 36 }, () => new Set<string>());
    for (let i = 0; i < 2000; i++) {
      const id = cryptoRandom.uuid();
      for (let at = 0; at < id.length; at++) digits[at]?.add(id.charAt(at));
    }
    const free = digits.filter((_, at) => ![8, 13, 14, 18, 19, 23].includes(at));
    for (const set of free) expect(set.size).toBe(16);
    expect([...(digits[19] ?? [])].sort()).toEqual(['8', '9', 'a', 'b']);
  });

  it('never hands out the same bytes twice, whatever mix of sizes, ids and tokens is drawn', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 1, max: 64 }), fc.constant(0)), { maxLength: 300 }),
        (draws) => {
          const seen = new Set<string>();
          for (const size of draws) {
            const value =
              size === 0 ? cryptoRandom.uuid() : `${size}:${cryptoRandom.bytes(size).toString('hex')}`;
            if (size === 0 || size >= 8) {
              expect(seen.has(value)).toBe(false);
              seen.add(value);
            }
          }
        },
      ),
    );
  });

  it('makes 43-character URL-safe opaque tokens of 32 bytes', () => {
    const token = opaqueToken(cryptoRandom);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
  });
});
