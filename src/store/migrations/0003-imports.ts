import { sql, type Kysely, type Migration } from 'kysely';
import type { StoreDialect } from '../store-dialect.js';

/** Where imported people came from (for idempotent re-imports), their photos, dismissed duplicates. */
export function importsMigration(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<any>) {
      const withoutRowid = dialect === 'sqlite' ? sql`WITHOUT ROWID` : sql``;
      await db.schema
        .createTable('person_source')
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('external_id', 'text', (c) => c.notNull())
        .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
        // A digest of the record as last imported: an unchanged record is skipped whole.
        .addColumn('fingerprint', 'text', (c) => c.notNull())
        .addColumn('imported_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('person_source_pk', ['source', 'external_id'])
        .modifyEnd(withoutRowid)
        .execute();
      await db.schema.createIndex('person_source_person').on('person_source').column('person_id').execute();
      // "Not the same person" decisions, stored with the smaller id first.
      await db.schema
        .createTable('dupe_dismissal')
        .addColumn('person_a', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
        .addColumn('person_b', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('dupe_dismissal_pk', ['person_a', 'person_b'])
        .modifyEnd(withoutRowid)
        .execute();
      await db.schema
        .createTable('person_photo')
        .addColumn('person_id', 'text', (c) => c.primaryKey().references('person.id').onDelete('cascade'))
        .addColumn('media_type', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
