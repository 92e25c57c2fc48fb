import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface EventRow {
  id: string;
  name: string;
  kind: string;
  startsOn: string;
  place: string | null;
  link: string | null;
  status: string;
  pitch: string | null;
  createdAt: string;
}

function toEvent(r: Database['event']): EventRow {
  return { id: r.id, name: r.name, kind: r.kind, startsOn: r.starts_on, place: r.place, link: r.link, status: r.status, pitch: r.pitch, createdAt: r.created_at };
}

export class EventRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(e: EventRow): Promise<void> {
    await this.db.insertInto('event').values({ id: e.id, name: e.name, kind: e.kind, starts_on: e.startsOn, place: e.place, link: e.link, status: e.status, pitch: e.pitch, created_at: e.createdAt }).execute();
  }

  async update(id: string, fields: Partial<Pick<EventRow, 'status' | 'pitch' | 'place' | 'link'>>): Promise<void> {
    await this.db.updateTable('event').set(fields).where('id', '=', id).execute();
  }

  async list(ids?: string[]): Promise<EventRow[]> {
    let q = this.db.selectFrom('event').selectAll();
    if (ids) q = q.where('id', 'in', ids.length ? ids : ['']);
    return (await q.orderBy('starts_on', 'desc').orderBy('id').execute()).map(toEvent);
  }

  async idsByName(name: string): Promise<string[]> {
    const rows = await this.db.selectFrom('event').select('id').where(sql`lower(name)`, '=', name.trim().toLowerCase()).orderBy('starts_on', 'desc').execute();
    return rows.map((r) => r.id);
  }

  async setAttendee(eventId: string, personId: string, role: string): Promise<void> {
    await this.db
      .insertInto('event_attendee')
      .values({ event_id: eventId, person_id: personId, role })
      .onConflict((oc) => oc.columns(['event_id', 'person_id']).doUpdateSet({ role }))
      .execute();
  }

  /** The most recent event this person attended or met you at. */
  async lastWith(personId: string): Promise<EventRow | undefined> {
    const row = await this.db
      .selectFrom('event as e')
      .innerJoin('event_attendee as a', 'a.event_id', 'e.id')
      .selectAll('e')
      .where('a.person_id', '=', personId)
      .orderBy('e.starts_on', 'desc')
      .orderBy('e.id')
      .limit(1)
      .executeTakeFirst();
    return row ? toEvent(row) : undefined;
  }

  async attendees(eventId: string): Promise<Array<{ personId: string; role: string }>> {
    const rows = await this.db.selectFrom('event_attendee').select(['person_id', 'role']).where('event_id', '=', eventId).execute();
    return rows.map((r) => ({ personId: r.person_id, role: r.role }));
  }
}
