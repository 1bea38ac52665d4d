import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startTestServer } from '../support/server.js';

/**
 * Sends `head` and then `body` on a raw connection and collects what the server writes until it closes
 * the connection. The rest of an over-long body is never sent: the server must answer and close anyway.
 */
function exchange(port: number, head: string, body: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(head);
      socket.write(body);
    });
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.once('error', reject);
    socket.once('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
  });
}

/** An HTTP/1.1 request head: request line, Host, the given header lines and the blank line. */
function requestHead(requestLine: string, headers: string[]): string {
  return [`${requestLine} HTTP/1.1`, 'Host: 127.0.0.1', ...headers, '', ''].join('\r\n');
}

describe('request bodies over 1 MiB', () => {
  it('answers a declared over-long body with 413 and closes the connection without reading the rest', async () => {
    const server = await startTestServer();
    const head = requestHead('POST /tink/api/v1/oauth/token', [
      'Content-Type: application/x-www-form-urlencoded',
      `Content-Length: ${2 * 1024 * 1024}`,
    ]);
    const answer = await exchange(server.port, head, Buffer.from('grant_type=client_credentials'));
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toContain('"errorCode"');
  });

  it('answers a chunked body that grows past 1 MiB with 413 and closes the connection', async () => {
    const server = await startTestServer();
    const head = requestHead('POST /gusto/oauth/token', [
      'Content-Type: application/json',
      'Transfer-Encoding: chunked',
    ]);
    const size = 1024 * 1024 + 4096;
    const chunk = Buffer.concat([
      Buffer.from(`${size.toString(16)}\r\n`),
      Buffer.alloc(size, 0x20),
      Buffer.from('\r\n'),
    ]);
    const answer = await exchange(server.port, head, chunk);
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
  });
});

describe('request bodies in pieces', () => {
  it('reads a body that arrives in several chunks whole', async () => {
    const server = await startTestServer();
    const head = requestHead('POST /gusto/oauth/token', [
      'Content-Type: application/json',
      'Transfer-Encoding: chunked',
      'Connection: close',
    ]);
    const json = JSON.stringify({
      client_id: 'gusto-client',
      client_secret: 'gusto-secret',
      grant_type: 'system_access',
    });
    // Three chunks: node:http hands the body over in three pieces.
    const pieces = [json.slice(0, 10), json.slice(10, 40), json.slice(40)];
    const body = Buffer.from(
      `${pieces.map((piece) => `${Buffer.byteLength(piece).toString(16)}\r\n${piece}\r\n`).join('')}0\r\n\r\n`,
    );
    const answer = await exchange(server.port, head, body);
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(answer).toContain('"access_token"');
  });
});

describe('request targets', () => {
  it('serves the absolute form a client behind a proxy sends (RFC 9112 §3.2.2) like the origin form', async () => {
    const server = await startTestServer();
    for (const target of [
      `http://127.0.0.1:${server.port}/uphold/core/users/me`,
      `HTTP://127.0.0.1:${server.port}/uphold/core/users/me?x=1`,
    ]) {
      const answer = await exchange(
        server.port,
        requestHead(`GET ${target}`, ['Connection: close']),
        Buffer.alloc(0),
      );
      expect(answer).toMatch(/^HTTP\/1\.1 401 /);
      expect(answer).toContain('"code":"token_invalid"');
    }
    const health = await exchange(
      server.port,
      requestHead(`GET http://127.0.0.1:${server.port}/__sandbox/health`, ['Connection: close']),
      Buffer.alloc(0),
    );
    expect(health).toMatch(/^HTTP\/1\.1 200 /);
  });
});

describe('requests node:http refuses before the sandbox sees them', () => {
  it("answers one it cannot parse with 400 in the named provider's shape, else the control plane's", async () => {
    const server = await startTestServer();
    const broken = (requestLine: string) =>
      exchange(
        server.port,
        requestHead(requestLine, ['Bad Header Line', 'Connection: close']),
        Buffer.alloc(0),
      );
    const gusto = await broken('GET /gusto/v1/token_info');
    expect(gusto).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(gusto).toMatch(/\r\nx-gusto-api-version: /i);
    expect(JSON.parse(gusto.slice(gusto.indexOf('\r\n\r\n') + 4))).toMatchObject({
      errors: [{ error_key: 'request', category: 'invalid_parameter' }],
    });
    const uphold = await broken('POST /uphold/core/oauth2/token');
    expect(uphold).toMatch(/\r\nx-uphold-request-id: /i);
    expect(uphold).toContain(
      '{"error":"invalid_request","error_description":"The request is not valid HTTP/1.1."}',
    );
    const control = await broken('GET /__sandbox/health');
    expect(control).toContain('{"error":"invalid_request","message":"The request is not valid HTTP/1.1."}');
    expect((await fetch(`${server.url}/__sandbox/health`)).status).toBe(200);
  });
});
