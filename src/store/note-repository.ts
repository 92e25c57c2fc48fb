import type { Kysely } from 'kysely';
import type { Note } from '../domain/note.js';
import { chunks } from './chunks.js';
import { afterCursor } from './keyset.js';
import type { Database } from './schema.js';

export class NoteRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(id: string, body: string, personIds: string[], now: string): Promise<void> {
    await this.db.insertInto('note').values({ id, body, created_at: now, updated_at: now }).execute();
    if (personIds.length > 0) {
      await this.db
        .insertInto('note_person')
        .values(personIds.map((person_id) => ({ note_id: id, person_id })))
        .execute();
    }
  }

  async delete(id: string): Promise<string[]> {
    const about = await this.db.selectFrom('note_person').select('person_id').where('note_id', '=', id).execute();
    await this.db.deleteFrom('note').where('id', '=', id).execute();
    return about.map((a) => a.person_id);
  }

  /** A person's notes, newest first, after `after` (created_at and id) when given. */
  async idsForPerson(personId: string, limit: number, after?: { key: string; id: string }): Promise<string[]> {
    let query = this.db
      .selectFrom('note_person as np')
      .innerJoin('note as n', 'n.id', 'np.note_id')
      .select('n.id')
      .where('np.person_id', '=', personId);
    if (after) query = query.where(afterCursor('n.created_at', 'n.id', after, 'desc'));
    const rows = await query
      .orderBy('n.created_at', 'desc')
      .orderBy('n.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  /** Notes, newest first, after `after` (created_at and id) when given. */
  async recentIds(limit: number, after?: { key: string; id: string }): Promise<string[]> {
    let query = this.db.selectFrom('note').select('id');
    if (after) query = query.where(afterCursor('created_at', 'id', after, 'desc'));
    const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
    return rows.map((r) => r.id);
  }

  /** The text of every note about each of these people, oldest first. */
  async bodiesByPerson(personIds: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    for (const part of chunks(personIds)) {
      const rows = await this.db
        .selectFrom('note_person as np')
        .innerJoin('note as n', 'n.id', 'np.note_id')
        .select(['np.person_id', 'n.body'])
        .where('np.person_id', 'in', part)
        .orderBy('n.created_at')
        .orderBy('n.id')
        .execute();
      for (const r of rows) out.set(r.person_id, [...(out.get(r.person_id) ?? []), r.body]);
    }
    return out;
  }

  async hydrate(ids: string[]): Promise<Note[]> {
    const byId = new Map<string, Note>();
    for (const part of chunks(ids)) {
      const rows = await this.db.selectFrom('note').selectAll().where('id', 'in', part).execute();
      for (const r of rows) byId.set(r.id, { id: r.id, body: r.body, about: [], createdAt: r.created_at, updatedAt: r.updated_at });
      const about = await this.db
        .selectFrom('note_person as np')
        .innerJoin('person as p', 'p.id', 'np.person_id')
        .select(['np.note_id', 'p.id', 'p.display_name'])
        .where('np.note_id', 'in', part)
        .orderBy('p.name_key')
        .execute();
      for (const a of about) byId.get(a.note_id)?.about.push({ id: a.id, name: a.display_name });
    }
    return ids.map((id) => byId.get(id)).filter((n): n is Note => n !== undefined);
  }
}
