import type { Kysely, Migration } from 'kysely';

/** Networking events and who is (or was) there. */
export function eventsMigration(): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('event')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('starts_on', 'text', (c) => c.notNull())
        .addColumn('place', 'text')
        .addColumn('link', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('pitch', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('event_starts_on').on('event').column('starts_on').execute();
      await db.schema
        .createTable('event_attendee')
        .addColumn('event_id', 'text', (c) => c.notNull().references('event.id').onDelete('cascade'))
        .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
        // attending (known to be there), want_to_meet, or met (new, captured after).
        .addColumn('role', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('event_attendee_pk', ['event_id', 'person_id'])
        .execute();
      await db.schema.createIndex('event_attendee_person').on('event_attendee').column('person_id').execute();
    },
  };
}
