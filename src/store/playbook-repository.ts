import { sql, type Kysely } from 'kysely';
import type { AudienceFilter } from '../domain/audience.js';
import type { ContactStats } from '../domain/tie-strength.js';
import { chunks } from './chunks.js';
import { fromRow } from './contact-stats-repository.js';
import { nameKeyOf } from './person-repository.js';
import type { Database } from './schema.js';

export interface AudienceRow {
  id: string;
  name: string;
  description: string | null;
  filter: AudienceFilter;
  createdAt: string;
}

export interface GoalRow {
  id: string;
  title: string;
  why: string | null;
  targetDate: string | null;
  audienceId: string | null;
  status: string;
  createdAt: string;
  doneAt: string | null;
  keyResults: Array<{ id: string; metric: string; target: number; period: string }>;
}

export interface MemberRow {
  personId: string;
  name: string;
  metOn: string | null;
  organizationId: string | null;
  organization: string | null;
  stats: ContactStats | null;
}

const like = (text: string) => `%${text.toLowerCase()}%`;

/** Goals, their key results, and audiences with the query that finds their members. */
export class PlaybookRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insertAudience(row: { id: string; name: string; description: string | null; filter: AudienceFilter; now: string }): Promise<void> {
    await this.db.insertInto('audience').values({ id: row.id, name: row.name, description: row.description, filter: JSON.stringify(row.filter), created_at: row.now }).execute();
  }

  async audiences(ids?: string[]): Promise<AudienceRow[]> {
    let q = this.db.selectFrom('audience').selectAll();
    if (ids) q = q.where('id', 'in', ids.length ? ids : ['']);
    const rows = await q.orderBy('name').execute();
    return rows.map((r) => ({ id: r.id, name: r.name, description: r.description, filter: JSON.parse(r.filter) as AudienceFilter, createdAt: r.created_at }));
  }

  async audienceIdsByName(name: string): Promise<string[]> {
    const rows = await this.db.selectFrom('audience').select('id').where(sql`lower(name)`, '=', name.trim().toLowerCase()).execute();
    return rows.map((r) => r.id);
  }

  /**
   * Everyone (not archived) who matches the filter's stored criteria, with their
   * current organization and contact totals; strength and text are for the caller.
   * Organization, title and industry match any open position.
   */
  async members(filter: AudienceFilter, limit = 1_000_000): Promise<MemberRow[]> {
    let q = this.db
      .selectFrom('person as p')
      // Any open position; when there are several, the one that started last is kept below.
      .leftJoin('position as pos', (join) => join.onRef('pos.person_id', '=', 'p.id').on('pos.end_date', 'is', null))
      .leftJoin('organization as o', 'o.id', 'pos.organization_id')
      .leftJoin('contact_stats as cs', 'cs.person_id', 'p.id')
      .select(['p.id as person_id', 'p.display_name', 'p.met_on', 'o.id as organization_id', 'o.name as organization_name', 'pos.start_date', 'pos.id as position_id'])
      .select(['cs.person_id as cs_person_id', 'cs.interactions', 'cs.first_at', 'cs.last_at', 'cs.outbound', 'cs.inbound', 'cs.mutual', 'cs.richness_sum', 'cs.decayed_short', 'cs.decayed_long', 'cs.ref_at'])
      .where('p.archived_at', 'is', null);
    if (filter.tiers.length) q = q.where('p.tier', 'in', filter.tiers);
    if (filter.tags.length) {
      const tags = filter.tags;
      // Driven from the tags: a few thousand tagged people, not a probe per person.
      q = q.where('p.id', 'in', (eb) => eb.selectFrom('person_tag as pt').innerJoin('tag as t', 't.id', 'pt.tag_id').select('pt.person_id').where('t.name', 'in', tags));
    }
    if (filter.organizations.length) {
      const keys = filter.organizations.map(nameKeyOf);
      // Driven from the organizations' open positions (indexed), not a pass over everyone.
      q = q.where('o.name_key', 'in', keys).where('p.id', 'in', (eb) =>
        eb.selectFrom('position as jp').innerJoin('organization as jo', 'jo.id', 'jp.organization_id').select('jp.person_id').where('jo.name_key', 'in', keys).where('jp.end_date', 'is', null),
      );
    }
    if (filter.titles.length) q = q.where((eb) => eb.or(filter.titles.map((t) => eb(sql`lower(pos.title)`, 'like', like(t)))));
    if (filter.industries.length) q = q.where((eb) => eb.or(filter.industries.map((t) => eb(sql`lower(o.industry)`, 'like', like(t)))));
    if (filter.locations.length) q = q.where((eb) => eb.or(filter.locations.map((t) => eb(sql`lower(p.location)`, 'like', like(t)))));
    const rows = await q.limit(limit).execute();
    const best = new Map<string, (typeof rows)[number]>();
    for (const r of rows) {
      const seen = best.get(r.person_id);
      const key = (x: (typeof rows)[number]) => `${x.start_date ?? ''}|${x.position_id ?? ''}`;
      if (!seen || key(r) > key(seen)) best.set(r.person_id, r);
    }
    return [...best.values()].map((r) => ({
      personId: r.person_id,
      name: r.display_name,
      metOn: r.met_on,
      organizationId: r.organization_id,
      organization: r.organization_name,
      stats: r.cs_person_id ? fromRow({ person_id: r.cs_person_id, interactions: r.interactions!, first_at: r.first_at!, last_at: r.last_at!, outbound: r.outbound!, inbound: r.inbound!, mutual: r.mutual!, richness_sum: r.richness_sum!, decayed_short: r.decayed_short!, decayed_long: r.decayed_long!, ref_at: r.ref_at! }) : null,
    }));
  }

  /** Distinct interactions since a time, with any of these people (everyone when null), of one kind if given. */
  async countInteractions(personIds: string[] | null, since: string, kind?: string): Promise<number> {
    const base = () => {
      let q = this.db.selectFrom('interaction as i').where('i.occurred_at', '>=', since);
      if (kind) q = q.where('i.kind', '=', kind);
      return q;
    };
    if (personIds === null) return Number((await base().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
    const ids = new Set<string>();
    for (const part of chunks(personIds)) {
      const rows = await base().innerJoin('interaction_participant as ip', 'ip.interaction_id', 'i.id').where('ip.person_id', 'in', part).select('i.id').distinct().execute();
      for (const r of rows) ids.add(r.id);
    }
    return ids.size;
  }

  async insertGoal(row: { id: string; title: string; why: string | null; targetDate: string | null; audienceId: string | null; now: string; keyResults: Array<{ id: string; metric: string; target: number; period: string }> }): Promise<void> {
    await this.db.insertInto('goal').values({ id: row.id, title: row.title, why: row.why, target_date: row.targetDate, audience_id: row.audienceId, status: 'active', created_at: row.now, done_at: null }).execute();
    if (row.keyResults.length) {
      await this.db
        .insertInto('key_result')
        .values(row.keyResults.map((k, ordinal) => ({ id: k.id, goal_id: row.id, metric: k.metric, target: k.target, period: k.period, ordinal })))
        .execute();
    }
  }

  async goals(options: { ids?: string[]; status?: string } = {}): Promise<GoalRow[]> {
    let q = this.db.selectFrom('goal').selectAll();
    if (options.ids) q = q.where('id', 'in', options.ids.length ? options.ids : ['']);
    if (options.status) q = q.where('status', '=', options.status);
    const goals = await q.orderBy('created_at').orderBy('id').execute();
    if (goals.length === 0) return [];
    const krs = await this.db.selectFrom('key_result').selectAll().where('goal_id', 'in', goals.map((g) => g.id)).orderBy('ordinal').execute();
    return goals.map((g) => ({
      id: g.id,
      title: g.title,
      why: g.why,
      targetDate: g.target_date,
      audienceId: g.audience_id,
      status: g.status,
      createdAt: g.created_at,
      doneAt: g.done_at,
      keyResults: krs.filter((k) => k.goal_id === g.id).map((k) => ({ id: k.id, metric: k.metric, target: Number(k.target), period: k.period })),
    }));
  }

  async goalIdsByTitle(title: string): Promise<string[]> {
    const rows = await this.db.selectFrom('goal').select('id').where(sql`lower(title)`, '=', title.trim().toLowerCase()).execute();
    return rows.map((r) => r.id);
  }

  async setGoalStatus(id: string, status: string, doneAt: string | null): Promise<void> {
    await this.db.updateTable('goal').set({ status, done_at: doneAt }).where('id', '=', id).execute();
  }

  async setGoalAudience(id: string, audienceId: string | null): Promise<void> {
    await this.db.updateTable('goal').set({ audience_id: audienceId }).where('id', '=', id).execute();
  }
}
