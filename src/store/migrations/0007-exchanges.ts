import type { Kysely, Migration } from 'kysely';

/** The give-and-ask ledger: what you gave each person, and what you asked of them or received. */
export function exchangesMigration(): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('exchange')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
        // gave, asked or received
        .addColumn('direction', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('occurred_on', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('exchange_person').on('exchange').columns(['person_id', 'occurred_on']).execute();
    },
  };
}
