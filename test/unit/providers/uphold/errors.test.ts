import { describe, expect, it } from 'vitest';
import { namedFaults } from '../../../../src/engine/faults.js';
import { upholdErrors } from '../../../../src/providers/uphold/errors.js';

describe('the Uphold error catalog', () => {
  it('answers every named fault in one of Uphold’s two shapes', () => {
    for (const name of namedFaults) {
      const error = upholdErrors.named(name);
      const body = error.body;
      const shaped =
        typeof body === 'object' &&
        body !== null &&
        (('code' in body && 'message' in body) || ('error' in body && 'error_description' in body));
      expect(shaped, name).toBe(true);
    }
  });

  it('rate-limits with the spec’s 429 body and a Retry-After', () => {
    const error = upholdErrors.named('rate_limited');
    expect(error.status).toBe(429);
    expect(error.body).toEqual({ code: 'too_many_requests', message: 'Try again later' });
    expect(error.headers['retry-after']).toBe('1');
  });

  it('names the methods a path allows in a 405', () => {
    const error = upholdErrors.methodNotAllowed(
      {
        provider: 'uphold',
        method: 'DELETE',
        path: '/core/accounts',
        query: new URLSearchParams(),
        headers: {},
        rawBody: Buffer.alloc(0),
      },
      ['GET', 'POST'],
    );
    expect(error.status).toBe(405);
    expect(error.headers.allow).toBe('GET, POST');
    expect(error.body).toEqual({
      code: 'method_not_allowed',
      message: 'DELETE is not allowed on /core/accounts; use GET or POST',
    });
  });
});
