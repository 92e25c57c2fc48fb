import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { KithError } from '../domain/errors.js';
import { coreMigration } from './migrations/0001-core.js';
import { keepInTouchMigration } from './migrations/0002-keep-in-touch.js';
import { importsMigration } from './migrations/0003-imports.js';
import { accessMigration } from './migrations/0004-access.js';
import { playbookMigration } from './migrations/0005-playbook.js';
import { eventsMigration } from './migrations/0006-events.js';
import { exchangesMigration } from './migrations/0007-exchanges.js';
import { careerMigration } from './migrations/0008-career.js';
import { searchableCustomFieldsMigration } from './migrations/0009-searchable-custom-fields.js';
import type { StoreDialect } from './store-dialect.js';

function migrationsFor(dialect: StoreDialect): Record<string, Migration> {
  return {
    '0001-core': coreMigration(dialect),
    '0002-keep-in-touch': keepInTouchMigration(dialect),
    '0003-imports': importsMigration(dialect),
    '0004-access': accessMigration(),
    '0005-playbook': playbookMigration(),
    '0006-events': eventsMigration(),
    '0007-exchanges': exchangesMigration(),
    '0008-career': careerMigration(),
    '0009-searchable-custom-fields': searchableCustomFieldsMigration(dialect),
  };
}

export async function migrateToLatest(db: Kysely<any>, dialect: StoreDialect, schema?: string): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrationsFor(dialect) };
  const { error, results } = await new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new KithError('internal', 'migration_failed', `database migration ${failed} failed: ${(error as Error).message ?? error}`);
  }
}
