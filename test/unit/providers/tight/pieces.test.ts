import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../../../src/engine/errors.js';
import { validate } from '../../../../src/engine/shape.js';
import { escapeHtml, withQuery } from '../../../../src/providers/tight/consent-page.js';
import { paginate } from '../../../../src/providers/tight/pagination.js';
import { tightSection } from '../../../../src/providers/tight/scenario.js';

describe('Tight building blocks', () => {
  it('escapes every character that could break out of HTML text or a quoted attribute', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&\`</a>`)).toBe(
      '&#60;a href=&#34;x&#34; onclick=&#39;y&#39;&#62;&#38;&#96;&#60;/a&#62;',
    );
  });

  it('keeps the query a redirect URI already has and leaves out undefined parameters', () => {
    expect(withQuery('https://app.example/cb?tenant=1', { code: 'c d', state: undefined })).toBe(
      'https://app.example/cb?tenant=1&code=c+d',
    );
  });

  it('pages with after and before cursors that lead to the neighbouring pages', () => {
    const items = Array.from({ length: 7 }, (_, i) => i);
    const first = paginate(items, 3, undefined);
    expect(first).toEqual({ data: [0, 1, 2], cursor: { after: expect.any(String) } });
    const second = paginate(items, 3, first.cursor.after);
    expect(second.data).toEqual([3, 4, 5]);
    expect(paginate(items, 3, second.cursor.before).data).toEqual([0, 1, 2]);
    expect(paginate(items, 3, second.cursor.after)).toEqual({
      data: [6],
      cursor: { before: expect.any(String) },
    });
  });

  it('refuses a cursor it did not issue with a Tight INVALID_VALUE error', () => {
    try {
      paginate([1], 1, Buffer.from('{"o":-1}').toString('base64url'));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ProviderError);
      expect(error).toMatchObject({
        status: 400,
        body: { error: [{ type: 'INVALID_VALUE', param: 'cursor' }] },
      });
    }
  });

  it('reports scenario mistakes with their key path', () => {
    const checked = validate(
      tightSection,
      {
        users: [{ id: 'u1', role: 'admin', companies: ['co_a'] }],
        transactions: [{ companyId: 'co_a', date: 'soon' }],
      },
      'providers.tight',
    );
    expect(checked.ok).toBe(false);
    const paths = checked.ok ? [] : checked.problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'providers.tight.users[0].role',
        'providers.tight.transactions[0].date',
        'providers.tight.transactions[0].amount',
      ]),
    );
  });
});
