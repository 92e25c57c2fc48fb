import type { Kysely, Migration } from 'kysely';

/**
 * Who may use the server: the owner's password, browser sessions and named tokens
 * (for scripts and the calendar feed). Only hashes are stored, never a secret itself.
 */
export function accessMigration(): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('account')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('session')
        .addColumn('id_hash', 'text', (c) => c.primaryKey())
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('api_token')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        // 'api' for scripts (bearer), 'feed' for the calendar feed URL.
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_used_at', 'text')
        .execute();
    },
  };
}
