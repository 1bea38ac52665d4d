import { type CryptoKey, exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import type { ProviderId } from './http.js';
import type { Random } from './random.js';

export type JwtAlgorithm = 'RS256' | 'ES256' | 'HS256';

interface SigningKey {
  kid: string;
  key: CryptoKey | Uint8Array;
  publicJwk?: JWK;
}

/**
 * One signing key per provider and algorithm, generated when the sandbox starts (in the background:
 * the first signature waits for it). Keys live only in memory.
 */
export class KeyRing {
  private readonly keys = new Map<string, Promise<SigningKey>>();

  constructor(private readonly random: Random) {}

  /** Start generating the keys a set of dialects will need, without waiting. */
  prepare(needs: ReadonlyArray<readonly [ProviderId, JwtAlgorithm]>): void {
    for (const [provider, alg] of needs) this.key(provider, alg).catch(() => undefined);
  }

  async sign(provider: ProviderId, alg: JwtAlgorithm, claims: Record<string, unknown>): Promise<string> {
    const { kid, key } = await this.key(provider, alg);
    return new SignJWT(claims).setProtectedHeader({ alg, kid, typ: 'JWT' }).sign(key);
  }

  /** Public keys (JWKS) of a provider's asymmetric keys. */
  async jwks(provider: ProviderId): Promise<{ keys: JWK[] }> {
    const keys: JWK[] = [];
    for (const [id, pending] of this.keys) {
      if (!id.startsWith(`${provider}:`)) continue;
      const { publicJwk } = await pending;
      if (publicJwk) keys.push(publicJwk);
    }
    return { keys };
  }

  private key(provider: ProviderId, alg: JwtAlgorithm): Promise<SigningKey> {
    const id = `${provider}:${alg}`;
    let pending = this.keys.get(id);
    if (!pending) {
      pending = this.generate(alg);
      this.keys.set(id, pending);
    }
    return pending;
  }

  private async generate(alg: JwtAlgorithm): Promise<SigningKey> {
    const kid = this.random.uuid();
    if (alg === 'HS256') return { kid, key: new Uint8Array(this.random.bytes(32)) };
    const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: false });
    const publicJwk = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
    return { kid, key: privateKey, publicJwk };
  }
}
