import type { Kysely, Migration } from 'kysely';

/** Opportunities, introductions you make, mentorships and your personal brand. */
export function careerMigration(): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('opportunity')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('stage', 'text', (c) => c.notNull())
        .addColumn('organization_id', 'text', (c) => c.references('organization.id').onDelete('set null'))
        .addColumn('goal_id', 'text', (c) => c.references('goal.id').onDelete('set null'))
        .addColumn('next_step', 'text')
        .addColumn('due_on', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('opportunity_person')
        .addColumn('opportunity_id', 'text', (c) => c.notNull().references('opportunity.id').onDelete('cascade'))
        .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('opportunity_person_pk', ['opportunity_id', 'person_id'])
        .execute();
      await db.schema
        .createTable('introduction')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('person_a', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
        .addColumn('person_b', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
        .addColumn('why', 'text')
        // proposed, asked (double opt-in sent), accepted, made, declined
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('outcome', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('mentorship')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
        // mentor (they mentor you) or mentee (you mentor them)
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('focus', 'text')
        .addColumn('started_on', 'text', (c) => c.notNull())
        .addColumn('ended_on', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('brand_item')
        .addColumn('id', 'text', (c) => c.primaryKey())
        // pitch (for an audience), offer, ask, or content (a talk, post or article)
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text')
        .addColumn('audience', 'text')
        .addColumn('url', 'text')
        .addColumn('published_on', 'text')
        .addColumn('active', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('brand_engagement')
        .addColumn('item_id', 'text', (c) => c.notNull().references('brand_item.id').onDelete('cascade'))
        .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('brand_engagement_pk', ['item_id', 'person_id'])
        .execute();
    },
  };
}
