import { spawn } from 'node:child_process';
import { generateKeyPairSync, verify } from 'node:crypto';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { NoncePool, p256Scalar, p256Signer, sharedNoncePool } from '../../../src/engine/p256-nonces.js';

function keyPair(pool?: NoncePool) {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { sign: p256Signer(p256Scalar(privateKey.export({ format: 'jwk' })), pool), publicKey };
}

function verifies(publicKey: ReturnType<typeof keyPair>['publicKey'], input: string, signature: string) {
  const raw = Buffer.from(signature, 'base64url');
  return (
    raw.length === 64 &&
    verify('sha256', Buffer.from(input), { key: publicKey, dsaEncoding: 'ieee-p1363' }, raw)
  );
}

/** Signs until the worker has filled the ring (it starts after a few signatures made without it). */
async function withNoncesReady(sign: (input: string) => string | undefined): Promise<void> {
  const pool = sharedNoncePool();
  for (let i = 0; i < 64 && !pool.running; i++) sign('warm-up');
  expect(await pool.untilReady(1)).toBe(true);
}

describe('ES256 with nonces computed ahead', () => {
  it('gives nothing until a nonce is ready, then signatures that verify, for any input', async () => {
    const { sign, publicKey } = keyPair();
    await withNoncesReady(sign);
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 2000 }), (input) => {
        const signature = sign(input);
        // The worker may fall behind a tight loop: then the caller signs with node:crypto.
        return signature === undefined || verifies(publicKey, input, signature);
      }),
      { numRuns: 300 },
    );
  });

  it('uses every nonce once: thousands of signatures, across the ring and the counters\u2019 wrap-around, never share an r', async () => {
    // The counters are 32-bit and wrap; start them 1500 reads short of it.
    const pool = new NoncePool(2 ** 31 - 1500);
    try {
      const { sign, publicKey } = keyPair(pool);
      for (let i = 0; i < 64 && !pool.running; i++) sign('warm-up');
      const rs = new Set<string>();
      let signed = 0;
      while (signed < 3000) {
        expect(await pool.untilReady(1)).toBe(true);
        for (let ready = pool.ready(); ready > 0; ready--) {
          const input = `eyJhbGciOiJFUzI1NiJ9.${signed}`;
          const signature = sign(input);
          expect(signature).toBeDefined();
          expect(verifies(publicKey, input, signature ?? '')).toBe(true);
          rs.add((signature ?? '').slice(0, 43));
          signed++;
        }
      }
      expect(rs.size).toBe(signed);
    } finally {
      await pool.stop();
    }
  });

  it('is one pool per process, shared by a second instance of the module', async () => {
    vi.resetModules();
    const again = await import('../../../src/engine/p256-nonces.js');
    expect(again.NoncePool).not.toBe(NoncePool);
    expect(again.sharedNoncePool()).toBe(sharedNoncePool());
  });

  it('starts its worker only after a few dozen signatures made without it', async () => {
    const pool = new NoncePool();
    try {
      const { sign, publicKey } = keyPair(pool);
      for (let i = 0; i < 32; i++) expect(sign('before')).toBeUndefined();
      expect(pool.running).toBe(false);
      expect(sign('the one that starts it')).toBeUndefined();
      expect(pool.running).toBe(true);
      expect(await pool.untilReady(1)).toBe(true);
      const signature = sign('after');
      expect(signature && verifies(publicKey, 'after', signature)).toBe(true);
      expect(pool.failure).toBeUndefined();
    } finally {
      await pool.stop();
    }
  });

  it('fills its ring, and refills it as soon as a batch of nonces fits again', async () => {
    const pool = new NoncePool();
    try {
      const { sign } = keyPair(pool);
      for (let i = 0; i < 64 && !pool.running; i++) sign('warm-up');
      expect(await pool.untilReady(1024)).toBe(true);
      for (let i = 0; i < 64; i++) expect(sign(`input ${i}`)).toBeDefined();
      // The worker sleeps on a full ring and is woken, not left to its 5 s safety timeout.
      expect(await pool.untilReady(1024, 2_000)).toBe(true);
    } finally {
      await pool.stop();
    }
  });

  it('serves two keys from one ring, each signature verifying under its own key only', async () => {
    const first = keyPair();
    const second = keyPair();
    await withNoncesReady(first.sign);
    const a = first.sign('same input');
    const b = second.sign('same input');
    expect(a && verifies(first.publicKey, 'same input', a)).toBe(true);
    expect(b && verifies(second.publicKey, 'same input', b)).toBe(true);
    expect(a && verifies(second.publicKey, 'same input', a)).toBe(false);
  });

  it('takes the private scalar of a P-256 key only', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const jwk = ec.privateKey.export({ format: 'jwk' });
    expect(p256Scalar(jwk)).toBe(BigInt(`0x${Buffer.from(jwk.d ?? '', 'base64url').toString('hex')}`));
    expect(() => p256Scalar(ec.publicKey.export({ format: 'jwk' }))).toThrow(TypeError);
    expect(() => p256Scalar(rsa.privateKey.export({ format: 'jwk' }))).toThrow(TypeError);
  });

  it('never keeps a process alive, and runs none of its flags or preloads: a process that signed with the worker ends by itself', async () => {
    const module = new URL('../../../dist/engine/p256-nonces.js', import.meta.url).href;
    // A preload given in NODE_OPTIONS (as an APM agent or a loader would be) leaves a mark when it runs
    // in a worker thread.
    const dir = await mkdtemp(join(tmpdir(), 'p256-preload-'));
    const mark = join(dir, 'ran-in-a-worker');
    const preload = join(dir, 'preload.cjs');
    await writeFile(
      preload,
      `if (!require('node:worker_threads').isMainThread) require('node:fs').writeFileSync(${JSON.stringify(mark)}, '');`,
    );
    const child = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { generateKeyPairSync } = await import('node:crypto');
         const { p256Scalar, p256Signer, sharedNoncePool } = await import(${JSON.stringify(module)});
         const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
         const sign = p256Signer(p256Scalar(privateKey.export({ format: 'jwk' })));
         for (let i = 0; i < 64; i++) sign('warm-up');
         await sharedNoncePool().untilReady(1);
         process.stdout.write(sign('input') === undefined ? 'no nonce' : 'signed with a nonce');`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NODE_OPTIONS: `--require ${preload}` } },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const killer = setTimeout(() => child.kill('SIGKILL'), 18_000);
    const [code, signal] = await once(child, 'exit');
    clearTimeout(killer);
    expect({ code, signal, output }).toEqual({ code: 0, signal: null, output: 'signed with a nonce' });
    expect(existsSync(mark)).toBe(false);
    await rm(dir, { recursive: true, force: true });
  });
});
