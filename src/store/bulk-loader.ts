import type { DemoBatch } from '../domain/demo-network.js';
import { deletionKeys } from '../domain/fuzzy-match.js';
import { newId } from '../domain/ids.js';
import { nameTokens } from '../domain/names.js';
import { urlKind } from '../domain/urls.js';
import { statsRow } from './contact-stats-repository.js';
import { advanceLastContacts, advanceLastContactsOnSqlite } from './interaction-repository.js';
import type { Store } from './connect.js';
import { nameKeyOf } from './person-repository.js';
import { RowWriter, type TableRows } from './row-writer.js';
import { SearchRepository } from './search-repository.js';
import { createIndexes, dropSecondaryIndexes } from './secondary-indexes.js';


/**
 * Writes generated data in large batches. On PostgreSQL each batch is a
 * transaction, so a batch is either wholly there or not at all; on SQLite the whole
 * load is one (see begin). On SQLite it uses prepared statements directly: the
 * query builder costs more than the insert itself at this volume.
 */
export class BulkLoader {
  private readonly tagIds = new Map<string, string>();
  private droppedIndexes: string[] = [];
  private readonly writer: RowWriter;

  constructor(private readonly store: Store) {
    this.writer = new RowWriter(store.db, store.sqlite);
  }

  /**
   * On SQLite the whole load is one transaction: an interrupted load leaves the
   * database as it was. Secondary indexes are dropped inside it and rebuilt at the
   * end, because building an index by sorting is many times faster than updating
   * it one random row at a time.
   */
  async begin(): Promise<void> {
    const sqlite = this.store.sqlite;
    if (!sqlite) return;
    // A transaction this large thrashes the WAL index once it spills out of the page
    // cache; a rollback journal spills cheaply and is just as safe: after a crash the
    // next open rolls the hot journal back. WAL comes back on commit.
    try {
      sqlite.pragma('journal_mode = DELETE');
    } catch {
      // Another connection holds the database open in WAL mode: load slower, still safely.
    }
    sqlite.exec('BEGIN IMMEDIATE');
    this.droppedIndexes = dropSecondaryIndexes(sqlite);
  }

  /** Rebuilds the indexes dropped by begin; call it before anything reads by them. */
  async restoreIndexes(): Promise<void> {
    const sqlite = this.store.sqlite;
    if (!sqlite) return;
    createIndexes(sqlite, this.droppedIndexes);
    this.droppedIndexes = [];
  }

  async commit(): Promise<void> {
    const sqlite = this.store.sqlite;
    if (!sqlite) return;
    await this.restoreIndexes();
    sqlite.exec('COMMIT');
    sqlite.pragma('journal_mode = WAL');
  }

  async rollback(): Promise<void> {
    const sqlite = this.store.sqlite;
    if (!sqlite) return;
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    this.droppedIndexes = [];
    sqlite.pragma('journal_mode = WAL');
  }

  async write(batch: DemoBatch, now: string): Promise<void> {
    await this.writeRows(await this.toRows(batch, now));
  }

  private async toRows(batch: DemoBatch, now: string): Promise<TableRows> {
    switch (batch.type) {
      case 'organizations':
        return {
          organization: batch.rows.map((o) => ({ id: o.id, name: o.name, name_key: nameKeyOf(o.name), domain: o.domain, industry: o.industry, location: o.location, created_at: now, updated_at: now })),
        };
      case 'people': {
        const rows: Required<Pick<TableRows, 'person' | 'person_email' | 'person_phone' | 'person_url' | 'position' | 'tag' | 'person_tag'>> = {
          person: [], person_email: [], person_phone: [], person_url: [], position: [], tag: [], person_tag: [],
        };
        for (const p of batch.rows) {
          rows.person.push({
            id: p.id, display_name: p.name, name_key: nameKeyOf(p.name), given_name: p.givenName, family_name: p.familyName, nickname: p.nickname,
            pronouns: null, location: p.location, birthday: p.birthday, birthday_md: p.birthday ? p.birthday.slice(-5) : null, how_met: p.howMet, met_on: p.metOn, introduced_by_id: null, tier: p.tier,
            custom_fields: '{}', archived_at: null, last_contact_at: null, created_at: now, updated_at: now,
          });
          rows.person_email.push({ email: p.email, person_id: p.id, label: 'work', ordinal: 0 });
          if (p.phone) rows.person_phone.push({ person_id: p.id, phone: p.phone, label: 'mobile', ordinal: 0 });
          if (p.linkedin) rows.person_url.push({ person_id: p.id, url: p.linkedin, kind: urlKind(p.linkedin), ordinal: 0 });
          for (const pos of p.positions) {
            rows.position.push({ id: pos.id, person_id: p.id, organization_id: pos.organizationId, title: pos.title, start_date: pos.startDate, end_date: pos.endDate, created_at: now });
          }
          for (const tag of p.tags) {
            let tagId = this.tagIds.get(tag);
            if (!tagId) {
              tagId = (await this.store.db.selectFrom('tag').select('id').where('name', '=', tag).executeTakeFirst())?.id;
              if (!tagId) {
                tagId = newId();
                rows.tag.push({ id: tagId, name: tag, created_at: now });
              }
              this.tagIds.set(tag, tagId);
            }
            rows.person_tag.push({ person_id: p.id, tag_id: tagId });
          }
        }
        return rows;
      }
      case 'interactions':
        return {
          interaction: batch.rows.map((i) => ({ id: i.id, kind: i.kind, occurred_at: i.occurredAt, duration_minutes: i.durationMinutes, direction: i.direction, summary: i.summary, source: 'demo', external_id: null, created_at: now })),
          interaction_participant: batch.rows.flatMap((i) => i.participantIds.map((person_id) => ({ interaction_id: i.id, person_id, role: 'participant' }))),
        };
      case 'notes':
        return {
          note: batch.rows.map((n) => ({ id: n.id, body: n.body, created_at: n.createdAt, updated_at: n.createdAt })),
          note_person: batch.rows.flatMap((n) => n.aboutIds.map((person_id) => ({ note_id: n.id, person_id }))),
        };
      case 'relationships':
        return { relationship: batch.rows.map((r) => ({ id: r.id, from_person_id: r.fromId, to_person_id: r.toId, kind: r.kind, created_at: now })) };
      case 'lastContacts':
        return {};
      case 'contactStats':
        return { contact_stats: batch.rows.map((r) => statsRow(r.personId, r.stats)) };
    }
  }

  async setLastContacts(rows: Array<{ personId: string; at: string }>): Promise<void> {
    const sqlite = this.store.sqlite;
    if (sqlite) {
      sqlite.transaction(() => advanceLastContactsOnSqlite(sqlite, rows))();
      return;
    }
    await this.store.db.transaction().execute((trx) => advanceLastContacts(trx, undefined, rows));
  }

  private async writeRows(rows: TableRows): Promise<void> {
    const sqlite = this.store.sqlite;
    if (sqlite) {
      // Inside the load's own transaction (see begin).
      await this.writer.write(rows);
      return;
    }
    await this.store.db.transaction().execute((trx) => new RowWriter(trx, undefined).write(rows));
  }

  /** Builds every person's search document and name tokens, in batches, with progress. */
  async rebuildSearch(onProgress: (done: number, total: number) => void): Promise<void> {
    const db = this.store.db;
    const total = Number((await db.selectFrom('person').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
    const sqlite = this.store.sqlite;
    if (!sqlite) {
      const search = new SearchRepository(db, this.store.dialect);
      let after: string | null = null;
      let done = 0;
      for (;;) {
        const ids = await search.allPersonIds(after, 2000);
        if (ids.length === 0) break;
        await db.transaction().execute((trx) => new SearchRepository(trx, 'postgres').reindex(ids));
        after = ids[ids.length - 1]!;
        done += ids.length;
        onProgress(done, total);
      }
      return;
    }
    // SQLite: FTS5 folds case and diacritics itself, so the documents can be built
    // in SQL in one pass; only the typo-tolerance tokens need JavaScript.
    sqlite.transaction(() => {
      sqlite.exec(`
        DELETE FROM person_fts;
        DELETE FROM person_fts_row;
        INSERT INTO person_fts_row (person_id) SELECT id FROM person;
        INSERT INTO person_fts (rowid, names, body)
        SELECT r.rowid,
          concat_ws(' ', p.display_name, p.given_name, p.family_name, p.nickname),
          concat_ws(' ',
            (SELECT group_concat(email, ' ') FROM person_email WHERE person_id = p.id),
            (SELECT group_concat(concat_ws(' ', o.name, pos.title), ' ') FROM position pos JOIN organization o ON o.id = pos.organization_id
               WHERE pos.person_id = p.id AND pos.end_date IS NULL),
            (SELECT group_concat(replace(t.name, '-', ' '), ' ') FROM person_tag pt JOIN tag t ON t.id = pt.tag_id WHERE pt.person_id = p.id),
            (SELECT group_concat(n.body, ' ') FROM note_person np JOIN note n ON n.id = np.note_id WHERE np.person_id = p.id),
            p.location,
            (SELECT group_concat(value, ' ') FROM json_each(p.custom_fields)))
        FROM person p JOIN person_fts_row r ON r.person_id = p.id;
      `);
    })();
    onProgress(Math.floor(total / 2), total);
    const select = sqlite.prepare('SELECT id, display_name, given_name, family_name, nickname FROM person WHERE id > ? ORDER BY id LIMIT 5000');
    const delTokens = sqlite.prepare('DELETE FROM name_token WHERE person_id = ?');
    const insToken = sqlite.prepare('INSERT OR IGNORE INTO name_token (token, person_id) VALUES (?, ?)');
    const insKey = sqlite.prepare('INSERT OR IGNORE INTO name_key (key, token) VALUES (?, ?)');
    const keyed = new Set<string>();
    let after = '';
    let done = 0;
    for (;;) {
      const people = select.all(after) as Array<{ id: string; display_name: string; given_name: string | null; family_name: string | null; nickname: string | null }>;
      if (people.length === 0) break;
      sqlite.transaction(() => {
        for (const p of people) {
          delTokens.run(p.id);
          for (const token of nameTokens(p.display_name, p.given_name, p.family_name, p.nickname)) {
            insToken.run(token, p.id);
            if (!keyed.has(token)) {
              keyed.add(token);
              for (const key of deletionKeys(token)) insKey.run(key, token);
            }
          }
        }
      })();
      after = people[people.length - 1]!.id;
      done += people.length;
      onProgress(Math.floor(total / 2 + done / 2), total);
    }
  }
}
