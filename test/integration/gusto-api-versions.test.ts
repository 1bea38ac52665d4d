import { describe, expect, it } from 'vitest';
import { advanceClock } from '../support/server.js';
import {
  acme,
  api,
  type GustoErrorBody,
  legacyRefresh,
  oldApiRefresh,
  oldApp,
  postToken,
  refresh,
  startGusto,
  strictAccess,
  systemToken,
} from './gusto-sandbox.js';

async function acmeStrictToken(server: Awaited<ReturnType<typeof startGusto>>): Promise<string> {
  const legacy = await refresh(server, legacyRefresh);
  const pairs = await strictAccess(server, legacy.access_token);
  return pairs.find((p) => p.resource_uuid === acme)?.access_token ?? '';
}

async function expect406(res: Response, message: RegExp): Promise<void> {
  expect(res.status).toBe(406);
  const body = (await res.json()) as GustoErrorBody;
  expect(body.errors).toHaveLength(1);
  expect(body.errors[0]).toMatchObject({ error_key: 'request', category: 'invalid_api_version' });
  expect(body.errors[0]?.message).toMatch(message);
}

describe('Gusto X-Gusto-API-Version', () => {
  it("serves a request without the header at the application's minimum version and echoes it", async () => {
    const server = await startGusto();
    const token = await acmeStrictToken(server);
    const res = await api(server, `/v1/companies/${acme}`, token);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-gusto-api-version')).toBe('2024-04-01');
    const old = await postToken(server, { ...oldApp, grant_type: 'system_access' });
    expect(old.headers.get('x-gusto-api-version')).toBe('2022-11-01');
  });

  it('echoes the requested version', async () => {
    const server = await startGusto();
    const token = await acmeStrictToken(server);
    const res = await api(server, `/v1/companies/${acme}`, token, { 'x-gusto-api-version': '2025-06-15' });
    expect(res.headers.get('x-gusto-api-version')).toBe('2025-06-15');
  });

  it('answers a malformed version with 406', async () => {
    const server = await startGusto();
    const token = await acmeStrictToken(server);
    for (const version of ['2023', '2024-13-01', '2024-02-30', 'v2024-04-01', '']) {
      const res = await api(server, `/v1/companies/${acme}`, token, { 'x-gusto-api-version': version });
      await expect406(res, /Expected format: YYYY-MM-DD/);
    }
    await expect406(
      await postToken(server, { grant_type: 'system_access' }, { 'x-gusto-api-version': '2023' }),
      /YYYY-MM-DD/,
    );
  });

  it('says which version answered a token request it refuses, found at once or after the store', async () => {
    const server = await startGusto();
    // No header: the answer names the application's own minimum, which only the token endpoint knows.
    const unsupported = await postToken(server, { ...oldApp, grant_type: 'password' });
    expect(unsupported.status).toBe(400);
    expect(((await unsupported.json()) as { error: string }).error).toBe('unsupported_grant_type');
    expect(unsupported.headers.get('x-gusto-api-version')).toBe('2022-11-01');
    const unknown = await postToken(server, {
      ...oldApp,
      grant_type: 'refresh_token',
      refresh_token: 'nobody-has-it',
    });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: string }).error).toBe('invalid_grant');
    expect(unknown.headers.get('x-gusto-api-version')).toBe('2022-11-01');
  });

  it('answers a version in the future of the sandbox clock with 406, until the clock reaches it', async () => {
    const server = await startGusto();
    const future = { 'x-gusto-api-version': '2026-01-02' };
    await expect406(await api(server, '/v1/token_info', await systemToken(server), future), /future/);
    await advanceClock(server, 86400);
    expect((await api(server, '/v1/token_info', await systemToken(server), future)).status).toBe(200);
  });

  it("answers a version below the application's minimum with 406", async () => {
    const server = await startGusto();
    const token = await acmeStrictToken(server);
    const res = await api(server, `/v1/companies/${acme}`, token, { 'x-gusto-api-version': '2023-04-01' });
    await expect406(res, /minimum API version `2024-04-01`/);
    const tokenEndpoint = await postToken(
      server,
      { grant_type: 'system_access' },
      { 'x-gusto-api-version': '2024-03-31' },
    );
    await expect406(tokenEndpoint, /minimum API version/);
  });

  it('refuses a legacy token with 403 on every endpoint from 2023-05-01 on', async () => {
    const server = await startGusto();
    const legacy = await refresh(server, oldApiRefresh, oldApp);
    for (const path of ['/v1/token_info', `/v1/companies/${acme}`, `/v1/companies/${acme}/employees`]) {
      const refused = await api(server, path, legacy.access_token, { 'x-gusto-api-version': '2023-05-01' });
      expect(refused.status).toBe(403);
      expect(refused.headers.get('x-gusto-api-version')).toBe('2023-05-01');
      const served = await api(server, path, legacy.access_token, { 'x-gusto-api-version': '2023-04-30' });
      expect(served.status).toBe(200);
    }
    // Without the header this application is served at its minimum, 2022-11-01.
    expect((await api(server, '/v1/token_info', legacy.access_token)).status).toBe(200);
  });

  it('echoes a version on error responses too', async () => {
    const server = await startGusto();
    const missing = await api(server, '/v1/token_info', undefined, { 'x-gusto-api-version': '2025-06-15' });
    expect(missing.status).toBe(401);
    expect(missing.headers.get('x-gusto-api-version')).toBe('2025-06-15');
    const unknownPath = await api(server, '/v1/unknown', undefined);
    expect(unknownPath.status).toBe(404);
    expect(unknownPath.headers.get('x-gusto-api-version')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
