import { describe, expect, it } from 'vitest';
import { sharedScopeLists } from '../../../src/engine/scope-cache.js';

const split = (value: string) => value.split(' ');

describe('sharedScopeLists', () => {
  it('hands out one frozen list per scope string', () => {
    const parse = sharedScopeLists(split);
    const first = parse('a:read b:read');
    expect(first).toEqual(['a:read', 'b:read']);
    expect(parse('a:read b:read')).toBe(first);
    expect(parse('b:read')).not.toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(() => (first as string[]).push('c:read')).toThrow(TypeError);
  });

  it('parses afresh, still frozen, once it holds `limit` strings', () => {
    const parse = sharedScopeLists(split, 2);
    parse('a');
    parse('b');
    const third = parse('c');
    expect(third).toEqual(['c']);
    expect(parse('c')).not.toBe(third);
    expect(Object.isFrozen(parse('c'))).toBe(true);
    expect(parse('a')).toBe(parse('a'));
  });
});
