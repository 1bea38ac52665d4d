import { describe, expect, it } from 'vitest';
import { InternedLists } from '../../../src/engine/interned.js';

describe('InternedLists', () => {
  it('keeps one frozen copy per content, whichever array brings it', () => {
    const lists = new InternedLists();
    const a = lists.id(['read', 'write']);
    expect(lists.id(['read', 'write'])).toBe(a);
    expect(lists.id(['write', 'read'])).not.toBe(a);
    expect(Object.isFrozen(lists.valueOf(a))).toBe(true);
  });

  it('sees a list its caller changed after interning it, rather than the content it had', () => {
    const lists = new InternedLists();
    const scopes = ['read'];
    const before = lists.id(scopes);
    scopes[0] = 'admin';
    const after = lists.id(scopes);
    expect(after).not.toBe(before);
    expect(lists.valueOf(after)).toEqual(['admin']);
    expect(lists.valueOf(before)).toEqual(['read']);
  });

  it('takes a frozen list (which cannot change) by identity, as its content', () => {
    const lists = new InternedLists();
    const scopes = Object.freeze(['read', 'write']);
    const id = lists.id(scopes);
    expect(lists.id(scopes)).toBe(id);
    expect(lists.id(['read', 'write'])).toBe(id);
    expect(lists.id(Object.freeze(['write']))).not.toBe(id);
  });
});
