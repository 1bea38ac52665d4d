import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSandboxClient } from '../../src/index.js';
import setup, { authSandboxSetup } from '../../src/vitest.js';

const saved = { url: process.env.AUTH_SANDBOX_URL, scenario: process.env.AUTH_SANDBOX_SCENARIO };
afterEach(() => {
  for (const [name, value] of [
    ['AUTH_SANDBOX_URL', saved.url],
    ['AUTH_SANDBOX_SCENARIO', saved.scenario],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe('the vitest globalSetup helper (auth-sandbox/vitest)', () => {
  it('starts a server, provides its URL and exports AUTH_SANDBOX_URL, and its teardown closes it', async () => {
    const provided = new Map<string, string>();
    const teardown = await setup({ provide: (key, value) => provided.set(key, value) });
    const url = provided.get('authSandboxUrl');
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(process.env.AUTH_SANDBOX_URL).toBe(url);
    const client = createSandboxClient(url ?? '');
    expect(await client.health()).toEqual({ status: 'ok' });
    const token = await fetch(`${url}/tink/api/v1/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'client_id=tink-client&client_secret=tink-secret&grant_type=client_credentials&scope=user:create',
    });
    expect(token.status).toBe(200);
    await teardown();
    expect(process.env.AUTH_SANDBOX_URL).toBeUndefined();
    await expect(client.health()).rejects.toThrow();
  });

  it('loads the scenario named by AUTH_SANDBOX_SCENARIO', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'auth-sandbox-setup-'));
    const file = join(dir, 'tink-only.yaml');
    await writeFile(
      file,
      'providers:\n  tink:\n    clients: [{ clientId: fixture-client, clientSecret: fixture-secret, scopes: [user:create] }]\n',
    );
    process.env.AUTH_SANDBOX_SCENARIO = file;
    const teardown = await authSandboxSetup()();
    try {
      const url = process.env.AUTH_SANDBOX_URL ?? '';
      const res = await fetch(`${url}/tink/api/v1/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'client_id=fixture-client&client_secret=fixture-secret&grant_type=client_credentials&scope=user:create',
      });
      expect(res.status).toBe(200);
    } finally {
      await teardown();
      await rm(dir, { recursive: true });
    }
  });
});
