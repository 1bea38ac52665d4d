import { describe, expect, it } from 'vitest';
import { covers, formatScopes, parseScopes, uncovered } from '../../../../src/providers/uphold/scopes.js';

describe('Uphold scopes', () => {
  it('splits on spaces, dropping empty names and repeats', () => {
    expect(parseScopes('  core.users:read  core.accounts:read core.users:read ')).toEqual([
      'core.users:read',
      'core.accounts:read',
    ]);
  });

  it('joins with single spaces', () => {
    expect(formatScopes(['a:read', 'b:write'])).toBe('a:read b:write');
  });

  it('lets a granted scope cover itself only', () => {
    expect(covers(['core.users:read'], 'core.users:read')).toBe(true);
    expect(covers(['core.users:read'], 'core.users:create')).toBe(false);
    expect(covers(['core.users:read'], 'core.users.metadata:read')).toBe(false);
  });

  it('lets a wildcard cover every action of its resource and nothing else', () => {
    expect(covers(['core.users:*'], 'core.users:act-on-behalf-of')).toBe(true);
    expect(covers(['core.users:*'], 'core.users.metadata:read')).toBe(false);
    expect(covers(['core.users:read'], 'core.users:*')).toBe(false);
  });

  it('lists what a grant lacks', () => {
    expect(uncovered(['core.users:read'], ['core.users:read', 'core.accounts:read'])).toEqual([
      'core.accounts:read',
    ]);
  });
});
