import { sql, type Kysely, type Migration } from 'kysely';
import type { StoreDialect } from '../store-dialect.js';

/** Tie-strength totals, cadences, reminders, today's queue actions, birthday lookup. */
export function keepInTouchMigration(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<any>) {
      const withoutRowid = dialect === 'sqlite' ? sql`WITHOUT ROWID` : sql``;
      // "MM-DD" of the birthday, with or without a year, so upcoming birthdays are an index lookup.
      await db.schema.alterTable('person').addColumn('birthday_md', 'text').execute();
      await sql`UPDATE person SET birthday_md = substr(birthday, length(birthday) - 4, 5) WHERE birthday IS NOT NULL`.execute(db);
      await db.schema.createIndex('person_birthday_md').on('person').column('birthday_md').execute();
      // Recent job changes are found by when a position started, or was recorded.
      await db.schema.createIndex('position_start').on('position').column('start_date').execute();
      await db.schema.createIndex('position_created').on('position').column('created_at').execute();

      await db.schema
        .createTable('contact_stats')
        .addColumn('person_id', 'text', (c) => c.primaryKey().references('person.id').onDelete('cascade'))
        .addColumn('interactions', 'integer', (c) => c.notNull())
        .addColumn('first_at', 'text')
        .addColumn('last_at', 'text')
        .addColumn('outbound', 'integer', (c) => c.notNull())
        .addColumn('inbound', 'integer', (c) => c.notNull())
        .addColumn('mutual', 'integer', (c) => c.notNull())
        .addColumn('richness_sum', 'double precision', (c) => c.notNull())
        .addColumn('decayed_short', 'double precision', (c) => c.notNull())
        .addColumn('decayed_long', 'double precision', (c) => c.notNull())
        .addColumn('ref_at', 'text')
        .modifyEnd(withoutRowid)
        .execute();

      await db.schema
        .createTable('cadence')
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('ideal_days', 'integer')
        .addColumn('max_days', 'integer')
        .addPrimaryKeyConstraint('cadence_pk', ['scope', 'target'])
        .modifyEnd(withoutRowid)
        .execute();

      await db.schema
        .createTable('reminder')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('person_id', 'text', (c) => c.references('person.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('local_start', 'text', (c) => c.notNull())
        .addColumn('timezone', 'text', (c) => c.notNull())
        .addColumn('rrule', 'text')
        .addColumn('due_at', 'text', (c) => c.notNull())
        .addColumn('snoozed_until', 'text')
        .addColumn('done_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('reminder_open_due').on('reminder').columns(['done_at', 'due_at']).execute();
      await db.schema.createIndex('reminder_person').on('reminder').column('person_id').execute();

      await db.schema
        .createTable('queue_action')
        .addColumn('person_id', 'text', (c) => c.primaryKey().references('person.id').onDelete('cascade'))
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('until', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .modifyEnd(withoutRowid)
        .execute();
    },
  };
}
