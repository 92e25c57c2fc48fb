import { sql, type Kysely } from 'kysely';
import { chunks } from './chunks.js';
import type { Database } from './schema.js';

/**
 * Every stored table in an order that satisfies foreign keys, with its primary key
 * for keyset paging. Search documents and name tokens are derived and rebuilt on
 * restore, so they are not here.
 */
export const BACKUP_TABLES: Array<{ table: keyof Database; key: string[] }> = [
  { table: 'setting', key: ['key'] },
  { table: 'organization', key: ['id'] },
  { table: 'person', key: ['id'] },
  { table: 'person_email', key: ['email'] },
  { table: 'person_phone', key: ['person_id', 'phone'] },
  { table: 'person_url', key: ['person_id', 'url'] },
  { table: 'position', key: ['id'] },
  { table: 'tag', key: ['id'] },
  { table: 'person_tag', key: ['person_id', 'tag_id'] },
  { table: 'interaction', key: ['id'] },
  { table: 'interaction_participant', key: ['interaction_id', 'person_id'] },
  { table: 'note', key: ['id'] },
  { table: 'note_person', key: ['note_id', 'person_id'] },
  { table: 'relationship', key: ['id'] },
  { table: 'contact_stats', key: ['person_id'] },
  { table: 'cadence', key: ['scope', 'target'] },
  { table: 'reminder', key: ['id'] },
  { table: 'queue_action', key: ['person_id'] },
  { table: 'person_source', key: ['source', 'external_id'] },
  { table: 'person_photo', key: ['person_id'] },
  { table: 'dupe_dismissal', key: ['person_a', 'person_b'] },
  { table: 'audience', key: ['id'] },
  { table: 'goal', key: ['id'] },
  { table: 'key_result', key: ['id'] },
  { table: 'event', key: ['id'] },
  { table: 'event_attendee', key: ['event_id', 'person_id'] },
  { table: 'exchange', key: ['id'] },
  { table: 'opportunity', key: ['id'] },
  { table: 'opportunity_person', key: ['opportunity_id', 'person_id'] },
  { table: 'introduction', key: ['id'] },
  { table: 'mentorship', key: ['id'] },
  { table: 'brand_item', key: ['id'] },
  { table: 'brand_engagement', key: ['item_id', 'person_id'] },
];

type Row = Record<string, unknown>;

export class BackupRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** A page of a table in primary-key order, after the given key values. */
  async page(table: keyof Database, key: string[], after: unknown[] | null, limit: number): Promise<Row[]> {
    const db = this.db as Kysely<any>;
    let q = db.selectFrom(table).selectAll();
    if (after) q = q.where(sql<boolean>`(${sql.join(key.map((k) => sql.ref(k)))}) > (${sql.join(after)})`);
    for (const k of key) q = q.orderBy(k);
    return (await q.limit(limit).execute()) as Row[];
  }

  async count(table: keyof Database): Promise<number> {
    const row = await (this.db as Kysely<any>).selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    return Number((row as { n?: unknown } | undefined)?.n ?? 0);
  }

  async insert(table: keyof Database, rows: Row[]): Promise<void> {
    if (rows.length === 0) return;
    const width = Object.keys(rows[0]!).length;
    for (const part of chunks(rows, Math.max(1, Math.floor(10_000 / width)))) await (this.db as Kysely<any>).insertInto(table).values(part).execute();
  }

  async restoreIntroductions(links: Array<{ id: string; introducedBy: string }>): Promise<void> {
    for (const link of links) await this.db.updateTable('person').set({ introduced_by_id: link.introducedBy }).where('id', '=', link.id).execute();
  }
}
