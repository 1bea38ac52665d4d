import { randomFillSync } from 'node:crypto';

/** Injected randomness: every token, code and id comes from here. */
export interface Random {
  bytes(size: number): Buffer;
  uuid(): string;
}

const poolSize = 16 * 1024;
let pool = Buffer.allocUnsafe(0);
let offset = 0;

/** Reserves `size` (at most poolSize) unread bytes of the pool; returns where they start in `pool`. */
function reserve(size: number): number {
  if (offset + size > pool.length) {
    pool = randomFillSync(Buffer.allocUnsafe(poolSize));
    offset = 0;
  }
  const start = offset;
  offset += size;
  return start;
}

/**
 * CSPRNG bytes served from a 16 KiB pool refilled by randomFillSync: one call into OpenSSL per few
 * hundred tokens instead of one per token (randomBytes showed up at 6-8% of the opaque-token profiles).
 * Bytes handed out are wiped from the pool, so a later reader of the pool never sees them.
 */
function pooledBytes(size: number): Buffer {
  if (size > poolSize) return randomFillSync(Buffer.alloc(size));
  const start = reserve(size);
  const out = Buffer.from(pool.subarray(start, start + size));
  pool.fill(0, start, start + size);
  return out;
}

const hexDigits = '0123456789abcdef';
/** The 36 characters of a UUID, written in place (synchronously) before becoming one flat string. */
const uuidChars = Buffer.alloc(36);

/**
 * A version 4 UUID (RFC 9562 §5.4) from the pool. node's randomUUID joins its string from 20 pieces,
 * which the garbage collector then copies and a header write (Uphold's request id, one per response)
 * flattens again.
 */
function pooledUuid(): string {
  const start = reserve(16);
  let at = 0;
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) uuidChars[at++] = 0x2d;
    let byte = pool[start + i] ?? 0;
    if (i === 6) byte = (byte & 0x0f) | 0x40;
    else if (i === 8) byte = (byte & 0x3f) | 0x80;
    uuidChars[at++] = hexDigits.charCodeAt(byte >> 4);
    uuidChars[at++] = hexDigits.charCodeAt(byte & 0x0f);
  }
  pool.fill(0, start, start + 16);
  return uuidChars.toString('latin1');
}

export const cryptoRandom: Random = { bytes: pooledBytes, uuid: pooledUuid };

/** 32 bytes (256 bits) as 43 URL-safe base64 characters. */
export function opaqueToken(random: Random, size = 32): string {
  return random.bytes(size).toString('base64url');
}

export function hexToken(random: Random, size: number): string {
  return random.bytes(size).toString('hex');
}
