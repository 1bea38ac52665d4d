import { Duplex } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createTenants } from '../../../src/index.js';
import { answerClientError, type ClientError } from '../../../src/server/client-error.js';

/** A socket that keeps what is written to it. */
function recordingSocket(): { socket: Duplex; written: () => string } {
  const chunks: Buffer[] = [];
  const socket = new Duplex({
    read() {},
    write(chunk: Buffer, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  return { socket, written: () => Buffer.concat(chunks).toString('latin1') };
}

function clientError(code: string, rawPacket?: string): ClientError {
  const error: ClientError = new Error(code);
  error.code = code;
  if (rawPacket !== undefined) error.rawPacket = Buffer.from(rawPacket, 'latin1');
  return error;
}

describe('answerClientError', () => {
  it('answers a request that took too long with 408 in the control plane shape (no request line to go by)', async () => {
    const tenants = await createTenants({});
    const { socket, written } = recordingSocket();
    answerClientError(tenants, clientError('ERR_HTTP_REQUEST_TIMEOUT'), socket);
    expect(written()).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    expect(written()).toContain('{"error":"timeout","message":"The request did not arrive in time."}');
    expect(socket.destroyed).toBe(true);
  });

  it("answers in the named provider's shape, with no body for HEAD, and says nothing on a reset", async () => {
    const tenants = await createTenants({});
    const tight = recordingSocket();
    answerClientError(
      tenants,
      clientError('HPE_INVALID_HEADER_TOKEN', 'POST /tight/v6/company/query HTTP/1.1\r\n'),
      tight.socket,
    );
    expect(tight.written()).toContain('{"result":"FAILURE","data":null,"error":[{"type":"BAD_REQUEST"');
    const head = recordingSocket();
    answerClientError(
      tenants,
      clientError('HPE_INVALID_HEADER_TOKEN', 'HEAD /tink/data/v2/accounts HTTP/1.1\r\n'),
      head.socket,
    );
    expect(head.written()).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(head.written().endsWith('\r\n\r\n')).toBe(true);
    const reset = recordingSocket();
    answerClientError(tenants, clientError('ECONNRESET'), reset.socket);
    expect(reset.written()).toBe('');
    expect(reset.socket.destroyed).toBe(true);
  });
});
