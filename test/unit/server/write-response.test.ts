import { createServer, request, type Server } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxResponse } from '../../../src/engine/http.js';
import { writeResponse } from '../../../src/server/provider-request.js';

/** The answer the next request gets, written by writeResponse over real HTTP. */
let next: SandboxResponse = { status: 204, headers: {} };
let server: Server;
let port = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => writeResponse(res, next, req.method === 'HEAD'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function fetchRaw(method: string): Promise<{ status: number; length: string | undefined; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ port, host: '127.0.0.1', method, path: '/' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          length: res.headers['content-length'],
          body: Buffer.concat(chunks),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('writeResponse', () => {
  it('sends every body as its UTF-8 bytes with their exact length, ASCII or not', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 64 }), async (text) => {
        for (const body of [text, { description: text }]) {
          next = { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body };
          const expected = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8');
          const res = await fetchRaw('GET');
          expect(res.status).toBe(200);
          expect(res.body.equals(expected)).toBe(true);
          expect(res.length).toBe(String(expected.length));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('keeps accents, symbols and emoji intact (the UTF-8 path) and ASCII as is (the latin1 path)', async () => {
    for (const text of ['café €5 😀', 'plain ASCII token', 'ÿ']) {
      next = { status: 200, headers: {}, body: text };
      const res = await fetchRaw('GET');
      expect(res.body.toString('utf8')).toBe(text);
      expect(Number(res.length)).toBe(Buffer.byteLength(text));
    }
  });

  it("answers HEAD with the body's length and no body", async () => {
    next = { status: 200, headers: {}, body: { name: 'Zoë' } };
    const res = await fetchRaw('HEAD');
    expect(res.length).toBe(String(Buffer.byteLength('{"name":"Zoë"}')));
    expect(res.body.length).toBe(0);
  });
});
