import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../../src/engine/clock.js';
import { validate } from '../../../../src/engine/shape.js';
import { organizationOf } from '../../../../src/providers/uphold/clients.js';
import { setUpholdUserStatus } from '../../../../src/providers/uphold/dialect.js';
import { upholdSection } from '../../../../src/providers/uphold/scenario.js';
import { createEngine } from '../../../../src/sandbox.js';
import { activeUser, defaultUpholdSection, upholdScenario } from './harness.js';

const user = 'cd21b26d-35d2-408a-9201-b8fdbef7a604';

describe('the uphold scenario section', () => {
  it('accepts the default scenario’s block', () => {
    expect(validate(upholdSection, defaultUpholdSection(), 'providers.uphold').ok).toBe(true);
  });

  it('names each problem by its key path', () => {
    const result = validate(
      upholdSection,
      {
        clients: [{ clientId: 'c', clientSecret: 's', scopes: ['Not A Scope'], organizationId: 'org-1' }],
        users: [{ id: 'not-a-uuid', status: 'frozen' }],
      },
      'providers.uphold',
    );
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'providers.uphold.clients[0].scopes[0]',
        'providers.uphold.clients[0].organizationId',
        'providers.uphold.users[0].id',
        'providers.uphold.users[0].status',
      ]),
    );
  });

  it('takes only user ids that X-On-Behalf-Of can name (UUID versions 1-8)', () => {
    const result = validate(
      upholdSection,
      { users: [{ id: '00000000-0000-0000-0000-000000000000' }] },
      'providers.uphold',
    );
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual(['providers.uphold.users[0].id']);
  });

  it('requires a single-user client’s user to be one of the section’s users', () => {
    const result = validate(
      upholdSection,
      { clients: [{ clientId: 'c', clientSecret: 's', scopes: [], userId: user }], users: [] },
      'providers.uphold',
    );
    expect(result.ok ? [] : result.problems).toEqual([
      { path: 'providers.uphold.clients[0].userId', message: `no user ${user} in providers.uphold.users` },
    ]);
  });
});

describe('seeding uphold', () => {
  it('gives clients without an organization one shared generated organization', async () => {
    const engine = await createEngine({
      scenario: upholdScenario({
        clients: [
          { clientId: 'a', clientSecret: 's', scopes: [] },
          { clientId: 'b', clientSecret: 's', scopes: [] },
        ],
      }),
      clock: fixedClock('2026-01-01T00:00:00Z'),
    });
    const [a, b] = await Promise.all([
      engine.store.find('client', 'uphold:a'),
      engine.store.find('client', 'uphold:b'),
    ]);
    expect(a && organizationOf(a)).toMatch(/^[0-9a-f-]{36}$/);
    expect(a && organizationOf(a)).toBe(b && organizationOf(b));
  });

  it('stores users lower-cased, active by default, with their type', async () => {
    const engine = await createEngine({
      scenario: upholdScenario({ users: [{ id: user.toUpperCase(), type: 'business' }] }),
      clock: fixedClock('2026-01-01T00:00:00Z'),
    });
    expect(await engine.store.find('user', `uphold:${user}`)).toMatchObject({
      status: 'active',
      role: 'business',
    });
  });
});

describe('setUpholdUserStatus', () => {
  it('blocks and unblocks a user, whatever the case of the id', async () => {
    const engine = await createEngine({
      scenario: upholdScenario(),
      clock: fixedClock('2026-01-01T00:00:00Z'),
    });
    expect(await setUpholdUserStatus(engine.store, activeUser.toUpperCase(), 'blocked')).toMatchObject({
      id: activeUser,
      status: 'blocked',
    });
    expect((await engine.store.find('user', `uphold:${activeUser}`))?.status).toBe('blocked');
    await setUpholdUserStatus(engine.store, activeUser, 'active');
    expect((await engine.store.find('user', `uphold:${activeUser}`))?.status).toBe('active');
  });

  it('answers undefined for an unknown user', async () => {
    const engine = await createEngine({
      scenario: upholdScenario(),
      clock: fixedClock('2026-01-01T00:00:00Z'),
    });
    expect(await setUpholdUserStatus(engine.store, user, 'blocked')).toBeUndefined();
  });
});
