import type BetterSqlite3 from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import type { Interaction } from '../domain/interaction.js';
import type { Direction, InteractionKind } from '../domain/vocabulary.js';
import { chunks } from './chunks.js';
import { afterCursor } from './keyset.js';
import type { Database } from './schema.js';

export interface InteractionFields {
  kind: InteractionKind;
  occurredAt: string;
  durationMinutes: number | null;
  direction: Direction;
  summary: string | null;
  source: string;
  externalId: string | null;
}

export interface Participant {
  personId: string;
  role: string;
}

/**
 * Moves these people's last contact forward to `at` where it is earlier (or unset).
 * last_contact_at is a cache of max(occurred_at) per person, kept in step with every
 * new interaction so that "not contacted since" never scans interactions.
 */
export async function advanceLastContact(db: Kysely<Database>, personIds: string[], at: string): Promise<void> {
  if (personIds.length === 0) return;
  await db
    .updateTable('person')
    .set({ last_contact_at: at })
    .where('id', 'in', personIds)
    .where((eb) => eb.or([eb('last_contact_at', 'is', null), eb('last_contact_at', '<', at)]))
    .execute();
}

/**
 * The same for many people, each to their own time, in one statement per thousand
 * people on PostgreSQL and one prepared statement on SQLite (sqlite is the raw
 * handle behind db, so the update joins db's transaction).
 */
export async function advanceLastContacts(db: Kysely<Database>, sqlite: BetterSqlite3.Database | undefined, rows: ReadonlyArray<{ personId: string; at: string }>): Promise<void> {
  if (sqlite) {
    advanceLastContactsOnSqlite(sqlite, rows);
    return;
  }
  for (const part of chunks([...rows], 1000)) {
    await sql`UPDATE person SET last_contact_at = v.at
      FROM (SELECT unnest(${part.map((r) => r.personId)}::text[]) AS id, unnest(${part.map((r) => r.at)}::text[]) AS at) v
      WHERE person.id = v.id AND (person.last_contact_at IS NULL OR person.last_contact_at < v.at)`.execute(db);
  }
}

/** The prepared update, once per database handle: a mail import runs it a batch at a time. */
const advanceStatements = new WeakMap<BetterSqlite3.Database, BetterSqlite3.Statement>();

/** advanceLastContacts on SQLite's raw handle, synchronously, for callers inside a synchronous transaction. */
export function advanceLastContactsOnSqlite(sqlite: BetterSqlite3.Database, rows: ReadonlyArray<{ personId: string; at: string }>): void {
  let update = advanceStatements.get(sqlite);
  if (!update) advanceStatements.set(sqlite, (update = sqlite.prepare('UPDATE person SET last_contact_at = ? WHERE id = ? AND (last_contact_at IS NULL OR last_contact_at < ?)')));
  for (const r of rows) update.run(r.at, r.personId, r.at);
}

export class InteractionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Inserts an interaction unless one with the same source and external id exists;
   * returns the id of the stored one and whether it is new, so imports stay idempotent.
   */
  async insert(id: string, fields: InteractionFields, participants: Participant[], now: string): Promise<{ id: string; created: boolean }> {
    if (fields.externalId !== null) {
      const existing = await this.db
        .selectFrom('interaction')
        .select('id')
        .where('source', '=', fields.source)
        .where('external_id', '=', fields.externalId)
        .executeTakeFirst();
      if (existing) return { id: existing.id, created: false };
    }
    await this.db
      .insertInto('interaction')
      .values({
        id,
        kind: fields.kind,
        occurred_at: fields.occurredAt,
        duration_minutes: fields.durationMinutes,
        direction: fields.direction,
        summary: fields.summary,
        source: fields.source,
        external_id: fields.externalId,
        created_at: now,
      })
      .execute();
    if (participants.length > 0) {
      await this.db
        .insertInto('interaction_participant')
        .values(participants.map((p) => ({ interaction_id: id, person_id: p.personId, role: p.role })))
        .execute();
      await advanceLastContact(this.db, participants.map((p) => p.personId), fields.occurredAt);
    }
    return { id, created: true };
  }

  /**
   * Changes an interaction's own fields and, given `personIds`, who took part: people
   * who stay keep their role (a mail's cc stays a cc), newcomers are participants.
   * Returns everyone it was or is now about, whose last contact is recomputed.
   */
  async update(id: string, fields: Partial<Pick<InteractionFields, 'kind' | 'occurredAt' | 'durationMinutes' | 'direction' | 'summary'>>, personIds?: string[]): Promise<string[]> {
    if (Object.keys(fields).length > 0) {
      await this.db
        .updateTable('interaction')
        .set({
          ...(fields.kind !== undefined && { kind: fields.kind }),
          ...(fields.occurredAt !== undefined && { occurred_at: fields.occurredAt }),
          ...(fields.durationMinutes !== undefined && { duration_minutes: fields.durationMinutes }),
          ...(fields.direction !== undefined && { direction: fields.direction }),
          ...(fields.summary !== undefined && { summary: fields.summary }),
        })
        .where('id', '=', id)
        .execute();
    }
    const before = await this.participantIds(id);
    if (personIds) {
      const gone = before.filter((p) => !personIds.includes(p));
      const added = personIds.filter((p) => !before.includes(p));
      if (gone.length > 0) await this.db.deleteFrom('interaction_participant').where('interaction_id', '=', id).where('person_id', 'in', gone).execute();
      if (added.length > 0) await this.db.insertInto('interaction_participant').values(added.map((p) => ({ interaction_id: id, person_id: p, role: 'participant' }))).execute();
    }
    const people = [...new Set([...before, ...(personIds ?? [])])];
    await this.recomputeLastContact(people);
    return people;
  }

  async delete(id: string): Promise<string[]> {
    const people = await this.participantIds(id);
    await this.db.deleteFrom('interaction').where('id', '=', id).execute();
    await this.recomputeLastContact(people);
    return people;
  }

  private async participantIds(interactionId: string): Promise<string[]> {
    return (await this.db.selectFrom('interaction_participant').select('person_id').where('interaction_id', '=', interactionId).execute()).map((p) => p.person_id);
  }

  async recomputeLastContact(personIds: string[]): Promise<void> {
    for (const personId of personIds) {
      const row = await this.db
        .selectFrom('interaction_participant as ip')
        .innerJoin('interaction as i', 'i.id', 'ip.interaction_id')
        .select((eb) => eb.fn.max('i.occurred_at').as('last'))
        .where('ip.person_id', '=', personId)
        .executeTakeFirst();
      await this.db
        .updateTable('person')
        .set({ last_contact_at: (row?.last as string | null | undefined) ?? null })
        .where('id', '=', personId)
        .execute();
    }
  }

  /** A person's interactions, latest first, after `after` (occurred_at and id) when given. */
  async idsForPerson(personId: string, limit: number, after?: { key: string; id: string }): Promise<string[]> {
    let query = this.db
      .selectFrom('interaction_participant as ip')
      .innerJoin('interaction as i', 'i.id', 'ip.interaction_id')
      .select('i.id')
      .where('ip.person_id', '=', personId);
    if (after) query = query.where(afterCursor('i.occurred_at', 'i.id', after, 'desc'));
    const rows = await query
      .orderBy('i.occurred_at', 'desc')
      .orderBy('i.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  async countForPerson(personId: string): Promise<number> {
    const row = await this.db
      .selectFrom('interaction_participant')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('person_id', '=', personId)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** Interactions, latest first, after `after` (occurred_at and id) when given. */
  async recentIds(limit: number, after?: { key: string; id: string }): Promise<string[]> {
    let query = this.db.selectFrom('interaction').select('id');
    if (after) query = query.where(afterCursor('occurred_at', 'id', after, 'desc'));
    const rows = await query.orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
    return rows.map((r) => r.id);
  }

  async hydrate(ids: string[]): Promise<Interaction[]> {
    const byId = new Map<string, Interaction>();
    for (const part of chunks(ids)) {
      const rows = await this.db.selectFrom('interaction').selectAll().where('id', 'in', part).execute();
      for (const r of rows) {
        byId.set(r.id, {
          id: r.id,
          kind: r.kind as InteractionKind,
          occurredAt: r.occurred_at,
          durationMinutes: r.duration_minutes,
          direction: r.direction as Direction,
          summary: r.summary,
          source: r.source,
          externalId: r.external_id,
          participants: [],
          createdAt: r.created_at,
        });
      }
      const people = await this.db
        .selectFrom('interaction_participant as ip')
        .innerJoin('person as p', 'p.id', 'ip.person_id')
        .select(['ip.interaction_id', 'p.id', 'p.display_name'])
        .where('ip.interaction_id', 'in', part)
        .orderBy('p.name_key')
        .execute();
      for (const p of people) byId.get(p.interaction_id)?.participants.push({ id: p.id, name: p.display_name });
    }
    return ids.map((id) => byId.get(id)).filter((i): i is Interaction => i !== undefined);
  }
}
