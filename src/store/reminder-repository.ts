import type { Kysely } from 'kysely';
import type { Reminder, ReminderKind } from '../domain/reminder.js';
import { afterCursor } from './keyset.js';
import type { Database } from './schema.js';

type Row = Database['reminder'];

export class ReminderRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(row: Row): Promise<void> {
    await this.db.insertInto('reminder').values(row).execute();
  }

  async update(id: string, fields: Partial<Pick<Row, 'due_at' | 'snoozed_until' | 'done_at'>>): Promise<void> {
    await this.db.updateTable('reminder').set(fields).where('id', '=', id).execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('reminder').where('id', '=', id).execute();
  }

  private base() {
    return this.db
      .selectFrom('reminder as r')
      .leftJoin('person as p', 'p.id', 'r.person_id')
      .selectAll('r')
      .select(['p.display_name as person_name']);
  }

  async get(id: string): Promise<Reminder | undefined> {
    const row = await this.base().where('r.id', '=', id).executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  /** Open reminders whose next occurrence is before the given instant, soonest first. */
  async openDueBefore(instant: string, limit: number): Promise<Reminder[]> {
    const rows = await this.base().where('r.done_at', 'is', null).where('r.due_at', '<', instant).orderBy('r.due_at').orderBy('r.id').limit(limit).execute();
    return rows.map(fromRow);
  }

  /** Open reminders (of one person when given), soonest first, after `after` (due_at and id) when given. */
  async open(personId: string | null, limit: number, after?: { key: string; id: string }): Promise<Reminder[]> {
    let q = this.base().where('r.done_at', 'is', null);
    if (personId) q = q.where('r.person_id', '=', personId);
    return this.page(q, limit, after);
  }

  /** Every reminder, done or not (of one person when given), soonest first, after `after` when given. */
  async all(personId: string | null, limit: number, after?: { key: string; id: string }): Promise<Reminder[]> {
    return this.page(personId ? this.base().where('r.person_id', '=', personId) : this.base(), limit, after);
  }

  private async page(q: ReturnType<ReminderRepository['base']>, limit: number, after?: { key: string; id: string }): Promise<Reminder[]> {
    if (after) q = q.where(afterCursor('r.due_at', 'r.id', after, 'asc'));
    return (await q.orderBy('r.due_at').orderBy('r.id').limit(limit).execute()).map(fromRow);
  }
}

function fromRow(r: Row & { person_name: string | null }): Reminder {
  return {
    id: r.id,
    person: r.person_id ? { id: r.person_id, name: r.person_name ?? '' } : null,
    kind: r.kind as ReminderKind,
    title: r.title,
    localStart: r.local_start,
    timezone: r.timezone,
    rrule: r.rrule,
    dueAt: r.due_at,
    snoozedUntil: r.snoozed_until,
    doneAt: r.done_at,
    createdAt: r.created_at,
  };
}
