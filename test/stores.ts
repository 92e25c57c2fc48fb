import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely } from 'kysely';
import pg from 'pg';
import { createKith, type Kith } from '../src/services/kith.js';
import { openStore, storeFromKysely, type Store } from '../src/store/connect.js';
import type { Database } from '../src/store/schema.js';
import type { StoreDialect } from '../src/store/store-dialect.js';

/**
 * Every repository and service test runs on both dialects: SQLite on a real temp
 * file, and PostgreSQL on the server named by KITH_TEST_POSTGRES_URL (a fresh schema
 * per store), or in-process PGlite when no server is configured.
 */
export const DIALECTS: StoreDialect[] = ['sqlite', 'postgres'];

const postgresUrl = process.env.KITH_TEST_POSTGRES_URL;
let announced = false;

export interface TestStore {
  store: Store;
  kith: Kith;
  cleanup: () => Promise<void>;
}

export async function openTestStore(dialect: StoreDialect, now?: () => Date): Promise<TestStore> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'kith-test-'));
    const store = await openStore(join(dir, 'kith.db'));
    return {
      store,
      kith: createKith(store, now),
      cleanup: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (postgresUrl) {
    const schema = `kith_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const store = await openStore(postgresUrl, { schema });
    return {
      store,
      kith: createKith(store, now),
      cleanup: async () => {
        await store.close();
        const client = new pg.Client({ connectionString: postgresUrl });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await client.end();
      },
    };
  }
  if (!announced) {
    announced = true;
    console.log('KITH_TEST_POSTGRES_URL is not set: the PostgreSQL suite runs on in-process PGlite');
  }
  const { KyselyPGlite } = await import('kysely-pglite');
  const { dialect: pgliteDialect } = await KyselyPGlite.create();
  const store = await storeFromKysely(new Kysely<Database>({ dialect: pgliteDialect }), 'postgres');
  return { store, kith: createKith(store, now), cleanup: () => store.close() };
}
