import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../../../src/engine/errors.js';
import type { SandboxRequest } from '../../../../src/engine/http.js';
import { readOnBehalfOf } from '../../../../src/providers/uphold/subject.js';

function request(header?: string): SandboxRequest {
  return {
    provider: 'uphold',
    method: 'GET',
    path: '/core/users/me',
    query: new URLSearchParams(),
    headers: header === undefined ? {} : { 'x-on-behalf-of': header },
    rawBody: Buffer.alloc(0),
  };
}

function rejection(header: string): unknown {
  try {
    readOnBehalfOf(request(header));
  } catch (error) {
    return error instanceof ProviderError ? { status: error.status, body: error.body } : error;
  }
  return undefined;
}

describe('the X-On-Behalf-Of header', () => {
  it('is optional', () => {
    expect(readOnBehalfOf(request())).toEqual({ kind: 'none' });
  });

  it('names a user or a client by UUID, as the spec pattern has it', () => {
    expect(readOnBehalfOf(request('user cd21b26d-35d2-408a-9201-b8fdbef7a604'))).toEqual({
      kind: 'user',
      id: 'cd21b26d-35d2-408a-9201-b8fdbef7a604',
    });
    expect(readOnBehalfOf(request('client 3fa85f64-5717-4562-b3fc-2c963f66afa6'))).toEqual({
      kind: 'client',
      id: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
    });
  });

  it.each([
    '',
    'user',
    'user ',
    'users cd21b26d-35d2-408a-9201-b8fdbef7a604',
    'user cd21b26d35d2408a9201b8fdbef7a604',
  ])('rejects %j with 400 request_invalid', (header) => {
    expect(rejection(header)).toMatchObject({
      status: 400,
      body: {
        code: 'request_invalid',
        details: { context: 'headers', violations: [{ property: 'x-on-behalf-of' }] },
      },
    });
  });
});
