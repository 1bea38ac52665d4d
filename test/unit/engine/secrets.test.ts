import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesEqual, pkceMatches, secretsEqual, textsEqual } from '../../../src/engine/secrets.js';

describe('secretsEqual', () => {
  // It compares the stored secret's bytes in full with crypto.timingSafeEqual once per check, against
  // what was sent or (when the lengths differ) against themselves: the time depends neither on where the
  // first difference is nor on the stored secret's length.
  it('refuses wrong secrets of equal and of different length, and takes the right one', () => {
    expect(secretsEqual('tink-secret', 'tink-secret')).toBe(true);
    expect(secretsEqual('tink-secreT', 'tink-secret')).toBe(false);
    expect(secretsEqual('xink-secret', 'tink-secret')).toBe(false);
    expect(secretsEqual('tink-secret-longer', 'tink-secret')).toBe(false);
    expect(secretsEqual('', 'tink-secret')).toBe(false);
    // Same number of characters, more bytes.
    expect(secretsEqual('tink-secrét', 'tink-secret')).toBe(false);
    expect(secretsEqual('tink-secrét', 'tink-secrét')).toBe(true);
  });

  it('agrees with string equality for any two strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (given, expected) => {
        expect(secretsEqual(given, expected)).toBe(given === expected);
        expect(secretsEqual(expected, expected)).toBe(true);
      }),
    );
  });
});

describe('textsEqual and bytesEqual (a request against the last one read)', () => {
  const header = `Basic ${Buffer.from('uphold-client:uphold-secret').toString('base64')}`;

  it('tell apart texts that differ in one character anywhere, or in length', () => {
    expect(textsEqual(header, `${header}`)).toBe(true);
    for (let i = 0; i < header.length; i++) {
      const changed = `${header.slice(0, i)}${header[i] === 'A' ? 'B' : 'A'}${header.slice(i + 1)}`;
      expect(textsEqual(changed, header)).toBe(false);
      expect(bytesEqual(Buffer.from(changed), Buffer.from(header))).toBe(false);
    }
    expect(textsEqual(header, header.slice(0, -1))).toBe(false);
    expect(textsEqual('', '')).toBe(true);
    expect(bytesEqual(Buffer.from(header), Buffer.from(`${header}=`))).toBe(false);
    expect(bytesEqual(Buffer.alloc(0), Buffer.alloc(0))).toBe(true);
  });

  it('agree with === and Buffer.equals for any two values', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        expect(textsEqual(a, b)).toBe(a === b);
        expect(textsEqual(a, a)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.uint8Array(), fc.uint8Array(), (a, b) => {
        const [x, y] = [Buffer.from(a), Buffer.from(b)];
        expect(bytesEqual(x, y)).toBe(x.equals(y));
        expect(bytesEqual(x, Buffer.from(a))).toBe(true);
      }),
    );
  });
});

describe('pkceMatches', () => {
  it('takes the S256 challenge of the verifier and the plain one, and nothing else', () => {
    const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
    const s256 = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
    expect(pkceMatches(verifier, s256, 'S256')).toBe(true);
    expect(pkceMatches(verifier, verifier, 'plain')).toBe(true);
    expect(pkceMatches(verifier, verifier, 'S256')).toBe(false);
    expect(pkceMatches(`${verifier}x`, s256, 'S256')).toBe(false);
  });
});
