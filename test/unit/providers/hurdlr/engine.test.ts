import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../../src/engine/clock.js';
import { SandboxEngine } from '../../../../src/engine/engine.js';
import type { SandboxRequest } from '../../../../src/engine/http.js';
import { validate } from '../../../../src/engine/shape.js';
import { hurdlr } from '../../../../src/providers/hurdlr/dialect.js';
import { hurdlrSection } from '../../../../src/providers/hurdlr/scenario.js';
import { parseScenario } from '../../../../src/scenario/scenario.js';

const section = {
  clients: [{ clientId: 'c', clientSecret: 's' }],
  users: [{ id: 'u1' }],
  grants: [{ userId: 'u1', refreshToken: `${'a'.repeat(64)}.${'b'.repeat(32)}` }],
};

async function engine(): Promise<SandboxEngine> {
  const scenario = parseScenario({ providers: { hurdlr: section } }, 'unit', [hurdlr]);
  return SandboxEngine.create({ dialects: [hurdlr], scenario, clock: fixedClock('2026-03-01T12:00:00Z') });
}

function form(path: string, fields: Record<string, string>): SandboxRequest {
  return {
    provider: 'hurdlr',
    method: 'POST',
    path,
    query: new URLSearchParams(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    rawBody: Buffer.from(new URLSearchParams(fields).toString()),
  };
}

describe('Hurdlr dialect in the engine, without HTTP', () => {
  it('refreshes a seeded refresh token into <64 hex>.<32 hex> tokens stamped with the sandbox clock', async () => {
    const sandbox = await engine();
    const res = await sandbox.handle(
      form('/v4/auth/token', {
        client_id: 'c',
        client_secret: 's',
        grant_type: 'refresh_token',
        refresh_token: section.grants[0]?.refreshToken ?? '',
      }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      access_token: expect.stringMatching(/^[0-9a-f]{64}\.[0-9a-f]{32}$/),
      refresh_token: expect.stringMatching(/^[0-9a-f]{64}\.[0-9a-f]{32}$/),
      expires_in: 7776000,
      created_at: Date.parse('2026-03-01T12:00:00Z') / 1000,
      scope: 'token',
    });
  });

  it('answers a wrong method in RFC 6749 shape with an Allow header', async () => {
    const sandbox = await engine();
    const res = await sandbox.handle({ ...form('/v4/auth/token', {}), method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('POST');
    expect(res.body).toMatchObject({ error: 'invalid_request' });
  });

  it('refuses a seeded refresh token that is not shaped like a Hurdlr token', () => {
    const checked = validate(
      hurdlrSection,
      { grants: [{ userId: 'u1', refreshToken: 'short' }] },
      'providers.hurdlr',
    );
    expect(checked.ok).toBe(false);
    expect(checked.ok ? [] : checked.problems.map((p) => p.path)).toEqual([
      'providers.hurdlr.grants[0].refreshToken',
    ]);
  });
});
