import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Organization, OrganizationFields } from '../domain/organization.js';
import { chunks } from './chunks.js';
import { nameKeyOf } from './person-repository.js';
import { afterCursor } from './keyset.js';
import type { Database } from './schema.js';

/** Names holding this text anywhere, in any case and with or without accents. */
function nameHolds(column: string, text: string): Expression<SqlBool> {
  const pattern = '%' + nameKeyOf(text).replace(/[\\%_]/g, (c) => '\\' + c) + '%';
  return sql<SqlBool>`${sql.ref(column)} LIKE ${pattern} ESCAPE '\\'`;
}

/** How many people work at each organization now (of these, when given). */
function peopleNow(db: Kysely<Database>, ids?: string[]) {
  let query = db
    .selectFrom('position')
    .select(['organization_id', (e) => e.fn.count<number>('person_id').distinct().as('people')])
    .where('end_date', 'is', null);
  if (ids) query = query.where('organization_id', 'in', ids);
  return query.groupBy('organization_id');
}

export class OrganizationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(id: string, fields: OrganizationFields, now: string): Promise<void> {
    await this.db
      .insertInto('organization')
      .values({ id, ...fields, name_key: nameKeyOf(fields.name), created_at: now, updated_at: now })
      .execute();
  }

  async update(id: string, fields: Partial<OrganizationFields>, now: string): Promise<void> {
    await this.db
      .updateTable('organization')
      .set({ ...fields, ...(fields.name ? { name_key: nameKeyOf(fields.name) } : {}), updated_at: now })
      .where('id', '=', id)
      .execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('organization').where('id', '=', id).execute();
  }

  async idsByName(name: string, mode: 'exact' | 'prefix'): Promise<string[]> {
    const key = nameKeyOf(name);
    let query = this.db.selectFrom('organization').select('id');
    query = mode === 'exact' ? query.where('name_key', '=', key) : query.where('name_key', '>=', key).where('name_key', '<', key + '\uffff');
    return (await query.orderBy('name_key').limit(20).execute()).map((r) => r.id);
  }

  async idsByDomain(domain: string): Promise<string[]> {
    return (await this.db.selectFrom('organization').select('id').where('domain', '=', domain).execute()).map((r) => r.id);
  }

  /** Organizations by name, after `after` (name key and id) when given, whose names hold `holding` if given. */
  async listIds(limit: number, after?: { key: string; id: string }, holding?: string): Promise<Array<{ id: string; nameKey: string }>> {
    let query = this.db.selectFrom('organization').select(['id', 'name_key']);
    if (after) query = query.where(afterCursor('name_key', 'id', after, 'asc'));
    if (holding) query = query.where(nameHolds('name_key', holding));
    return (await query.orderBy('name_key').orderBy('id').limit(limit).execute()).map((r) => ({ id: r.id, nameKey: r.name_key }));
  }

  /**
   * Organizations with the most people working there now first, then by name; after
   * `after` (its count, name key and id) when given.
   */
  async largestIds(limit: number, after?: { people: number; nameKey: string; id: string }, holding?: string): Promise<Array<{ id: string; nameKey: string; people: number }>> {
    const people = sql<number>`coalesce(c.people, 0)`;
    let query = this.db
      .selectFrom('organization as o')
      .leftJoin(peopleNow(this.db).as('c'), (join) => join.onRef('c.organization_id', '=', 'o.id'))
      .select(['o.id', 'o.name_key', people.as('people')]);
    if (after) {
      const byName = afterCursor('o.name_key', 'o.id', { key: after.nameKey, id: after.id }, 'asc');
      query = query.where(sql<SqlBool>`(${people} < ${after.people} OR (${people} = ${after.people} AND ${byName}))`);
    }
    if (holding) query = query.where(nameHolds('o.name_key', holding));
    const rows = await query.orderBy(people, 'desc').orderBy('o.name_key').orderBy('o.id').limit(limit).execute();
    return rows.map((r) => ({ id: r.id, nameKey: r.name_key, people: Number(r.people) }));
  }

  /** The names of these organizations, by id. */
  async names(ids: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const part of chunks(ids)) {
      for (const r of await this.db.selectFrom('organization').select(['id', 'name']).where('id', 'in', part).execute()) out.set(r.id, r.name);
    }
    return out;
  }

  async hydrate(ids: string[]): Promise<Organization[]> {
    const byId = new Map<string, Organization>();
    for (const part of chunks(ids)) {
      const rows = await this.db
        .selectFrom('organization as o')
        .leftJoin(peopleNow(this.db, part).as('c'), (join) => join.onRef('c.organization_id', '=', 'o.id'))
        .select(['o.id', 'o.name', 'o.domain', 'o.industry', 'o.location', 'o.created_at', 'o.updated_at', 'c.people'])
        .where('o.id', 'in', part)
        .execute();
      for (const r of rows) {
        byId.set(r.id, {
          id: r.id,
          name: r.name,
          domain: r.domain,
          industry: r.industry,
          location: r.location,
          peopleCount: Number(r.people ?? 0),
          createdAt: r.created_at,
          updatedAt: r.updated_at,
        });
      }
    }
    return ids.map((id) => byId.get(id)).filter((o): o is Organization => o !== undefined);
  }
}
