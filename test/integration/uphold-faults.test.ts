import { describe, expect, it } from 'vitest';
import { postJson } from '../support/server.js';
import { orgClient, requestToken, startUphold, uuidPattern } from '../unit/providers/uphold/harness.js';

describe('Uphold under scripted faults', () => {
  it('answers a named rate_limited fault with the spec’s 429 body, then recovers', async () => {
    const server = await startUphold();
    const added = await postJson(`${server.url}/__sandbox/faults`, {
      provider: 'uphold',
      path: '/core/oauth2/token',
      error: 'rate_limited',
    });
    expect(added.status).toBe(201);
    const limited = await requestToken(server, orgClient);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.headers.get('x-uphold-request-id')).toMatch(uuidPattern);
    expect(await limited.json()).toEqual({ code: 'too_many_requests', message: 'Try again later' });
    expect((await requestToken(server, orgClient)).status).toBe(200);
  });

  it('answers a named invalid_client fault in the token endpoint’s RFC 6749 shape', async () => {
    const server = await startUphold();
    await postJson(`${server.url}/__sandbox/faults`, { provider: 'uphold', error: 'invalid_client' });
    const res = await requestToken(server, orgClient);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: 'invalid_client',
      error_description: 'Client does not exist or secret is incorrect',
    });
  });
});
