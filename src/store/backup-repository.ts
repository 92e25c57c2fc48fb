import { sql, type Kysely } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';
import { RowWriter, type TableRows } from './row-writer.js';
import { createIndexes, dropSecondaryIndexes } from './secondary-indexes.js';
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
  private readonly writer: RowWriter;
  private dropped: string[] = [];

  /** sqlite is the raw handle behind db on SQLite, for batch writes in db's transaction. */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly sqlite?: BetterSqlite3.Database,
  ) {
    this.writer = new RowWriter(db, sqlite);
  }

  /**
   * Before a restore's rows, inside its transaction: on SQLite the big tables'
   * secondary indexes go, to be built again by sorting (see endBulk).
   */
  beginBulk(): void {
    if (this.sqlite) this.dropped = dropSecondaryIndexes(this.sqlite);
  }

  /** After the rows, before anything reads by the indexes beginBulk dropped. */
  endBulk(): void {
    if (this.sqlite) createIndexes(this.sqlite, this.dropped);
    this.dropped = [];
  }

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

  /** Rows of one table, as a backup holds them (every row with the same columns). */
  async insert(table: keyof Database, rows: Row[]): Promise<void> {
    await this.writer.write({ [table]: rows } as TableRows);
  }

  async restoreIntroductions(links: Array<{ id: string; introducedBy: string }>): Promise<void> {
    for (const link of links) await this.db.updateTable('person').set({ introduced_by_id: link.introducedBy }).where('id', '=', link.id).execute();
  }
}
