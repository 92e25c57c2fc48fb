import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { AudienceFilter } from '../domain/audience.js';
import { chunks } from './chunks.js';
import { nameKeyOf } from './person-repository.js';
import type { Database } from './schema.js';
import type { StoreDialect } from './store-dialect.js';

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

/** A LIKE pattern for text anywhere in a value, with the text's own % and _ taken literally. */
const like = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Goals, their key results, and audiences with the query that finds their members. */
export class PlaybookRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: StoreDialect,
  ) {}

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
   * Who matches the filter's stored criteria, each with the organization of their
   * matching open position (the one that started last when there are several).
   * Archived people are left in when no person criterion is given: the caller reads
   * the people anyway and skips them there, which saves a lookup per row here.
   * Organization, title and industry must all hold for the same open position.
   */
  async memberships(filter: AudienceFilter): Promise<Array<{ personId: string; organizationId: string | null }>> {
    // Driven from the open positions when a criterion is about them (one scan of
    // positions, no lookup per person), otherwise from people.
    const byPosition = filter.titles.length > 0 || filter.organizations.length > 0 || filter.industries.length > 0;
    const needsPerson = !byPosition || filter.tiers.length > 0 || filter.locations.length > 0;
    const personId = byPosition ? sql.ref('pos.person_id') : sql.ref('p.id');
    const from = !byPosition
      ? sql`person p LEFT JOIN position pos ON pos.person_id = p.id AND pos.end_date IS NULL`
      : needsPerson
        ? sql`position pos JOIN person p ON p.id = pos.person_id`
        : sql`position pos`;
    const where = [byPosition ? sql`pos.end_date IS NULL` : sql`p.archived_at IS NULL`];
    // SQLite's LIKE ignores ASCII case, as its lower() does; PostgreSQL's ILIKE ignores all case.
    const likeOp = this.dialect === 'postgres' ? sql`ILIKE` : sql`LIKE`;
    const anyLike = (column: RawBuilder<unknown>, texts: string[]) => sql`(${sql.join(texts.map((t) => sql`${column} ${likeOp} ${like(t)} ESCAPE '\\'`), sql` OR `)})`;
    if (needsPerson && byPosition) where.push(sql`p.archived_at IS NULL`);
    if (filter.tiers.length) where.push(sql`p.tier IN (${sql.join(filter.tiers)})`);
    if (filter.locations.length) where.push(anyLike(sql.ref('p.location'), filter.locations));
    if (filter.tags.length) {
      // Driven from the tags: a few thousand tagged people, not a probe per person.
      where.push(sql`${personId} IN (SELECT pt.person_id FROM person_tag pt JOIN tag t ON t.id = pt.tag_id WHERE t.name IN (${sql.join(filter.tags)}))`);
    }
    if (filter.organizations.length) where.push(sql`pos.organization_id IN (SELECT id FROM organization WHERE name_key IN (${sql.join(filter.organizations.map(nameKeyOf))}))`);
    if (filter.industries.length) where.push(sql`pos.organization_id IN (SELECT id FROM organization WHERE ${anyLike(sql.ref('industry'), filter.industries)})`);
    if (filter.titles.length) where.push(anyLike(sql.ref('pos.title'), filter.titles));
    const select = (columns: RawBuilder<unknown>, also: RawBuilder<unknown>[] = []) => sql`SELECT ${columns} FROM ${from} WHERE ${sql.join([...where, ...also], sql` AND `)}`;
    // Two columns for everyone (each column read costs on this many rows); the start
    // dates only for the few people with several matching open positions.
    const rows = (await select(sql`${personId} AS person_id, pos.organization_id AS organization_id`).execute(this.db)).rows as Array<{ person_id: string; organization_id: string | null }>;
    const organizationOf = new Map<string, string | null>();
    const several = new Set<string>();
    for (const r of rows) {
      if (organizationOf.has(r.person_id)) several.add(r.person_id);
      organizationOf.set(r.person_id, r.organization_id);
    }
    for (const part of chunks([...several])) {
      const latest = new Map<string, string>();
      const dated = (await select(sql`${personId} AS person_id, pos.organization_id AS organization_id, pos.start_date AS start_date`, [sql`${personId} IN (${sql.join(part)})`]).execute(this.db)).rows as Array<{ person_id: string; organization_id: string; start_date: string | null }>;
      for (const r of dated) {
        const order = `${r.start_date ?? ''}|${r.organization_id}`;
        if (order > (latest.get(r.person_id) ?? '')) {
          latest.set(r.person_id, order);
          organizationOf.set(r.person_id, r.organization_id);
        }
      }
    }
    return [...organizationOf].map(([personId, organizationId]) => ({ personId, organizationId }));
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
