import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { chunks } from './chunks.js';
import type { Database } from './schema.js';

/** Rows for several tables, written in the order the tables are listed (parents first). */
export type TableRows = { [T in keyof Database]?: Array<Database[T]> };

/**
 * Inserts many rows at once. On SQLite it runs cached prepared statements on the raw
 * handle, which shares the query builder's connection and so its transaction: at this
 * volume building SQL text costs more than the insert itself. On PostgreSQL it sends
 * multi-row inserts sized to stay under the driver's parameter limit.
 */
export class RowWriter {
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly sqlite: BetterSqlite3.Database | undefined,
  ) {}

  async write(rows: TableRows): Promise<void> {
    const tables = Object.entries(rows).filter(([, list]) => list && list.length > 0) as unknown as Array<[keyof Database, Array<Record<string, unknown>>]>;
    for (const [table, list] of tables) {
      const columns = Object.keys(list[0]!);
      if (this.sqlite) {
        const key = `${table}(${columns.join(',')})`;
        let insert = this.statements.get(key);
        if (!insert) {
          insert = this.sqlite.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
          this.statements.set(key, insert);
        }
        for (const row of list) insert.run(columns.map((c) => row[c] ?? null));
        continue;
      }
      for (const part of chunks(list, Math.floor(30_000 / columns.length))) {
        await (this.db as Kysely<any>).insertInto(table).values(part).execute();
      }
    }
  }
}
