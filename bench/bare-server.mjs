// What the bench's hand-written servers (the ceiling and the HS256 references) share: bare node:http on
// loopback, at the port given as the first argument (0: any), printing "listening PORT" once ready and
// closing on SIGTERM.
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
