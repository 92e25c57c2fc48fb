import type BetterSqlite3 from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
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

  /** Inserts rows, or updates the row with the same key where one exists. */
  async upsert<T extends keyof Database>(table: T, rows: Array<Database[T]>, key: Array<keyof Database[T] & string>): Promise<void> {
    if (rows.length === 0) return;
    const columns = Object.keys(rows[0]!);
    const updated = columns.filter((c) => !key.includes(c as keyof Database[T] & string));
    if (this.sqlite) {
      const statement = this.statement(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
        ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${updated.map((c) => `${c} = excluded.${c}`).join(', ')}`);
      for (const row of rows as unknown as Array<Record<string, unknown>>) statement.run(columns.map((c) => row[c] ?? null));
      return;
    }
    for (const part of chunks(rows, Math.floor(30_000 / columns.length))) {
      await (this.db as Kysely<any>)
        .insertInto(table)
        .values(part)
        .onConflict((oc: any) => oc.columns(key).doUpdateSet(Object.fromEntries(updated.map((c) => [c, sql.ref(`excluded.${c}`)]))))
        .execute();
    }
  }

  private statement(text: string): BetterSqlite3.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.sqlite!.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  /** Inserts rows; with skipExisting, a row whose key is taken is left out instead of failing. */
  async write(rows: TableRows, options: { skipExisting?: boolean } = {}): Promise<void> {
    const tables = Object.entries(rows).filter(([, list]) => list && list.length > 0) as unknown as Array<[keyof Database, Array<Record<string, unknown>>]>;
    for (const [table, list] of tables) {
      const columns = Object.keys(list[0]!);
      if (this.sqlite) {
        const insert = this.statement(`INSERT ${options.skipExisting ? 'OR IGNORE ' : ''}INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
        for (const row of list) insert.run(columns.map((c) => row[c] ?? null));
        continue;
      }
      for (const part of chunks(list, Math.floor(30_000 / columns.length))) {
        const insert = (this.db as Kysely<any>).insertInto(table).values(part);
        await (options.skipExisting ? insert.onConflict((oc) => oc.doNothing()) : insert).execute();
      }
    }
  }

  /** Runs one statement per item on SQLite (prepared once), in the caller's transaction. */
  runEach<T>(text: string, items: readonly T[], values: (item: T) => unknown[]): void {
    const statement = this.statement(text);
    for (const item of items) statement.run(values(item));
  }
}
