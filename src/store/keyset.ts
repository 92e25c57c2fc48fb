import { sql, type RawBuilder, type SqlBool } from 'kysely';

/**
 * The rows that come after a cursor's (key, id) in a list ordered by key then id,
 * both ascending or both descending: the next page of a keyset pagination.
 */
export function afterCursor(keyColumn: string, idColumn: string, after: { key: string; id: string }, order: 'asc' | 'desc'): RawBuilder<SqlBool> {
  const beyond = sql.raw(order === 'asc' ? '>' : '<');
  const key = sql.ref(keyColumn);
  return sql<SqlBool>`(${key} ${beyond} ${after.key} OR (${key} = ${after.key} AND ${sql.ref(idColumn)} ${beyond} ${after.id}))`;
}
