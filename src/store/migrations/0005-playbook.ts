import type { Kysely, Migration } from 'kysely';

/** Goals with key results, and the audiences (saved segments) they are about. */
export function playbookMigration(): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('audience')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('description', 'text')
        // The filter as JSON (see domain/audience.ts): criteria change more often than tables should.
        .addColumn('filter', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('goal')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('why', 'text')
        .addColumn('target_date', 'text')
        .addColumn('audience_id', 'text', (c) => c.references('audience.id').onDelete('set null'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('done_at', 'text')
        .execute();
      await db.schema
        .createTable('key_result')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('goal_id', 'text', (c) => c.notNull().references('goal.id').onDelete('cascade'))
        .addColumn('metric', 'text', (c) => c.notNull())
        .addColumn('target', 'integer', (c) => c.notNull())
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('ordinal', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('key_result_goal').on('key_result').column('goal_id').execute();
    },
  };
}
