import { randomBytes, randomUUID } from 'node:crypto';

/** Injected randomness: every token, code and id comes from here. */
export interface Random {
  bytes(size: number): Buffer;
  uuid(): string;
}

export const cryptoRandom: Random = { bytes: randomBytes, uuid: randomUUID };

/** 32 bytes (256 bits) as 43 URL-safe base64 characters. */
export function opaqueToken(random: Random, size = 32): string {
  return random.bytes(size).toString('base64url');
}

export function hexToken(random: Random, size: number): string {
  return random.bytes(size).toString('hex');
}
