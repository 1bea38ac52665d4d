import type { components } from '../../generated/tight.js';
import { tightErrors } from './errors.js';

type Cursor = components['schemas']['Cursor'];

/** Page size when the query names none; Tight's docs cap `limit` at 250. */
export const defaultLimit = 50;

/**
 * Cursor pagination as Tight's query endpoints answer it: `{"cursor":{"after","before"}}`, each key
 * present only when there is such a page. Cursors are opaque; ours encode an offset into a stable order.
 */
export function paginate<T>(
  items: T[],
  limit: number | undefined,
  cursor: string | undefined,
): { data: T[]; cursor: Cursor } {
  const size = limit ?? defaultLimit;
  const start = cursor === undefined ? 0 : decodeCursor(cursor);
  const data = items.slice(start, start + size);
  const out: Cursor = {};
  if (start + size < items.length) out.after = encodeCursor(start + size);
  if (start > 0) out.before = encodeCursor(Math.max(0, start - size));
  return { data, cursor: out };
}

function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

function decodeCursor(cursor: string): number {
  let offset: unknown;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    offset = typeof parsed === 'object' && parsed !== null && 'o' in parsed ? parsed.o : undefined;
  } catch {
    offset = undefined;
  }
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) {
    throw tightErrors.invalidValue(
      'cursor',
      'cursor is not one this API returned; pass back cursor.after or cursor.before.',
    );
  }
  return offset;
}
