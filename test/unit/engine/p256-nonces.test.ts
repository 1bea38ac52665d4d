import { spawn } from 'node:child_process';
import { generateKeyPairSync, verify } from 'node:crypto';
import { once } from 'node:events';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { p256NoncesReady, p256Scalar, p256Signer } from '../../../src/engine/p256-nonces.js';

function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { sign: p256Signer(p256Scalar(privateKey.export({ format: 'jwk' }))), publicKey };
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
  for (let i = 0; i < 64 && p256NoncesReady() === 0; i++) sign('warm-up');
  await vi.waitFor(() => expect(p256NoncesReady()).toBeGreaterThan(0), { timeout: 10_000 });
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

  it('uses every nonce once: thousands of signatures, across the ring, never share an r', async () => {
    const { sign, publicKey } = keyPair();
    await withNoncesReady(sign);
    const rs = new Set<string>();
    let signed = 0;
    while (signed < 3000) {
      const ready = p256NoncesReady();
      for (let i = 0; i < ready; i++) {
        const input = `eyJhbGciOiJFUzI1NiJ9.${signed}`;
        const signature = sign(input);
        if (signature === undefined) break;
        expect(verifies(publicKey, input, signature)).toBe(true);
        rs.add(signature.slice(0, 43));
        signed++;
      }
      await vi.waitFor(() => expect(p256NoncesReady()).toBeGreaterThan(0), { timeout: 10_000 });
    }
    expect(rs.size).toBe(signed);
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

  it('never keeps a process alive: one that signed with the worker ends by itself', async () => {
    const module = new URL('../../../dist/engine/p256-nonces.js', import.meta.url).href;
    const child = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { generateKeyPairSync } = await import('node:crypto');
         const { p256Scalar, p256Signer, p256NoncesReady } = await import(${JSON.stringify(module)});
         const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
         const sign = p256Signer(p256Scalar(privateKey.export({ format: 'jwk' })));
         for (let i = 0; i < 64; i++) sign('warm-up');
         const deadline = Date.now() + 10_000;
         while (p256NoncesReady() === 0 && Date.now() < deadline) await new Promise((resolve) => setImmediate(resolve));
         process.stdout.write(sign('input') === undefined ? 'no nonce' : 'signed with a nonce');`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const killer = setTimeout(() => child.kill('SIGKILL'), 18_000);
    const [code, signal] = await once(child, 'exit');
    clearTimeout(killer);
    expect({ code, signal, output }).toEqual({ code: 0, signal: null, output: 'signed with a nonce' });
  });
});
