import { sql, type Kysely, type Migration } from 'kysely';
import type { StoreDialect } from '../store-dialect.js';

/** People, organizations, positions, interactions, notes, tags, relationships, search. */
export function coreMigration(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<any>) {
      // On SQLite, link tables are stored in their primary-key B-tree only (WITHOUT
      // ROWID): one B-tree less to write per row. Entity tables keep their rowid so
      // that secondary indexes point at 8-byte rowids rather than 36-byte ids.
      const withoutRowid = dialect === 'sqlite' ? sql`WITHOUT ROWID` : sql``;
      await db.schema
        .createTable('person')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('name_key', 'text', (c) => c.notNull())
        .addColumn('given_name', 'text')
        .addColumn('family_name', 'text')
        .addColumn('nickname', 'text')
        .addColumn('pronouns', 'text')
        .addColumn('location', 'text')
        .addColumn('birthday', 'text')
        .addColumn('how_met', 'text')
        .addColumn('met_on', 'text')
        .addColumn('introduced_by_id', 'text', (c) => c.references('person.id').onDelete('set null'))
        .addColumn('tier', 'text')
        .addColumn('custom_fields', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('archived_at', 'text')
        .addColumn('last_contact_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('person_name_key').on('person').columns(['name_key', 'id']).execute();
      await db.schema.createIndex('person_tier').on('person').column('tier').execute();
      await db.schema.createIndex('person_last_contact').on('person').column('last_contact_at').execute();
      await db.schema.createIndex('person_introduced_by').on('person').column('introduced_by_id').execute();

      await db.schema
        .createTable('person_email')
        .addColumn('email', 'text', (c) => c.primaryKey())
        .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
        .addColumn('label', 'text')
        .addColumn('ordinal', 'integer', (c) => c.notNull())
        .modifyEnd(withoutRowid)
        .execute();
      await db.schema.createIndex('person_email_person').on('person_email').column('person_id').execute();

      await db.schema
        .createTable('person_phone')
        .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
        .addColumn('phone', 'text', (c) => c.notNull())
        .addColumn('label', 'text')
        .addColumn('ordinal', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('person_phone_pk', ['person_id', 'phone'])
        .modifyEnd(withoutRowid)
        .execute();
      await db.schema.createIndex('person_phone_phone').on('person_phone').column('phone').execute();

      await db.schema
        .createTable('person_url')
        .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('ordinal', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('person_url_pk', ['person_id', 'url'])
        .modifyEnd(withoutRowid)
        .execute();
      await db.schema.createIndex('person_url_url').on('person_url').column('url').execute();

      await db.schema
        .createTable('organization')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('name_key', 'text', (c) => c.notNull())
        .addColumn('domain', 'text')
        .addColumn('industry', 'text')
        .addColumn('location', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('organization_name_key').on('organization').column('name_key').execute();
      await db.schema.createIndex('organization_domain').on('organization').column('domain').execute();

      await db.schema
        .createTable('position')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
        .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id').onDelete('cascade'))
        .addColumn('title', 'text')
        .addColumn('start_date', 'text')
        .addColumn('end_date', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('position_person').on('position').columns(['person_id', 'end_date']).execute();
      await db.schema.createIndex('position_organization').on('position').columns(['organization_id', 'end_date']).execute();

      await db.schema
        .createTable('interaction')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('occurred_at', 'text', (c) => c.notNull())
        .addColumn('duration_minutes', 'integer')
        .addColumn('direction', 'text', (c) => c.notNull())
        .addColumn('summary', 'text')
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('external_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      // Only imported interactions carry an external id; the partial index keeps
      // hand-logged ones out of it.
      await db.schema
        .createIndex('interaction_source_external')
        .on('interaction')
        .columns(['source', 'external_id'])
        .unique()
        .where(sql.ref('external_id'), 'is not', null)
        .execute();
      await db.schema.createIndex('interaction_occurred').on('interaction').column('occurred_at').execute();

      await db.schema
        .createTable('interaction_participant')
        .addColumn('interaction_id', 'text', (c) => c.notNull().references('interaction.id').onDelete('cascade'))
        .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('interaction_participant_pk', ['interaction_id', 'person_id'])
        .modifyEnd(withoutRowid)
        .execute();
      await db.schema.createIndex('interaction_participant_person').on('interaction_participant').column('person_id').execute();

      await db.schema
        .createTable('note')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('note_person')
        .addColumn('note_id', 'text', (c) => c.notNull().references('note.id').onDelete('cascade'))
        .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('note_person_pk', ['note_id', 'person_id'])
        .modifyEnd(withoutRowid)
        .execute();
      await db.schema.createIndex('note_person_person').on('note_person').column('person_id').execute();

      await db.schema
        .createTable('tag')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('person_tag')
        .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
        .addColumn('tag_id', 'text', (c) => c.notNull().references('tag.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('person_tag_pk', ['person_id', 'tag_id'])
        .modifyEnd(withoutRowid)
        .execute();
      await db.schema.createIndex('person_tag_tag').on('person_tag').columns(['tag_id', 'person_id']).execute();

      await db.schema
        .createTable('relationship')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('from_person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
        .addColumn('to_person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('relationship_unique', ['from_person_id', 'to_person_id', 'kind'])
        .execute();
      await db.schema.createIndex('relationship_to').on('relationship').column('to_person_id').execute();

      // Typo-tolerant name search: see src/domain/fuzzy-match.ts.
      await db.schema
        .createTable('name_token')
        .addColumn('token', 'text', (c) => c.notNull())
        .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('name_token_pk', ['token', 'person_id'])
        .modifyEnd(withoutRowid)
        .execute();
      await db.schema.createIndex('name_token_person').on('name_token').column('person_id').execute();
      await db.schema
        .createTable('name_key')
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('token', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('name_key_pk', ['key', 'token'])
        .modifyEnd(withoutRowid)
        .execute();

      await db.schema
        .createTable('setting')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .modifyEnd(withoutRowid)
        .execute();

      if (dialect === 'sqlite') {
        // FTS5 addresses documents by integer rowid; this table ties each rowid to a person.
        await sql`CREATE TABLE person_fts_row (
          rowid INTEGER PRIMARY KEY,
          person_id TEXT NOT NULL UNIQUE REFERENCES person(id) ON DELETE CASCADE
        )`.execute(db);
        await sql`CREATE VIRTUAL TABLE person_fts USING fts5(names, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')`.execute(db);
      } else {
        await sql`CREATE TABLE person_search (
          person_id text PRIMARY KEY REFERENCES person(id) ON DELETE CASCADE,
          document tsvector NOT NULL
        )`.execute(db);
        await sql`CREATE INDEX person_search_document ON person_search USING gin (document)`.execute(db);
      }
    },
  };
}
