import { generateKeyPair, hash, type JsonWebKey, type KeyObject, sign as signWithKey } from 'node:crypto';
import { promisify } from 'node:util';
import type { ProviderId } from './http.js';
import { p256Scalar, p256Signer } from './p256-nonces.js';
import type { Random } from './random.js';

export type JwtAlgorithm = 'RS256' | 'ES256' | 'HS256';

/**
 * Where RS256 signatures (and ES256 ones while no nonce computed ahead is ready) are computed: on
 * libuv's thread pool (every core works for a concurrent load, the server's default) or on the event loop
 * (no thread hop: the lowest latency for one request at a time, the in-process default).
 */
export type AsymmetricSigning = 'thread-pool' | 'event-loop';

export interface PublicJwk extends JsonWebKey {
  kid: string;
  alg: JwtAlgorithm;
  use: 'sig';
}

interface SigningKey {
  /** The encoded protected header (`{alg, kid, typ}`, HS256 `{alg, typ}`), computed once per key. */
  header: string;
  signature(input: string): string | Promise<string>;
  publicJwk?: PublicJwk;
}

const generatePair = promisify(generateKeyPair);

/** Where claims are encoded as UTF-8 before base64url (synchronously): no buffer per token. */
const scratch = Buffer.allocUnsafe(4096);

function encodeJson(value: unknown): string {
  const json = JSON.stringify(value);
  // UTF-8 takes at most three bytes per UTF-16 unit.
  if (json.length * 3 > scratch.length) return Buffer.from(json).toString('base64url');
  return scratch.toString('base64url', 0, scratch.write(json, 0, 'utf8'));
}

/**
 * One signing key per provider and algorithm, generated when the sandbox starts (in the background:
 * the first signature waits for it). Keys live only in memory.
 *
 * Compact JWS (RFC 7515 §7.1) is built here on node:crypto rather than with jose's SignJWT: jose goes
 * through WebCrypto, measured at 240/395/703 µs per HS256/ES256/RS256 token against 14/93/543 µs here
 * (issue 7's profile). HMAC stays on the event loop (a thread-pool hop would cost more than it); ES256
 * signs on the event loop with a nonce computed ahead on a worker (p256-nonces.ts), else like RS256 (the
 * thread pool, or the event loop in-process). The suite verifies every algorithm's tokens with jose.
 */
export class KeyRing {
  private readonly keys = new Map<string, Promise<SigningKey>>();
  /** The keys generated so far, for signing without awaiting (no key id string built per token). */
  private readonly ready = new Map<ProviderId, Partial<Record<JwtAlgorithm, SigningKey>>>();

  constructor(
    private readonly random: Random,
    private readonly asymmetric: AsymmetricSigning = 'thread-pool',
  ) {}

  /** Start generating the keys a set of dialects will need, without waiting. */
  prepare(needs: ReadonlyArray<readonly [ProviderId, JwtAlgorithm]>): void {
    for (const [provider, alg] of needs) this.key(provider, alg).catch(() => undefined);
  }

  /**
   * A compact JWS of `claims`. Synchronous (a string) when the key is ready and signs on the event loop
   * (HS256 always, ES256 with a nonce ready, ES256/RS256 with 'event-loop'): no promise or microtask
   * turn on the hot path.
   */
  sign(provider: ProviderId, alg: JwtAlgorithm, claims: Record<string, unknown>): string | Promise<string> {
    const ready = this.ready.get(provider)?.[alg];
    if (ready === undefined) return this.key(provider, alg).then((key) => compactJws(key, claims));
    return compactJws(ready, claims);
  }

  /** Public keys (JWKS) of a provider's asymmetric keys. */
  async jwks(provider: ProviderId): Promise<{ keys: PublicJwk[] }> {
    const keys: PublicJwk[] = [];
    for (const [id, pending] of this.keys) {
      if (!id.startsWith(`${provider}:`)) continue;
      const { publicJwk } = await pending;
      if (publicJwk) keys.push(publicJwk);
    }
    return { keys };
  }

  private key(provider: ProviderId, alg: JwtAlgorithm): Promise<SigningKey> {
    const id = keyId(provider, alg);
    let pending = this.keys.get(id);
    if (!pending) {
      pending = this.generate(alg);
      this.keys.set(id, pending);
      pending.then(
        (key) => {
          const byAlg = this.ready.get(provider) ?? {};
          byAlg[alg] = key;
          this.ready.set(provider, byAlg);
        },
        () => undefined,
      );
    }
    return pending;
  }

  private async generate(alg: JwtAlgorithm): Promise<SigningKey> {
    if (alg === 'HS256') {
      // 64 bytes of 7 bits each (448 bits): the block size of SHA-256, and ASCII once padded (hmacSha256).
      const secret = this.random.bytes(hmacBlock).map((byte) => byte & 0x7f);
      // No key id: the secret is never published, so a kid names nothing a client could look up, and
      // Uphold's documented token header is exactly {alg, typ} (providers.md §4.3).
      return { header: encodeJson({ alg, typ: 'JWT' }), signature: hmacSha256(secret) };
    }
    const kid = this.random.uuid();
    const header = encodeJson({ alg, kid, typ: 'JWT' });
    const { privateKey, publicKey } =
      alg === 'ES256'
        ? await generatePair('ec', { namedCurve: 'P-256' })
        : await generatePair('rsa', { modulusLength: 2048 });
    // RFC 7518 §3.4: ECDSA signatures are the raw r || s, not DER.
    const options = alg === 'ES256' ? { key: privateKey, dsaEncoding: 'ieee-p1363' as const } : privateKey;
    const publicJwk: PublicJwk = { ...exportJwk(publicKey), kid, alg, use: 'sig' };
    // About 0.1 ms for ES256 and 0.5 ms for RS256: on the thread pool, the event loop goes on serving
    // other requests meanwhile.
    const withOpenSsl: SigningKey['signature'] =
      this.asymmetric === 'event-loop'
        ? (input) => signWithKey('sha256', Buffer.from(input), options).toString('base64url')
        : (input) =>
            new Promise((resolve, reject) =>
              signWithKey('sha256', Buffer.from(input), options, (error, signature) =>
                error ? reject(error) : resolve(signature.toString('base64url')),
              ),
            );
    if (alg === 'RS256') return { header, signature: withOpenSsl, publicJwk };
    // ES256 on the event loop with a nonce computed ahead (p256-nonces.ts); node:crypto when none is ready.
    const withNonce = p256Signer(p256Scalar(exportJwk(privateKey)));
    return { header, signature: (input) => withNonce(input) ?? withOpenSsl(input), publicJwk };
  }
}

const hmacBlock = 64;

/**
 * HMAC-SHA256 (RFC 2104) of an ASCII input, as two one-shot digests: H((K ^ opad) || H((K ^ ipad) || m)).
 * createHmac builds a native object per call, which the garbage collector then has to trace: 1.5-1.6 µs
 * per token against 0.8-1.4 µs here (two days' measurements; most of either is OpenSSL's cost per call).
 * The key must be 64 bytes below 0x80, so that K ^ ipad is an ASCII string the (ASCII) signing input can
 * be appended to; the suite checks every signature against createHmac and jose.
 */
export function hmacSha256(key: Uint8Array): (input: string) => string {
  if (key.length !== hmacBlock || key.some((byte) => byte > 0x7f)) {
    throw new RangeError(`an HMAC key here is ${hmacBlock} bytes below 0x80`);
  }
  const innerPad = Buffer.from(key.map((byte) => byte ^ 0x36)).toString('latin1');
  // The outer block: K ^ opad, then the inner digest written in place on each call (synchronous, so the
  // one buffer is never shared between two signatures).
  const outer = Buffer.alloc(hmacBlock + 32);
  for (let i = 0; i < hmacBlock; i++) outer[i] = (key[i] ?? 0) ^ 0x5c;
  return (input) => {
    // The inner digest as a base64 string written into place: a Buffer result would be a fresh native
    // allocation per signature (1.10 against 1.45 µs per HMAC in a tight loop).
    outer.write(hash('sha256', innerPad + input, 'base64'), hmacBlock, 'base64');
    return hash('sha256', outer, 'base64url');
  };
}

function keyId(provider: ProviderId, alg: JwtAlgorithm): string {
  return `${provider}:${alg}`;
}

function compactJws(key: SigningKey, claims: Record<string, unknown>): string | Promise<string> {
  const input = `${key.header}.${encodeJson(claims)}`;
  const signature = key.signature(input);
  return typeof signature === 'string'
    ? flat(`${input}.${signature}`)
    : signature.then((value) => flat(`${input}.${value}`));
}

/**
 * The token as one string. `a.b.c` built by concatenation is a tree of four rope nodes over the header,
 * payload and signature strings, and the store keeps every token: reading a character makes V8 copy it
 * into one flat string, and the garbage collector then drops the nodes. Measured through the engine: 11.4
 * heap objects and 645 bytes kept per Uphold token before, 6.4 and 597 after.
 */
function flat(value: string): string {
  value.charCodeAt(0);
  return value;
}

function exportJwk(key: KeyObject): JsonWebKey {
  return key.export({ format: 'jwk' });
}
