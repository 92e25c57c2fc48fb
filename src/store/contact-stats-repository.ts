import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { ContactStats, ObservedInteraction } from '../domain/tie-strength.js';
import type { Direction, InteractionKind } from '../domain/vocabulary.js';
import { chunks } from './chunks.js';
import { RowWriter } from './row-writer.js';
import type { Database } from './schema.js';
import type { StoreDialect } from './store-dialect.js';
import { valueList } from './value-list.js';

type Row = Database['contact_stats'];

export function fromRow(r: Row): ContactStats {
  return {
    interactions: Number(r.interactions),
    firstAt: r.first_at,
    lastAt: r.last_at,
    outbound: Number(r.outbound),
    inbound: Number(r.inbound),
    mutual: Number(r.mutual),
    richnessSum: Number(r.richness_sum),
    decayedShort: Number(r.decayed_short),
    decayedLong: Number(r.decayed_long),
    refAt: r.ref_at,
  };
}

export function statsRow(personId: string, s: ContactStats): Row {
  return {
    person_id: personId,
    interactions: s.interactions,
    first_at: s.firstAt,
    last_at: s.lastAt,
    outbound: s.outbound,
    inbound: s.inbound,
    mutual: s.mutual,
    richness_sum: s.richnessSum,
    decayed_short: s.decayedShort,
    decayed_long: s.decayedLong,
    ref_at: s.refAt,
  };
}

/** The running totals behind tie strength, one row per person with any interaction. */
export class ContactStatsRepository {
  private readonly writer: RowWriter;

  /** sqlite is the raw handle behind db, for batch writes (see RowWriter). */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: StoreDialect,
    sqlite?: BetterSqlite3.Database,
  ) {
    this.writer = new RowWriter(db, sqlite);
  }

  async get(personIds: string[]): Promise<Map<string, ContactStats>> {
    const out = new Map<string, ContactStats>();
    if (personIds.length === 0) return out;
    const rows = await this.db.selectFrom('contact_stats').selectAll().where('person_id', 'in', valueList(this.dialect, personIds)).execute();
    for (const r of rows) out.set(r.person_id, fromRow(r));
    return out;
  }

  async put(personId: string, stats: ContactStats): Promise<void> {
    const row = statsRow(personId, stats);
    const { person_id: _id, ...rest } = row;
    await this.db
      .insertInto('contact_stats')
      .values(row)
      .onConflict((oc) => oc.column('person_id').doUpdateSet(rest))
      .execute();
  }

  async putMany(entries: Array<{ personId: string; stats: ContactStats }>): Promise<void> {
    await this.writer.upsert('contact_stats', entries.map((e) => statsRow(e.personId, e.stats)), ['person_id']);
  }

  async delete(personIds: string[]): Promise<void> {
    for (const part of chunks(personIds)) await this.db.deleteFrom('contact_stats').where('person_id', 'in', part).execute();
  }

  /** Every interaction of these people, oldest first, for a rebuild of their totals. */
  async participation(personIds: string[]): Promise<Array<{ personId: string } & ObservedInteraction>> {
    const out: Array<{ personId: string } & ObservedInteraction> = [];
    for (const part of chunks(personIds)) {
      const rows = await this.db
        .selectFrom('interaction_participant as ip')
        .innerJoin('interaction as i', 'i.id', 'ip.interaction_id')
        .select(['ip.person_id', 'ip.role', 'i.kind', 'i.occurred_at', 'i.direction'])
        .where('ip.person_id', 'in', part)
        .orderBy('i.occurred_at')
        .execute();
      for (const r of rows) out.push({ personId: r.person_id, role: r.role, kind: r.kind as InteractionKind, occurredAt: r.occurred_at, direction: r.direction as Direction });
    }
    return out;
  }

  /**
   * A page of every participation, in primary-key order so that a full pass reads
   * the tables sequentially instead of jumping between people.
   */
  async participationPage(
    after: { interactionId: string; personId: string } | null,
    limit: number,
  ): Promise<Array<{ personId: string; interactionId: string } & ObservedInteraction>> {
    let q = this.db
      .selectFrom('interaction_participant as ip')
      .innerJoin('interaction as i', 'i.id', 'ip.interaction_id')
      .select(['ip.interaction_id', 'ip.person_id', 'ip.role', 'i.kind', 'i.occurred_at', 'i.direction']);
    if (after) {
      const { interactionId, personId } = after;
      // A row-value comparison lets both engines seek the primary key directly.
      q = q.where((eb) => eb(eb.refTuple('ip.interaction_id', 'ip.person_id'), '>', eb.tuple(interactionId, personId)));
    }
    const rows = await q.orderBy('ip.interaction_id').orderBy('ip.person_id').limit(limit).execute();
    return rows.map((r) => ({
      interactionId: r.interaction_id,
      personId: r.person_id,
      role: r.role,
      kind: r.kind as InteractionKind,
      occurredAt: r.occurred_at,
      direction: r.direction as Direction,
    }));
  }

  async participationCount(): Promise<number> {
    const row = await this.db.selectFrom('interaction_participant').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async deleteAll(): Promise<void> {
    await this.db.deleteFrom('contact_stats').execute();
  }

  async all(afterId: string | null, limit: number): Promise<Array<{ personId: string; stats: ContactStats }>> {
    let q = this.db.selectFrom('contact_stats').selectAll();
    if (afterId) q = q.where('person_id', '>', afterId);
    const rows = await q.orderBy('person_id').limit(limit).execute();
    return rows.map((r) => ({ personId: r.person_id, stats: fromRow(r) }));
  }
}
