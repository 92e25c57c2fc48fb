import { invalid } from '../domain/errors.js';

/** One page of a list, and the cursor of the next (null on the last page). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A cursor names the sort key and id of the last item shown: the next page starts after it. */
export function encodeCursor(key: string, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url');
}

export function decodeCursor(cursor: string): { key: string; id: string } {
  try {
    const [key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof key === 'string' && typeof id === 'string') return { key, id };
  } catch {
    // fall through to the error below
  }
  throw invalid('cursor', cursor, 'not a cursor returned by a previous page');
}

/**
 * Reads one more item than asked for, to tell whether another page follows, and
 * names the last item shown as the next page's cursor.
 */
export async function pageOf<T>(limit: number, read: (n: number) => Promise<T[]>, keyOf: (item: T) => { key: string; id: string }): Promise<Page<T>> {
  const rows = await read(limit + 1);
  const items = rows.slice(0, limit);
  const last = rows.length > limit ? items[items.length - 1] : undefined;
  if (!last) return { items, nextCursor: null };
  const { key, id } = keyOf(last);
  return { items, nextCursor: encodeCursor(key, id) };
}
