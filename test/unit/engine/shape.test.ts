import { describe, expect, it } from 'vitest';
import {
  boolean,
  list,
  number,
  object,
  oneOf,
  optional,
  string,
  validate,
} from '../../../src/engine/shape.js';

const client = object({
  clientId: string({ min: 1 }),
  scopes: optional(list(string({ pattern: /^[a-z]+:[a-z]+$/, hint: 'a scope such as accounts:read' }))),
  lifetime: optional(number({ min: 1, integer: true })),
  strict: optional(boolean()),
  kind: optional(oneOf(['user', 'client'] as const)),
});
const section = object({ clients: list(client), name: optional(string()) });

describe('validate', () => {
  it('returns the checked value when everything is right', () => {
    const value = {
      clients: [{ clientId: 'a', scopes: ['accounts:read'], lifetime: 60, strict: true, kind: 'user' }],
    };
    expect(validate(section, value)).toEqual({ ok: true, value });
  });

  it('leaves optional keys out when they are absent or null', () => {
    expect(validate(section, { clients: [{ clientId: 'a', scopes: null }] })).toEqual({
      ok: true,
      value: { clients: [{ clientId: 'a' }] },
    });
  });

  it('reports a missing required key with its path and what it should be', () => {
    expect(validate(section, { clients: [{}] })).toEqual({
      ok: false,
      problems: [{ path: 'clients[0].clientId', message: 'is required (a string)' }],
    });
  });

  it('reports every problem at once, each with its own key path', () => {
    const result = validate(
      section,
      {
        clients: [
          { clientId: 'ok' },
          { clientId: 42, scopes: ['accounts:read', 'NOT A SCOPE'], lifetime: 1.5 },
          { clientId: '', strict: 'yes', kind: 'robot' },
        ],
        name: ['x'],
      },
      'providers.tink',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.path)).toEqual([
      'providers.tink.clients[1].clientId',
      'providers.tink.clients[1].scopes[1]',
      'providers.tink.clients[1].lifetime',
      'providers.tink.clients[2].clientId',
      'providers.tink.clients[2].strict',
      'providers.tink.clients[2].kind',
      'providers.tink.name',
    ]);
    expect(result.problems).toContainEqual({
      path: 'providers.tink.clients[1].clientId',
      message: 'expected a string, got number 42',
    });
    expect(result.problems).toContainEqual({
      path: 'providers.tink.clients[1].scopes[1]',
      message: '"NOT A SCOPE" is not a scope such as accounts:read',
    });
    expect(result.problems).toContainEqual({
      path: 'providers.tink.clients[1].lifetime',
      message: 'expected a whole number, got 1.5',
    });
    expect(result.problems).toContainEqual({
      path: 'providers.tink.clients[2].clientId',
      message: 'must not be empty',
    });
    expect(result.problems).toContainEqual({
      path: 'providers.tink.clients[2].kind',
      message: 'expected one of user, client, got string "robot"',
    });
    expect(result.problems).toContainEqual({
      path: 'providers.tink.name',
      message: 'expected a string, got a list',
    });
  });

  it('reports unknown keys, naming the keys it expected', () => {
    expect(validate(client, { clientId: 'a', clientSecrett: 'x' }, 'clients[0]')).toEqual({
      ok: false,
      problems: [
        {
          path: 'clients[0].clientSecrett',
          message: 'unknown key (expected one of: clientId, scopes, lifetime, strict, kind)',
        },
      ],
    });
  });

  it('reports keys named like Object.prototype members as unknown too', () => {
    for (const key of ['constructor', 'toString', 'hasOwnProperty']) {
      const result = validate(client, { clientId: 'a', [key]: 'x' });
      expect(result).toMatchObject({ ok: false, problems: [{ path: key }] });
    }
  });

  it('keeps unknown keys when told to allow them', () => {
    expect(validate(object({}, { allowUnknown: true }), { anything: 1 })).toEqual({
      ok: true,
      value: { anything: 1 },
    });
  });

  it('says what it got instead of a mapping or a list', () => {
    expect(validate(section, null)).toEqual({
      ok: false,
      problems: [{ path: '', message: 'expected a mapping, got null' }],
    });
    expect(validate(section, [])).toEqual({
      ok: false,
      problems: [{ path: '', message: 'expected a mapping, got a list' }],
    });
    expect(validate(section, { clients: { clientId: 'a' } })).toEqual({
      ok: false,
      problems: [{ path: 'clients', message: 'expected a list, got a mapping' }],
    });
  });

  it('refuses numbers that are not finite or below the minimum', () => {
    const lifetime = number({ min: 1 });
    expect(validate(lifetime, Number.NaN)).toMatchObject({ ok: false });
    expect(validate(lifetime, Number.POSITIVE_INFINITY)).toMatchObject({ ok: false });
    expect(validate(lifetime, '60')).toEqual({
      ok: false,
      problems: [{ path: '', message: 'expected a number, got string "60"' }],
    });
    expect(validate(lifetime, 0)).toEqual({
      ok: false,
      problems: [{ path: '', message: 'must be at least 1, got 0' }],
    });
    expect(validate(lifetime, 1)).toEqual({ ok: true, value: 1 });
  });

  it('accepts false as a boolean value, not as a missing one', () => {
    expect(validate(client, { clientId: 'a', strict: false })).toEqual({
      ok: true,
      value: { clientId: 'a', strict: false },
    });
  });

  it('marks optional shapes optional without changing what they accept', () => {
    const shape = optional(string());
    expect(shape.optional).toBe(true);
    expect(string().optional).toBe(false);
    expect(validate(shape, 'x')).toEqual({ ok: true, value: 'x' });
    expect(validate(shape, 1)).toMatchObject({ ok: false });
  });
});
