import type BetterSqlite3 from 'better-sqlite3';

/** The tables a bulk load fills by the hundred thousand rows. */
const BULK_TABLES = ['interaction', 'interaction_participant', 'person_tag', 'position', 'note_person', 'person_email', 'person_phone', 'person_url'];

/**
 * Drops the secondary indexes of the bulk tables and returns the statements that
 * make them again. Building an index by sorting is many times faster than updating
 * it one random row at a time; inside a transaction the drop is undone with it.
 */
export function dropSecondaryIndexes(sqlite: BetterSqlite3.Database): string[] {
  const indexes = sqlite
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${BULK_TABLES.map(() => '?').join(', ')})`)
    .all(...BULK_TABLES) as Array<{ name: string; sql: string }>;
  for (const index of indexes) sqlite.exec(`DROP INDEX "${index.name}"`);
  return indexes.map((i) => i.sql);
}

/** Makes again the indexes dropSecondaryIndexes dropped; call it before anything reads by them. */
export function createIndexes(sqlite: BetterSqlite3.Database, statements: string[]): void {
  for (const ddl of statements) sqlite.exec(ddl);
}
