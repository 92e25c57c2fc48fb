import { sql, type RawBuilder } from 'kysely';
import type { StoreDialect } from './store-dialect.js';

/**
 * Any number of values as one bound parameter, for `where(column, 'in', valueList(…))`:
 * SQLite reads a JSON array with json_each, PostgreSQL unnests a text array. A batch
 * import's 5,000 keys are then one statement, prepared once, where a list of
 * parameters took ten statements of 500, each assembled anew by the query builder,
 * and assembling them cost more than running them.
 */
export function valueList(dialect: StoreDialect, values: readonly string[]): RawBuilder<string> {
  if (dialect === 'sqlite') return sql<string>`(SELECT value FROM json_each(${JSON.stringify(values)}))`;
  return sql<string>`(SELECT unnest(${values as string[]}::text[]))`;
}
