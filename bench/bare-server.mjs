// What the bench's hand-written servers (the ceiling and the HS256 references) share: bare node:http on
// loopback, at the port given as the first argument (0: any), printing "listening PORT" once ready and
// closing on SIGTERM.
import { randomFillSync } from 'node:crypto';
import { createServer } from 'node:http';

/** @param {import('node:http').RequestListener} listener */
export function serve(listener) {
  const server = createServer(listener);
  server.keepAliveTimeout = 5_000;
  server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
    const address = server.address();
    process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : ''}\n`);
  });
  process.once('SIGTERM', () => server.close(() => process.exit(0)));
}

/**
 * A listener that reads the whole body as latin1 text first (the token requests are ASCII).
 * @param {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, body: string) => void} handle
 * @returns {import('node:http').RequestListener}
 */
export function withTextBody(handle) {
  return (req, res) => {
    let body = '';
    req.setEncoding('latin1');
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => handle(req, res, body));
  };
}

const randomPool = Buffer.alloc(16 * 1024);
let randomAt = randomPool.length;

/**
 * `size` CSPRNG bytes as base64url, from a pool refilled by randomFillSync (as the sandbox draws them):
 * a randomBytes call per token cost ~14 µs of server CPU per request under the bench's load (2 s runs
 * alternating with and without), which no server that cares about speed pays.
 * @param {number} size at most 16 KiB
 */
export function randomBase64url(size) {
  if (randomAt + size > randomPool.length) {
    randomFillSync(randomPool);
    randomAt = 0;
  }
  randomAt += size;
  return randomPool.toString('base64url', randomAt - size, randomAt);
}
