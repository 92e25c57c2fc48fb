import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { KithError } from '../domain/errors.js';
import { migrateToLatest } from './migrator.js';
import type { Database } from './schema.js';
import { withStatementCache } from './statement-cache.js';
import type { StoreDialect } from './store-dialect.js';

export interface Store {
  readonly db: Kysely<Database>;
  readonly dialect: StoreDialect;
  /** The raw SQLite handle, for bulk loads that would be slow through the query builder. */
  readonly sqlite: BetterSqlite3.Database | undefined;
  /**
   * A value that changes whenever the data may have: any commit by another
   * connection or any change by this one. Null where it cannot be known cheaply
   * (PostgreSQL), which turns read caches off.
   */
  changeMark(): string | null;
  close(): Promise<void>;
}

export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

export interface OpenOptions {
  /** PostgreSQL schema to use (created if missing); tests use a fresh one per run. */
  schema?: string;
}

export async function openStore(target: string, options: OpenOptions = {}): Promise<Store> {
  const store = isPostgresUrl(target) ? await openPostgres(target, options) : openSqlite(target);
  try {
    // The migration tables live in the store's own schema, or Kysely would find
    // another schema's and skip creating its own.
    await migrateToLatest(store.db, store.dialect, options.schema);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

/**
 * Creates a folder and its missing parents, one level at a time: Node's recursive
 * mkdir never returns on some special file systems (a path under /proc spins
 * forever), where one level at a time fails at once with the system's error.
 */
function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let at = dir; !existsSync(at); at = dirname(at)) {
    missing.unshift(at);
    if (dirname(at) === at) break;
  }
  for (const folder of missing) mkdirSync(folder);
}

function openSqlite(path: string): Store {
  let sqlite: BetterSqlite3.Database;
  try {
    if (path !== ':memory:') makeFolders(dirname(path));
    sqlite = new BetterSqlite3(path);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    // NORMAL is durable across application crashes in WAL mode; only a power cut
    // can lose the last commits, never corrupt the file.
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('busy_timeout = 5000');
    // 64 MiB of page cache: index pages of a large network stay in memory.
    sqlite.pragma('cache_size = -65536');
  } catch (error) {
    throw new KithError('unavailable', 'database_unavailable', `cannot open database ${path}: ${(error as Error).message}`);
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  const changes = sqlite.prepare('SELECT total_changes() AS n');
  return {
    db,
    dialect: 'sqlite',
    sqlite,
    changeMark: () => `${sqlite.pragma('data_version', { simple: true })}:${(changes.get() as { n: number }).n}`,
    close: () => db.destroy(),
  };
}

async function openPostgres(url: string, options: OpenOptions): Promise<Store> {
  const schema = options.schema;
  if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) {
    throw new KithError('validation', 'invalid_schema', `invalid schema name ${JSON.stringify(schema)}`);
  }
  // Loaded only here: most people run on SQLite, and pg takes a tenth of a second to load.
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString: url,
    max: 4,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  try {
    const client = await pool.connect();
    try {
      if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end();
    throw new KithError('unavailable', 'database_unavailable', `cannot connect to PostgreSQL: ${(error as Error).message}`);
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', sqlite: undefined, changeMark: () => null, close: () => db.destroy() };
}

/** Wraps an already open Kysely instance (PGlite in tests) and migrates it. */
export async function storeFromKysely(db: Kysely<Database>, dialect: StoreDialect): Promise<Store> {
  await migrateToLatest(db, dialect);
  return { db, dialect, sqlite: undefined, changeMark: () => null, close: () => db.destroy() };
}
