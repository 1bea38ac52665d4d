import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/sandbox.js';
import { sandboxRequest } from './sandbox-request.js';

const tokenRequest = () =>
  sandboxRequest({
    method: 'POST',
    path: '/api/v1/oauth/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'client_id=tink-client&client_secret=tink-secret&grant_type=client_credentials&scope=user:create',
  });

describe('engine options', () => {
  for (const journalSize of [-1, 1.5, Number.NaN, '10' as unknown as number, 1_000_001, 1e15]) {
    it(`refuses journalSize ${String(journalSize)} with what it expected`, async () => {
      await expect(createEngine({ journalSize })).rejects.toThrow(/journalSize must be a whole number/);
    });
  }

  for (const journalDetail of [-1, 2.5, Number.NaN, 1_000_001]) {
    it(`refuses journalDetail ${String(journalDetail)} with what it expected`, async () => {
      await expect(createEngine({ journalDetail })).rejects.toThrow(/journalDetail must be a whole number/);
    });
  }

  it('keeps the headers and bodies of the newest journalDetail requests', async () => {
    const engine = await createEngine({ journalSize: 3, journalDetail: 1 });
    for (let i = 0; i < 3; i++) await engine.handle(tokenRequest());
    const entries = engine.journal.list();
    expect(entries.map((e) => e.status)).toEqual([200, 200, 200]);
    expect(entries.map((e) => e.response !== undefined)).toEqual([false, false, true]);
    expect(entries[2]?.request?.headers).toEqual({ 'content-type': 'application/x-www-form-urlencoded' });
  });

  it('refuses an unknown asymmetricSigning with the two it accepts', async () => {
    await expect(createEngine({ asymmetricSigning: 'threads' as never })).rejects.toThrow(
      /asymmetricSigning must be 'thread-pool' or 'event-loop', not "threads"/,
    );
  });

  it('keeps no journal with journalSize 0 and still answers', async () => {
    const engine = await createEngine({ journalSize: 0 });
    expect((await engine.handle(tokenRequest())).status).toBe(200);
    expect(engine.journal.size).toBe(0);
    expect(engine.journal.list()).toEqual([]);
  });

  it('keeps the newest journalSize requests', async () => {
    const engine = await createEngine({ journalSize: 2 });
    for (const path of ['/api/v1/oauth/token', '/nowhere-1', '/nowhere-2']) {
      await engine.handle({ ...tokenRequest(), path });
    }
    expect(engine.journal.list().map((e) => e.path)).toEqual(['/nowhere-1', '/nowhere-2']);
  });

  for (const asymmetricSigning of ['thread-pool', 'event-loop'] as const) {
    it(`issues ES256 tokens with asymmetricSigning '${asymmetricSigning}'`, async () => {
      const engine = await createEngine({ asymmetricSigning });
      const response = await engine.handle(tokenRequest());
      expect(response.status).toBe(200);
      expect((response.body as { access_token: string }).access_token.split('.')).toHaveLength(3);
    });
  }
});
