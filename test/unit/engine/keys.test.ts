import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/engine/clock.js';
import { hmacSha256, KeyRing } from '../../../src/engine/keys.js';
import { sharedNoncePool } from '../../../src/engine/p256-nonces.js';
import { cryptoRandom, type Random } from '../../../src/engine/random.js';

const clock = fixedClock('2026-01-01T00:00:00Z');

function claims() {
  const iat = clock.nowSeconds();
  return { iss: 'https://sandbox.example/tink', sub: 'user-1', scope: 'accounts:read', iat, exp: iat + 3600 };
}

describe('KeyRing', () => {
  for (const [alg, where] of [
    ['RS256', 'thread-pool'],
    ['ES256', 'thread-pool'],
    ['RS256', 'event-loop'],
    ['ES256', 'event-loop'],
  ] as const) {
    it(`signs ${alg} JWTs on the ${where} that verify against the provider's JWKS and carry the claims`, async () => {
      const keys = new KeyRing(cryptoRandom, where);
      const jwt = await keys.sign('tink', alg, claims());
      const jwks = createLocalJWKSet(await keys.jwks('tink'));
      const { payload, protectedHeader } = await jwtVerify(jwt, jwks, {
        algorithms: [alg],
        currentDate: new Date(clock.now()),
        issuer: 'https://sandbox.example/tink',
      });
      expect(payload).toEqual(claims());
      expect(protectedHeader).toMatchObject({ alg, typ: 'JWT', kid: expect.any(String) });
    });
  }

  it('publishes public keys only, with kid, alg and use', async () => {
    const keys = new KeyRing(cryptoRandom);
    await keys.sign('tink', 'RS256', claims());
    await keys.sign('tink', 'ES256', claims());
    const { keys: published } = await keys.jwks('tink');
    expect(published.map((k) => k.alg).sort()).toEqual(['ES256', 'RS256']);
    for (const key of published) {
      expect(key).toMatchObject({ kid: expect.any(String), use: 'sig' });
      expect(key.d).toBeUndefined();
      expect(key.p).toBeUndefined();
    }
  });

  it('signs every token of a provider and algorithm with one key', async () => {
    const keys = new KeyRing(cryptoRandom);
    const first = decodeProtectedHeader(await keys.sign('tink', 'RS256', claims()));
    const second = decodeProtectedHeader(await keys.sign('tink', 'RS256', claims()));
    expect(second.kid).toBe(first.kid);
    expect((await keys.jwks('tink')).keys).toHaveLength(1);
  });

  it('keeps each provider’s keys out of the other providers’ JWKS', async () => {
    const keys = new KeyRing(cryptoRandom);
    const tinkJwt = await keys.sign('tink', 'RS256', claims());
    await keys.sign('gusto', 'RS256', claims());
    const gustoJwks = createLocalJWKSet(await keys.jwks('gusto'));
    await expect(jwtVerify(tinkJwt, gustoJwks, { currentDate: new Date(clock.now()) })).rejects.toThrow();
    expect(await keys.jwks('uphold')).toEqual({ keys: [] });
  });

  it('publishes keys prepared in advance', async () => {
    const keys = new KeyRing(cryptoRandom);
    keys.prepare([['tink', 'ES256']]);
    expect((await keys.jwks('tink')).keys.map((k) => k.alg)).toEqual(['ES256']);
  });

  it('signs HS256 JWTs with a secret key drawn from the injected randomness, kept out of the JWKS', async () => {
    const random: Random = { bytes: (size) => Buffer.alloc(size, 42), uuid: () => 'hs-key' };
    const keys = new KeyRing(random);
    const jwt = await keys.sign('uphold', 'HS256', claims());
    const { payload, protectedHeader } = await jwtVerify(jwt, new Uint8Array(Buffer.alloc(64, 42)), {
      algorithms: ['HS256'],
      currentDate: new Date(clock.now()),
    });
    expect(payload).toEqual(claims());
    expect(protectedHeader).toEqual({ alg: 'HS256', typ: 'JWT' });
    await expect(
      jwtVerify(jwt, new Uint8Array(Buffer.alloc(64, 41)), { currentDate: new Date(clock.now()) }),
    ).rejects.toThrow();
    expect(await keys.jwks('uphold')).toEqual({ keys: [] });
  });

  it('carries claims of any length and characters intact (short ones through a shared buffer, long ones not)', async () => {
    const secret = Buffer.alloc(64, 42);
    const keys = new KeyRing({ bytes: (size) => Buffer.alloc(size, 42), uuid: () => 'unused' });
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 3000 }), async (text) => {
        const wanted = { ...claims(), name: text };
        const jwt = await keys.sign('uphold', 'HS256', wanted);
        const { payload } = await jwtVerify(jwt, new Uint8Array(secret), {
          currentDate: new Date(clock.now()),
        });
        expect(payload).toEqual(wanted);
      }),
      { numRuns: 40 },
    );
  });

  it('keeps only seven bits of each HS256 key byte, so that a key of random bytes still signs', async () => {
    const random: Random = { bytes: (size) => Buffer.alloc(size, 0xff), uuid: () => 'hs-key' };
    const jwt = await new KeyRing(random).sign('uphold', 'HS256', claims());
    const { payload } = await jwtVerify(jwt, new Uint8Array(Buffer.alloc(64, 0x7f)), {
      currentDate: new Date(clock.now()),
    });
    expect(payload).toEqual(claims());
  });

  for (const where of ['thread-pool', 'event-loop'] as const) {
    it(`signs ES256 (${where}) with nonces computed ahead once they are ready, every token verifying`, async () => {
      const keys = new KeyRing(cryptoRandom, where);
      const first = await keys.sign('tink', 'ES256', claims());
      const jwks = createLocalJWKSet(await keys.jwks('tink'));
      const tokens = [first];
      // The worker starts after a few signatures made without it.
      for (let i = 0; i < 64; i++) tokens.push(await keys.sign('tink', 'ES256', claims()));
      const pool = sharedNoncePool();
      expect(await pool.untilReady(11)).toBe(true);
      // Counted by what the signer takes: the worker may be writing more meanwhile.
      const before = pool.taken();
      const signed = keys.sign('tink', 'ES256', claims());
      // With a nonce ready the signature is made on the spot, whatever the configured place.
      expect(typeof signed).toBe('string');
      expect(pool.taken()).toBe((before + 1) | 0);
      tokens.push(await signed);
      for (const jwt of tokens) {
        const { payload } = await jwtVerify(jwt, jwks, {
          algorithms: ['ES256'],
          currentDate: new Date(clock.now()),
        });
        expect(payload).toEqual(claims());
      }
    });
  }
});

describe('hmacSha256', () => {
  const key = fc.uint8Array({ minLength: 64, maxLength: 64, max: 0x7f });
  const ascii = fc.string({
    unit: fc.integer({ min: 0, max: 0x7f }).map((code) => String.fromCharCode(code)),
  });

  it('equals node:crypto HMAC-SHA256 for any 7-bit key and ASCII input', () => {
    fc.assert(
      fc.property(key, ascii, (secret, input) => {
        const expected = createHmac('sha256', secret).update(input).digest('base64url');
        const sign = hmacSha256(secret);
        expect(sign(input)).toBe(expected);
        // The outer block is reused: a second signature must not carry anything over from the first.
        expect(sign(`${input}.`)).toBe(createHmac('sha256', secret).update(`${input}.`).digest('base64url'));
      }),
    );
  });

  it('refuses keys it cannot pad as ASCII or that are not one block long', () => {
    expect(() => hmacSha256(new Uint8Array(64).fill(0x80))).toThrow(RangeError);
    expect(() => hmacSha256(new Uint8Array(32))).toThrow(RangeError);
  });
});
