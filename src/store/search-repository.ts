import type BetterSqlite3 from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { deletionKeys } from '../domain/fuzzy-match.js';
import { foldText, nameTokens } from '../domain/names.js';
import type { SearchDocument } from '../domain/search.js';
import { chunks } from './chunks.js';
import { RowWriter } from './row-writer.js';
import { valueList } from './value-list.js';
import type { Database } from './schema.js';
import type { StoreDialect } from './store-dialect.js';

/** People reindexed together: their documents are read with one query per table. */
const REINDEX_CHUNK = 5000;

export interface TextHit {
  personId: string;
  /** Higher is better, comparable only within one result list. */
  rank: number;
}

/**
 * Full-text search with SQLite FTS5 or PostgreSQL tsvector behind one interface,
 * plus the name-token tables that make name search typo-tolerant on both.
 */
export class SearchRepository {
  private readonly writer: RowWriter;

  /** sqlite is the raw handle behind db on SQLite, for batch writes in db's transaction. */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: StoreDialect,
    private readonly sqlite?: BetterSqlite3.Database,
  ) {
    this.writer = new RowWriter(db, sqlite);
  }

  /**
   * Rebuilds the search documents of these people from what is stored about them.
   * With `added`, they are people just written, with nothing indexed yet to remove.
   */
  async reindex(personIds: string[], options: { added?: boolean } = {}): Promise<void> {
    for (const part of chunks([...new Set(personIds)], REINDEX_CHUNK)) {
      if (part.length === 0) continue;
      const docs = await this.documents(part);
      await this.writeDocuments(part, docs, !options.added);
      await this.writeNameTokens(part, docs, !options.added);
    }
  }

  async remove(personIds: string[]): Promise<void> {
    for (const part of chunks(personIds)) {
      if (this.dialect === 'sqlite') {
        await sql`DELETE FROM person_fts WHERE rowid IN (SELECT rowid FROM person_fts_row WHERE person_id IN (${sql.join(part)}))`.execute(this.db);
        await sql`DELETE FROM person_fts_row WHERE person_id IN (${sql.join(part)})`.execute(this.db);
      } else {
        await sql`DELETE FROM person_search WHERE person_id IN (${sql.join(part)})`.execute(this.db);
      }
      await this.db.deleteFrom('name_token').where('person_id', 'in', part).execute();
    }
  }

  private async documents(personIds: string[]): Promise<Map<string, { doc: SearchDocument; tokens: string[] }>> {
    const db = this.db;
    const ids = valueList(this.dialect, personIds);
    const [people, emails, positions, tags, notes] = await Promise.all([
      db.selectFrom('person').select(['id', 'display_name', 'given_name', 'family_name', 'nickname', 'location', 'custom_fields']).where('id', 'in', ids).execute(),
      db.selectFrom('person_email').select(['person_id', 'email']).where('person_id', 'in', ids).execute(),
      db
        .selectFrom('position')
        .innerJoin('organization', 'organization.id', 'position.organization_id')
        .select(['position.person_id', 'position.title', 'organization.name'])
        .where('position.person_id', 'in', ids)
        .where('position.end_date', 'is', null)
        .execute(),
      db
        .selectFrom('person_tag')
        .innerJoin('tag', 'tag.id', 'person_tag.tag_id')
        .select(['person_tag.person_id', 'tag.name'])
        .where('person_tag.person_id', 'in', ids)
        .execute(),
      db
        .selectFrom('note_person')
        .innerJoin('note', 'note.id', 'note_person.note_id')
        .select(['note_person.person_id', 'note.body'])
        .where('note_person.person_id', 'in', ids)
        .execute(),
    ]);
    const body = new Map<string, string[]>();
    const add = (id: string, text: string | null) => {
      if (!text) return;
      const list = body.get(id) ?? [];
      list.push(text);
      body.set(id, list);
    };
    // PostgreSQL's parser keeps an address whole; its parts are added so that a
    // company's mail domain or a local part finds the person on both dialects.
    for (const e of emails) add(e.person_id, `${e.email} ${e.email.replace(/[@.+_-]+/g, ' ')}`);
    for (const p of positions) {
      add(p.person_id, p.name);
      add(p.person_id, p.title);
    }
    for (const t of tags) add(t.person_id, t.name.replace(/-/g, ' '));
    for (const n of notes) add(n.person_id, n.body);
    const out = new Map<string, { doc: SearchDocument; tokens: string[] }>();
    for (const p of people) {
      add(p.id, p.location);
      // Custom fields' values (a spouse's name, a role) find the person; their names would find everyone who has one.
      for (const value of Object.values(JSON.parse(p.custom_fields) as Record<string, string>)) add(p.id, value);
      out.set(p.id, {
        doc: {
          names: foldText([p.display_name, p.given_name, p.family_name, p.nickname].filter(Boolean).join(' ')),
          body: foldText((body.get(p.id) ?? []).join('\n')),
        },
        tokens: nameTokens(p.display_name, p.given_name, p.family_name, p.nickname),
      });
    }
    return out;
  }

  private async writeDocuments(ids: string[], docs: Map<string, { doc: SearchDocument }>, replace: boolean): Promise<void> {
    if (this.dialect === 'sqlite') {
      if (replace) await sql`DELETE FROM person_fts WHERE rowid IN (SELECT rowid FROM person_fts_row WHERE person_id IN (${sql.join(ids)}))`.execute(this.db);
      if (this.sqlite) {
        // Prepared statements on the raw handle: a batch import reindexes thousands.
        const list = [...docs];
        this.writer.runEach('INSERT INTO person_fts_row (person_id) VALUES (?) ON CONFLICT (person_id) DO NOTHING', list, ([id]) => [id]);
        this.writer.runEach('INSERT INTO person_fts (rowid, names, body) VALUES ((SELECT rowid FROM person_fts_row WHERE person_id = ?), ?, ?)', list, ([id, { doc }]) => [id, doc.names, doc.body]);
        return;
      }
      // A statement per chunk, not per person: a batch import reindexes thousands.
      for (const part of chunks([...docs], 300)) {
        await sql`INSERT INTO person_fts_row (person_id) VALUES ${sql.join(part.map(([id]) => sql`(${id})`))} ON CONFLICT (person_id) DO NOTHING`.execute(this.db);
        await sql`INSERT INTO person_fts (rowid, names, body)
          SELECT r.rowid, v.column2, v.column3 FROM (VALUES ${sql.join(part.map(([id, { doc }]) => sql`(${id}, ${doc.names}, ${doc.body})`))}) v
          JOIN person_fts_row r ON r.person_id = v.column1`.execute(this.db);
      }
      return;
    }
    for (const part of chunks([...docs], 300)) {
      await sql`INSERT INTO person_search (person_id, document)
        SELECT v.id, setweight(to_tsvector('simple', v.names), 'A') || setweight(to_tsvector('simple', v.body), 'B')
        FROM (VALUES ${sql.join(part.map(([id, { doc }]) => sql`(${id}::text, ${doc.names}::text, ${doc.body}::text)`))}) AS v (id, names, body)
        ON CONFLICT (person_id) DO UPDATE SET document = excluded.document`.execute(this.db);
    }
  }

  private async writeNameTokens(ids: string[], docs: Map<string, { tokens: string[] }>, replace: boolean): Promise<void> {
    if (replace) await this.db.deleteFrom('name_token').where('person_id', 'in', ids).execute();
    const tokenRows = [...docs].flatMap(([personId, { tokens }]) => tokens.map((token) => ({ token, person_id: personId })));
    // A token's keys are written together and include the token itself, so that
    // one key tells whether the token has them all: only new tokens get keys.
    const tokens = new Set(tokenRows.map((r) => r.token));
    if (tokens.size > 0) {
      for (const r of await this.db.selectFrom('name_key').select('key').where('key', 'in', valueList(this.dialect, [...tokens])).whereRef('token', '=', 'key').execute()) tokens.delete(r.key);
    }
    await this.writer.write({ name_token: tokenRows });
    await this.writer.write({ name_key: [...tokens].flatMap((token) => deletionKeys(token).map((key) => ({ key, token }))) }, { skipExisting: true });
  }

  /** People whose documents hold every token, as a word or a word's start. */
  async fullText(tokens: string[], limit: number): Promise<TextHit[]> {
    if (tokens.length === 0) return [];
    if (this.dialect === 'sqlite') {
      const match = tokens.map((t) => `"${t.replace(/"/g, '""')}"*`).join(' ');
      // The index ranks on its own first and only its best few are looked up: a short
      // prefix ("car") matches thousands, and joining every one of them to its person
      // before ranking took four times as long. Archived people can take some of those
      // places, so the index is asked for more until enough are left or none remain.
      for (let ranked = limit * 2 + 20; ; ranked *= 4) {
        const { rows } = await sql<{ person_id: string; rank: number }>`
          SELECT m.person_id, f.rank
          FROM (SELECT rowid, bm25(person_fts, 10.0, 1.0) AS rank FROM person_fts WHERE person_fts MATCH ${match} ORDER BY rank LIMIT ${ranked}) f
          JOIN person_fts_row m ON m.rowid = f.rowid
          JOIN person p ON p.id = m.person_id
          WHERE p.archived_at IS NULL
          ORDER BY f.rank LIMIT ${limit}`.execute(this.db);
        const more = async () => (await sql<{ n: number }>`SELECT count(*) AS n FROM person_fts WHERE person_fts MATCH ${match}`.execute(this.db)).rows[0]!.n > ranked;
        // bm25 is lower for better matches; flip it so that higher is better everywhere.
        if (rows.length === limit || !(await more())) return rows.map((r) => ({ personId: r.person_id, rank: -r.rank }));
      }
    }
    const query = tokens.map((t) => `'${t.replace(/'/g, "''")}':*`).join(' & ');
    const { rows } = await sql<{ person_id: string; rank: number }>`
      SELECT s.person_id, ts_rank(s.document, q) AS rank
      FROM person_search s
      JOIN person p ON p.id = s.person_id, to_tsquery('simple', ${query}) q
      WHERE s.document @@ q AND p.archived_at IS NULL
      ORDER BY rank DESC, p.name_key LIMIT ${limit}`.execute(this.db);
    return rows.map((r) => ({ personId: r.person_id, rank: Number(r.rank) }));
  }

  /**
   * People with, for every query token, a name token sharing a deletion key with it
   * (the intersection is done by the database). Scoring is the domain's job.
   */
  async nameCandidates(queryTokens: string[], limit: number): Promise<string[]> {
    if (queryTokens.length === 0) return [];
    const perToken = queryTokens.map((query) =>
      this.db
        .selectFrom('name_token as t')
        .select('t.person_id')
        .where('t.token', 'in', this.db.selectFrom('name_key').select('token').where('key', 'in', deletionKeys(query))),
    );
    let combined = perToken[0]!;
    for (const next of perToken.slice(1)) combined = combined.intersect(next);
    const rows = await this.db
      .selectFrom(combined.as('c'))
      .innerJoin('person as p', 'p.id', 'c.person_id')
      .select('c.person_id')
      .where('p.archived_at', 'is', null)
      .limit(limit)
      .execute();
    return rows.map((r) => r.person_id);
  }

  async nameTokensOf(personIds: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    for (const part of chunks(personIds)) {
      const rows = await this.db.selectFrom('name_token').select(['person_id', 'token']).where('person_id', 'in', part).execute();
      for (const r of rows) {
        const list = out.get(r.person_id) ?? [];
        list.push(r.token);
        out.set(r.person_id, list);
      }
    }
    return out;
  }

  async allPersonIds(afterId: string | null, limit: number): Promise<string[]> {
    let query = this.db.selectFrom('person').select('id');
    if (afterId) query = query.where('id', '>', afterId);
    return (await query.orderBy('id').limit(limit).execute()).map((r) => r.id);
  }
}
