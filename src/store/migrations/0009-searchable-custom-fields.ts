import { sql, type Kysely, type Migration } from 'kysely';
import { foldText } from '../../domain/names.js';
import type { StoreDialect } from '../store-dialect.js';

/** People whose documents are extended per statement batch. */
const BATCH = 500;

/**
 * Search documents now hold the values of custom fields (see SearchRepository). The
 * documents of people who had custom fields before get those values added, as the
 * search index would have written them: folded, in the body. Only the tables as they
 * are at this migration are used, so that it still runs after later ones change them.
 */
export function searchableCustomFieldsMigration(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<any>) {
      for (let after = ''; ; ) {
        const rows: Array<{ id: string; custom_fields: string }> = await db
          .selectFrom('person')
          .select(['id', 'custom_fields'])
          .where('custom_fields', '<>', '{}')
          .where('id', '>', after)
          .orderBy('id')
          .limit(BATCH)
          .execute();
        if (rows.length === 0) return;
        for (const row of rows) {
          const text = foldText(Object.values(JSON.parse(row.custom_fields) as Record<string, string>).join('\n'));
          if (!text.trim()) continue;
          if (dialect === 'sqlite') {
            await sql`UPDATE person_fts SET body = body || ${`\n${text}`} WHERE rowid = (SELECT rowid FROM person_fts_row WHERE person_id = ${row.id})`.execute(db);
          } else {
            await sql`UPDATE person_search SET document = document || setweight(to_tsvector('simple', ${text}), 'B') WHERE person_id = ${row.id}`.execute(db);
          }
        }
        after = rows[rows.length - 1]!.id;
      }
    },
  };
}
