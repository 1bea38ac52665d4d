import { describe, expect, it } from 'vitest';
import { call, gustoEngine, legacyRefresh, text, token } from './gusto-sandbox.js';

describe('Gusto token endpoint (engine level)', () => {
  it('issues a system token with no refresh token', async () => {
    const engine = await gustoEngine();
    const res = await token(engine, { grant_type: 'system_access' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ token_type: 'Bearer', expires_in: 7200, created_at: 1767225600 });
    expect(text(res, 'access_token')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(res.headers['x-gusto-api-version']).toBe('2024-04-01');
    expect(res.body).not.toHaveProperty('refresh_token');
  });

  it('refreshes the fixed legacy refresh token into a new pair', async () => {
    const engine = await gustoEngine();
    const res = await token(engine, { grant_type: 'refresh_token', refresh_token: legacyRefresh });
    expect(res.status).toBe(200);
    expect(text(res, 'refresh_token')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Company tokens carry the application's company scopes, never its system scopes.
    expect(text(res, 'scope').split(' ')).toContain('companies:read');
    expect(text(res, 'scope').split(' ')).not.toContain('partner_managed_companies:manage');
  });

  it('answers a wrong secret with invalid_client', async () => {
    const engine = await gustoEngine();
    const res = await token(engine, { grant_type: 'system_access', client_secret: 'nope' });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: 'invalid_client' });
  });

  it('answers an unknown path with the Gusto envelope', async () => {
    const engine = await gustoEngine();
    const res = await call(engine, { path: '/v1/nope' });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ errors: [{ error_key: 'request', category: 'not_found' }] });
  });
});
