import { hash } from 'node:crypto';
import { Worker } from 'node:worker_threads';

/**
 * ES256 signatures with their expensive half computed ahead, on a worker thread.
 *
 * An ECDSA signature (FIPS 186-5 §6.4.1) is r = (k·G).x mod n and s = k⁻¹(z + r·d) mod n, for a fresh
 * secret nonce k. The point multiplication k·G and the inverse k⁻¹ do not depend on the message: a worker
 * draws nonces with OpenSSL (an ECDH key pair is a random k in [1, n-1] with its k·G), inverts a batch of
 * them with one modular inverse (Montgomery's trick), and writes (r, k⁻¹) into a ring of shared memory.
 * What is left for the signer is a hash and two multiplications: ~4 µs against ~23-33 µs for
 * node:crypto's sign in a tight loop (and ~75 µs more per round trip inside an msw handler).
 *
 * Shared memory rather than messages: an in-process (msw) round trip can run entirely in promise jobs, and
 * a message from the worker would wait for a turn of the event loop that never comes. Each nonce is read
 * once and wiped. With none ready (the worker not yet started or behind, or no worker threads here) the
 * caller signs with node:crypto.
 *
 * The keys are a sandbox's, generated at start and never leaving the process: the BigInt arithmetic is
 * not constant-time, and the worker holds its current batch's k values until it draws the next.
 */

/** The order of P-256's base point. */
const n = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;

/** Nonces the ring holds (64 bytes each: r, then k⁻¹, big-endian). */
const ringSize = 1024;
const nonceBytes = 64;
/** Nonces the worker inverts together. */
const batchSize = 64;

/** Signatures made with node:crypto before the worker starts: a process that signs a handful never starts it. */
const startAfter = 32;

/**
 * Control words: nonces written so far, nonces read so far. Each only ever grows, wrapping at 2^32 (a
 * difference is taken modulo 2^32, a slot is the low bits): the ring size is a power of two.
 */
const written = 0;
const read = 1;

/**
 * The worker's source (CommonJS, evaluated: no file to locate next to a bundle). It fills the ring
 * whenever a batch fits, and otherwise sleeps until the signer has read a batch's worth (the signer
 * wakes it; the 5 s timeout is only a safety net). Slots are written with plain Buffer writes and then
 * published by the Atomics.store of `written` (and a notify, for whoever awaits nonces: untilReady); the
 * signer reads them only after its Atomics.load of it.
 */
const workerSource = `
const { createECDH } = require('node:crypto');
const { workerData } = require('node:worker_threads');
const n = ${n.toString()}n;
const control = new Int32Array(workerData.control);
const ring = Buffer.from(workerData.ring);
const ecdh = createECDH('prime256v1');
function inverse(a) {
  let [r0, r1, x0, x1] = [a, n, 1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [x0, x1] = [x1, x0 - q * x1];
  }
  return ((x0 % n) + n) % n;
}
const ks = new Array(${batchSize});
const rs = new Array(${batchSize});
const prefix = new Array(${batchSize});
for (;;) {
  const seen = Atomics.load(control, ${read});
  const at = Atomics.load(control, ${written});
  if (((at - seen) | 0) > ${ringSize - batchSize}) {
    Atomics.wait(control, ${read}, seen, 5000);
    continue;
  }
  let product = 1n;
  for (let i = 0; i < ${batchSize}; i++) {
    let r = 0n;
    let k = 0n;
    while (r === 0n) {
      ecdh.generateKeys();
      k = BigInt('0x' + ecdh.getPrivateKey('hex'));
      r = BigInt('0x' + ecdh.getPublicKey('hex').slice(2, 66)) % n;
    }
    ks[i] = k;
    rs[i] = r;
    prefix[i] = product;
    product = (product * k) % n;
  }
  let inverted = inverse(product);
  for (let i = ${batchSize} - 1; i >= 0; i--) {
    const kInverse = (inverted * prefix[i]) % n;
    inverted = (inverted * ks[i]) % n;
    const offset = ((at + i) & ${ringSize - 1}) * ${nonceBytes};
    ring.write(rs[i].toString(16).padStart(64, '0'), offset, 'hex');
    ring.write(kInverse.toString(16).padStart(64, '0'), offset + 32, 'hex');
  }
  Atomics.store(control, ${written}, (at + ${batchSize}) | 0);
  Atomics.notify(control, ${written});
}
`;

/** The ring the worker fills and the signer reads, and the worker (started on demand). */
export class NoncePool {
  private readonly control = new Int32Array(new SharedArrayBuffer(8));
  private readonly ring = Buffer.from(new SharedArrayBuffer(ringSize * nonceBytes));
  private worker: Worker | undefined;
  private signedWithout = 0;
  /** Why no nonces come, when the worker could not start or died. */
  failure: Error | undefined;

  /** `start`: the counters' first value (tests cross their wrap-around with it). */
  constructor(start = 0) {
    this.control[written] = start;
    this.control[read] = start;
  }

  /** Whether the worker has been started (after `startAfter` signatures made without it). */
  get running(): boolean {
    return this.worker !== undefined;
  }

  /**
   * Signs `input` (an ASCII JWS signing input) with the private scalar `d`: the raw r || s of RFC 7518
   * §3.4, base64url. Undefined when no nonce is ready.
   */
  sign(d: bigint, input: string): string | undefined {
    const { control, ring } = this;
    const next = control[read] ?? 0;
    if (Atomics.load(control, written) === next) {
      if (this.worker === undefined && this.failure === undefined && ++this.signedWithout > startAfter) {
        this.start();
      }
      return undefined;
    }
    const offset = (next & (ringSize - 1)) * nonceBytes;
    const r = BigInt(`0x${ring.toString('hex', offset, offset + 32)}`);
    const kInverse = BigInt(`0x${ring.toString('hex', offset + 32, offset + nonceBytes)}`);
    ring.fill(0, offset, offset + nonceBytes);
    const after = (next + 1) | 0;
    Atomics.store(control, read, after);
    // The worker sleeps while a batch does not fit: wake it as soon as one does. While it sleeps nothing
    // is written, so the count left passes through this value one read at a time.
    if (((Atomics.load(control, written) - after) | 0) === ringSize - batchSize)
      Atomics.notify(control, read);
    const z = BigInt(`0x${hash('sha256', input, 'hex')}`);
    const s = (kInverse * ((z + r * d) % n)) % n;
    // s = 0 happens with probability 2^-256; a signature with it would not verify.
    if (s === 0n) return this.sign(d, input);
    return Buffer.from(hex32(r) + hex32(s), 'hex').toString('base64url');
  }

  /**
   * Nonces taken from the ring so far, modulo 2^32 (diagnostics and tests): only signatures move it,
   * while `ready` also moves with the worker's writes.
   */
  taken(): number {
    return Atomics.load(this.control, read);
  }

  /** Nonces ready in the ring. */
  ready(): number {
    return (Atomics.load(this.control, written) - Atomics.load(this.control, read)) | 0;
  }

  /**
   * Settles with true once `count` nonces are ready, woken by the worker's writes rather than by polling;
   * false when it wrote nothing for `timeoutMs` (diagnostics and tests).
   */
  async untilReady(count: number, timeoutMs = 10_000): Promise<boolean> {
    // A pending waitAsync holds no handle of its own: without this timer a script awaiting here would end.
    const keepAlive = setInterval(() => undefined, timeoutMs);
    try {
      while (this.ready() < count) {
        const wait = Atomics.waitAsync(this.control, written, Atomics.load(this.control, written), timeoutMs);
        if ((wait.async ? await wait.value : wait.value) === 'timed-out') return false;
      }
      return true;
    } finally {
      clearInterval(keepAlive);
    }
  }

  /** Ends the worker (tests; the shared pool's lives as long as the process). */
  async stop(): Promise<void> {
    const { worker } = this;
    this.failure ??= new Error('stopped');
    await worker?.terminate();
  }

  private start(): void {
    // Neither the process's flags nor NODE_OPTIONS: `--input-type=module` would make the source a
    // module, and preloads, loaders and agents have nothing to do here.
    const { NODE_OPTIONS: _, ...env } = process.env;
    try {
      const worker = new Worker(workerSource, {
        eval: true,
        execArgv: [],
        env,
        workerData: { control: this.control.buffer, ring: this.ring.buffer },
      });
      // A failed worker leaves the ring empty: node:crypto signs every token, as before.
      worker.on('error', (error: Error) => {
        this.failure = error;
      });
      // The pool never keeps a process alive (a sandbox in a test file must not hold its runner open).
      worker.unref();
      this.worker = worker;
    } catch (error) {
      // No worker threads here (a restricted runtime): the same.
      this.failure = error instanceof Error ? error : new Error(String(error));
    }
  }
}

function hex32(value: bigint): string {
  return value.toString(16).padStart(64, '0');
}

/**
 * One pool per process: nonces belong to no key, and one worker serves every sandbox. Kept on globalThis
 * so that a second instance of this module (a test runner's module reset, two copies of the package)
 * shares it rather than starting a worker of its own.
 */
declare global {
  // Named for this module and the pool's version: another copy of the package shares it, nothing else.
  var authSandboxP256NoncesV1: NoncePool | undefined;
}

export function sharedNoncePool(): NoncePool {
  globalThis.authSandboxP256NoncesV1 ??= new NoncePool();
  return globalThis.authSandboxP256NoncesV1;
}

/** An ES256 signer for the private scalar `d`: a signature, or undefined when no nonce is ready. */
export function p256Signer(
  d: bigint,
  pool: NoncePool = sharedNoncePool(),
): (input: string) => string | undefined {
  return (input) => pool.sign(d, input);
}

/** The private scalar of a P-256 private key, from its JWK export. */
export function p256Scalar(jwk: { crv?: string | undefined; d?: string | undefined }): bigint {
  if (jwk.crv !== 'P-256' || jwk.d === undefined) throw new TypeError('not a P-256 private key');
  return BigInt(`0x${Buffer.from(jwk.d, 'base64url').toString('hex')}`);
}
