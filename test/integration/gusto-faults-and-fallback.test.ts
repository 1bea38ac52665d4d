import { describe, expect, it } from 'vitest';
import { postJson } from '../support/server.js';
import { acme, api, legacyRefresh, postToken, startGusto } from './gusto-sandbox.js';

describe('Gusto under scripted faults and the Prism fallback', () => {
  it('answers a named token-endpoint fault in RFC 6749 shape, then serves normally', async () => {
    const server = await startGusto();
    const fault = await postJson(`${server.url}/__sandbox/faults`, {
      provider: 'gusto',
      path: '/oauth/token',
      error: 'invalid_grant',
    });
    expect(fault.status).toBe(201);
    const failed = await postToken(server, { grant_type: 'refresh_token', refresh_token: legacyRefresh });
    expect(failed.status).toBe(400);
    expect(await failed.json()).toMatchObject({ error: 'invalid_grant' });
    expect(
      (await postToken(server, { grant_type: 'refresh_token', refresh_token: legacyRefresh })).status,
    ).toBe(200);
  });

  it('answers named resource faults in the Gusto envelope', async () => {
    const server = await startGusto();
    await postJson(`${server.url}/__sandbox/faults`, {
      provider: 'gusto',
      path: '/v1/token_info',
      error: 'rate_limited',
    });
    const limited = await api(server, '/v1/token_info', 'whatever');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(await limited.json()).toMatchObject({
      errors: [{ error_key: 'base', category: 'rate_limit_exceeded' }],
    });
    await postJson(`${server.url}/__sandbox/faults`, {
      provider: 'gusto',
      path: '/v1/token_info',
      error: 'expired_token',
    });
    const expired = await api(server, '/v1/token_info', 'whatever');
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toContain('The access token expired');
  });

  it('answers a documented operation without a stateful handler from the document’s examples', async () => {
    const server = await startGusto();
    const res = await api(server, `/v1/companies/${acme}/locations`, 'any-token');
    expect(res.status).toBe(200);
    const locations = (await res.json()) as { uuid: string; city: string }[];
    expect(locations[0]).toMatchObject({ city: 'San Francisco' });
  });
});
