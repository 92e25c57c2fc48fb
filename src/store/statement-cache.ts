import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Distinct SQL texts whose prepared statements are kept (the least recently used go first). */
const KEPT = 1000;

/**
 * The SQLite handle as the query builder sees it, with prepared statements reused
 * by SQL text. Kysely prepares every statement it runs; on small queries repeated
 * thousands of times (an import's lookups per record) preparing cost more than
 * running. Reuse is safe here because better-sqlite3 runs each statement to the
 * end synchronously (nothing in Kith streams a query), and SQLite prepares a
 * statement again by itself when the schema changes.
 */
export function withStatementCache(sqlite: BetterSqlite3.Database, kept = KEPT): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (sql: string) => {
      let statement = statements.get(sql);
      if (statement) {
        statements.delete(sql); // to the back: most recently used
      } else {
        statement = sqlite.prepare(sql);
        if (statements.size >= kept) statements.delete(statements.keys().next().value!);
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}
