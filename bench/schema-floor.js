// The floor of an import on Kith's schema: every row an import wrote, read back
// and written again, straight, into a fresh database of the same schema, in one
// transaction with one prepared statement per table. No parsing, no lookups, no
// search tokenising, no batches: what is left is the cost of the rows and their
// indexes, which no import on this schema can go below.
import { spawnSync } from 'node:child_process';
import BetterSqlite3 from 'better-sqlite3';
import { clean } from './measure.js';

/** Tables SQLite or FTS5 keep for themselves: they are written by writing their owners. */
function ownTables(db) {
  const virtual = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'").all().map((r) => r.name);
  const shadow = (name) => virtual.some((v) => ['data', 'idx', 'content', 'docsize', 'config'].some((suffix) => name === `${v}_${suffix}`));
  return db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%' ORDER BY rowid")
    .all()
    .map((r) => r.name)
    .filter((name) => !shadow(name));
}

/**
 * Milliseconds to write the rows of `source` into a fresh Kith database at `target`
 * (created by the CLI, so with every migration), and how many rows that was.
 */
export function schemaFloor({ bin, source, target }) {
  clean(target);
  const setup = spawnSync(process.execPath, [bin, '--db', target, 'config', 'get', 'me.emails'], { encoding: 'utf8' });
  if (setup.status !== 0) throw new Error(`cannot create ${target}: ${setup.stderr}`);
  const from = new BetterSqlite3(source, { readonly: true });
  const tables = [];
  for (const name of ownTables(from)) {
    // FTS5 tables show their rowid only when asked; the person_fts rows hang on it.
    const virtualTable = /VIRTUAL/.test(from.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').get(name).sql);
    const rows = from.prepare(virtualTable ? `SELECT rowid, * FROM "${name}"` : `SELECT * FROM "${name}"`).raw().all();
    if (rows.length === 0) continue;
    const columns = from.prepare(virtualTable ? `SELECT rowid, * FROM "${name}" LIMIT 1` : `SELECT * FROM "${name}" LIMIT 1`).columns().map((c) => c.name);
    tables.push({ name, columns, rows });
  }
  from.close();
  const to = new BetterSqlite3(target);
  // As Kith opens its database (src/store/connect.ts).
  to.pragma('journal_mode = WAL');
  to.pragma('foreign_keys = ON');
  to.pragma('synchronous = NORMAL');
  to.pragma('cache_size = -65536');
  // Rows a new database starts with (its settings, say) are there already.
  const work = tables.filter((t) => to.prepare(`SELECT count(*) AS n FROM "${t.name}"`).get().n === 0);
  const statements = work.map((t) => to.prepare(`INSERT INTO "${t.name}" (${t.columns.map((c) => `"${c}"`).join(', ')}) VALUES (${t.columns.map(() => '?').join(', ')})`));
  const perTable = {};
  const start = process.hrtime.bigint();
  to.transaction(() => {
    // Foreign keys are checked, at the commit, so the tables can come in any order.
    to.pragma('defer_foreign_keys = ON');
    for (const [i, t] of work.entries()) {
      const tableStart = process.hrtime.bigint();
      for (const row of t.rows) statements[i].run(row);
      perTable[t.name] = Number(process.hrtime.bigint() - tableStart) / 1e6;
    }
  })();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  to.close();
  clean(target);
  return { ms, rows: work.reduce((n, t) => n + t.rows.length, 0), perTable };
}
