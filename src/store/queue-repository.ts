import type { Kysely } from 'kysely';
import { TIERS, type Tier } from '../domain/vocabulary.js';
import { chunks } from './chunks.js';
import type { Database } from './schema.js';

export interface CadenceFacts {
  id: string;
  tier: Tier | null;
  lastContactAt: string | null;
  metOn: string | null;
  createdAt: string;
}

/** The queries that find who might belong in today's queue, and the user's queue actions. */
export class QueueRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async setAction(personId: string, action: string, until: string, now: string): Promise<void> {
    await this.db
      .insertInto('queue_action')
      .values({ person_id: personId, action, until, created_at: now })
      .onConflict((oc) => oc.column('person_id').doUpdateSet({ action, until, created_at: now }))
      .execute();
  }

  async suppressed(now: string): Promise<Set<string>> {
    const rows = await this.db.selectFrom('queue_action').select('person_id').where('until', '>', now).execute();
    return new Set(rows.map((r) => r.person_id));
  }

  /**
   * People a cadence applies to: those with a tier, a personal cadence, or a tag that
   * has one. Three small indexed queries rather than one OR that scans everyone.
   */
  async cadenceCandidates(): Promise<CadenceFacts[]> {
    const [tiered, own, tagged] = await Promise.all([
      // Each tier by name: SQLite has no statistics to tell it that "tier IS NOT NULL" is
      // rare, and scanned every person for it (118 ms of a cold `kith today` at 100,000).
      this.db.selectFrom('person').select('id').where('tier', 'in', [...TIERS]).where('archived_at', 'is', null).execute(),
      this.db.selectFrom('cadence').select('target as id').where('scope', '=', 'person').execute(),
      this.db
        .selectFrom('person_tag as pt')
        .innerJoin('tag as t', 't.id', 'pt.tag_id')
        .innerJoin('cadence as c', (join) => join.onRef('c.target', '=', 't.name').on('c.scope', '=', 'tag'))
        .select('pt.person_id as id')
        .execute(),
    ]);
    const ids = [...new Set([...tiered, ...own, ...tagged].map((r) => r.id))];
    const out: CadenceFacts[] = [];
    for (const part of chunks(ids)) {
      const rows = await this.db
        .selectFrom('person')
        .select(['id', 'tier', 'last_contact_at', 'met_on', 'created_at'])
        .where('id', 'in', part)
        .where('archived_at', 'is', null)
        .execute();
      for (const r of rows) out.push({ id: r.id, tier: r.tier as Tier | null, lastContactAt: r.last_contact_at, metOn: r.met_on, createdAt: r.created_at });
    }
    return out;
  }

  async tagsOf(personIds: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    for (const part of chunks(personIds)) {
      const rows = await this.db
        .selectFrom('person_tag')
        .innerJoin('tag', 'tag.id', 'person_tag.tag_id')
        .select(['person_tag.person_id', 'tag.name'])
        .where('person_tag.person_id', 'in', part)
        .execute();
      for (const r of rows) out.set(r.person_id, [...(out.get(r.person_id) ?? []), r.name]);
    }
    return out;
  }

  async birthdaysOn(monthDays: string[]): Promise<Array<{ id: string; birthday: string }>> {
    if (monthDays.length === 0) return [];
    const rows = await this.db
      .selectFrom('person')
      .select(['id', 'birthday'])
      .where('archived_at', 'is', null)
      .where('birthday_md', 'in', monthDays)
      .execute();
    return rows.map((r) => ({ id: r.id, birthday: r.birthday! }));
  }

  async allBirthdays(): Promise<Array<{ id: string; name: string; birthday: string }>> {
    const rows = await this.db
      .selectFrom('person')
      .select(['id', 'display_name', 'birthday'])
      .where('archived_at', 'is', null)
      .where('birthday', 'is not', null)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ id: r.id, name: r.display_name, birthday: r.birthday! }));
  }

  /** Current positions that began recently, for people who had a job before. */
  async newJobs(sinceDay: string, sinceInstant: string): Promise<Array<{ personId: string; organization: string; startDate: string | null; startedOn: string }>> {
    const recent = (started: boolean) => {
      let q = this.db
        .selectFrom('position as pos')
        .innerJoin('organization as o', 'o.id', 'pos.organization_id')
        .innerJoin('person as p', 'p.id', 'pos.person_id')
        .select(['pos.person_id', 'o.name', 'pos.start_date', 'pos.created_at'])
        .where('pos.end_date', 'is', null)
        .where('p.archived_at', 'is', null)
        .where(({ exists, selectFrom }) =>
          exists(selectFrom('position as older').select('older.id').whereRef('older.person_id', '=', 'pos.person_id').whereRef('older.id', '!=', 'pos.id')),
        );
      q = started ? q.where('pos.start_date', '>=', sinceDay) : q.where('pos.created_at', '>=', sinceInstant).where('pos.start_date', 'is', null);
      return q.execute();
    };
    const rows = [...(await recent(true)), ...(await recent(false))];
    return rows.map((r) => ({ personId: r.person_id, organization: r.name, startDate: r.start_date, startedOn: r.start_date ?? r.created_at.slice(0, 10) }));
  }

  async anniversaries(monthDays: string[]): Promise<Array<{ personId: string; organization: string; startDate: string }>> {
    if (monthDays.length === 0) return [];
    const rows = await this.db
      .selectFrom('position as pos')
      .innerJoin('organization as o', 'o.id', 'pos.organization_id')
      .innerJoin('person as p', 'p.id', 'pos.person_id')
      .select(['pos.person_id', 'o.name', 'pos.start_date'])
      .where('pos.end_date', 'is', null)
      .where('p.archived_at', 'is', null)
      .where('pos.start_date', 'is not', null)
      .where((eb) => eb.fn('substr', [eb.ref('pos.start_date'), eb.val(6), eb.val(5)]), 'in', monthDays)
      .execute();
    return rows.map((r) => ({ personId: r.person_id, organization: r.name, startDate: r.start_date! }));
  }

  /** People silent since the cutoff who had at least a few real interactions before. */
  async dormant(before: string, minInteractions: number, limit: number): Promise<Array<{ id: string; lastContactAt: string; metOn: string | null }>> {
    const rows = await this.db
      .selectFrom('person as p')
      .innerJoin('contact_stats as s', 's.person_id', 'p.id')
      .select(['p.id', 'p.last_contact_at', 'p.met_on'])
      .where('p.archived_at', 'is', null)
      .where('p.last_contact_at', '<', before)
      .where('s.interactions', '>=', minInteractions)
      .orderBy('p.last_contact_at', 'desc')
      .orderBy('p.id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ id: r.id, lastContactAt: r.last_contact_at!, metOn: r.met_on }));
  }

  /** Industries of people's current organizations, for matching against interests. */
  async industriesOf(personIds: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    for (const part of chunks(personIds)) {
      const rows = await this.db
        .selectFrom('position as pos')
        .innerJoin('organization as o', 'o.id', 'pos.organization_id')
        .select(['pos.person_id', 'o.industry'])
        .where('pos.person_id', 'in', part)
        .where('o.industry', 'is not', null)
        .execute();
      for (const r of rows) out.set(r.person_id, [...(out.get(r.person_id) ?? []), r.industry!.toLowerCase()]);
    }
    return out;
  }
}
