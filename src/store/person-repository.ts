import { sql, type Kysely } from 'kysely';
import type { LabelledValue, Person, PersonFields, PersonUrl } from '../domain/person.js';
import type { Tier, UrlKind } from '../domain/vocabulary.js';
import { chunks } from './chunks.js';
import type { Database } from './schema.js';
import type { StoreDialect } from './store-dialect.js';
import { valueList } from './value-list.js';

export interface PersonListFilter {
  tagId?: string;
  organizationId?: string;
  tier?: Tier;
  notContactedSince?: string;
  includeArchived?: boolean;
  limit: number;
  /** name (A to Z), recent (last contact, newest first, never last) or added (newest first). */
  sort?: PersonSort;
  /** Keyset cursor: the sort key and id of the last row of the previous page. */
  after?: { key: string; id: string };
}

/** What a list of people is filtered by, without its order and page. */
export type PersonFilter = Omit<PersonListFilter, 'limit' | 'sort' | 'after'>;

export const PERSON_SORTS = ['name', 'recent', 'added'] as const;
export type PersonSort = (typeof PERSON_SORTS)[number];

export function nameKeyOf(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

type PersonRow = Database['person'];

export function toRow(fields: Partial<PersonFields>): Partial<PersonRow> {
  const row: Partial<PersonRow> = {};
  if (fields.name !== undefined) {
    row.display_name = fields.name;
    row.name_key = nameKeyOf(fields.name);
  }
  if (fields.givenName !== undefined) row.given_name = fields.givenName;
  if (fields.familyName !== undefined) row.family_name = fields.familyName;
  if (fields.nickname !== undefined) row.nickname = fields.nickname;
  if (fields.pronouns !== undefined) row.pronouns = fields.pronouns;
  if (fields.location !== undefined) row.location = fields.location;
  if (fields.birthday !== undefined) {
    row.birthday = fields.birthday;
    row.birthday_md = fields.birthday ? fields.birthday.slice(-5) : null;
  }
  if (fields.howMet !== undefined) row.how_met = fields.howMet;
  if (fields.metOn !== undefined) row.met_on = fields.metOn;
  if (fields.introducedById !== undefined) row.introduced_by_id = fields.introducedById;
  if (fields.tier !== undefined) row.tier = fields.tier;
  if (fields.customFields !== undefined) row.custom_fields = JSON.stringify(fields.customFields);
  return row;
}

export class PersonRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: StoreDialect,
  ) {}

  async insert(id: string, fields: PersonFields, now: string): Promise<void> {
    await this.db
      .insertInto('person')
      .values({
        ...(toRow(fields) as PersonRow),
        id,
        custom_fields: JSON.stringify(fields.customFields),
        archived_at: null,
        last_contact_at: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }

  async update(id: string, fields: Partial<PersonFields>, now: string): Promise<void> {
    await this.db
      .updateTable('person')
      .set({ ...toRow(fields), updated_at: now })
      .where('id', '=', id)
      .execute();
  }

  async setArchived(id: string, archivedAt: string | null, now: string): Promise<void> {
    await this.db.updateTable('person').set({ archived_at: archivedAt, updated_at: now }).where('id', '=', id).execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('person').where('id', '=', id).execute();
  }

  async replaceEmails(personId: string, emails: LabelledValue[]): Promise<void> {
    await this.db.deleteFrom('person_email').where('person_id', '=', personId).execute();
    if (emails.length === 0) return;
    await this.db
      .insertInto('person_email')
      .values(emails.map((e, ordinal) => ({ person_id: personId, email: e.value, label: e.label, ordinal })))
      .execute();
  }

  async replacePhones(personId: string, phones: LabelledValue[]): Promise<void> {
    await this.db.deleteFrom('person_phone').where('person_id', '=', personId).execute();
    if (phones.length === 0) return;
    await this.db
      .insertInto('person_phone')
      .values(phones.map((p, ordinal) => ({ person_id: personId, phone: p.value, label: p.label, ordinal })))
      .execute();
  }

  async replaceUrls(personId: string, urls: PersonUrl[]): Promise<void> {
    await this.db.deleteFrom('person_url').where('person_id', '=', personId).execute();
    if (urls.length === 0) return;
    await this.db
      .insertInto('person_url')
      .values(urls.map((u, ordinal) => ({ person_id: personId, url: u.url, kind: u.kind, ordinal })))
      .execute();
  }

  /** Which of these emails already belong to someone, and to whom. */
  async emailOwners(emails: string[]): Promise<Map<string, string>> {
    const owners = new Map<string, string>();
    if (emails.length === 0) return owners;
    const rows = await this.db.selectFrom('person_email').select(['email', 'person_id']).where('email', 'in', valueList(this.dialect, emails)).execute();
    for (const row of rows) owners.set(row.email, row.person_id);
    return owners;
  }

  async existingIds(ids: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (const part of chunks(ids)) {
      if (part.length === 0) continue;
      const rows = await this.db.selectFrom('person').select('id').where('id', 'in', part).execute();
      for (const row of rows) found.add(row.id);
    }
    return found;
  }

  async idsByEmail(email: string): Promise<string[]> {
    const rows = await this.db.selectFrom('person_email').select('person_id').where('email', '=', email).execute();
    return rows.map((r) => r.person_id);
  }

  async idsByPhone(phone: string): Promise<string[]> {
    const rows = await this.db.selectFrom('person_phone').select('person_id').where('phone', '=', phone).execute();
    return [...new Set(rows.map((r) => r.person_id))];
  }

  async idsByUrl(url: string): Promise<string[]> {
    const rows = await this.db.selectFrom('person_url').select('person_id').where('url', '=', url).execute();
    return [...new Set(rows.map((r) => r.person_id))];
  }

  /** People whose whole name, or whose name's start, is the given key. */
  async idsByName(nameKey: string, mode: 'exact' | 'prefix', includeArchived: boolean, limit: number): Promise<string[]> {
    let query = this.db.selectFrom('person').select('id');
    query =
      mode === 'exact'
        ? query.where('name_key', '=', nameKey)
        : query.where('name_key', '>=', nameKey).where('name_key', '<', nameKey + '\uffff');
    if (!includeArchived) query = query.where('archived_at', 'is', null);
    const rows = await query.orderBy('name_key').orderBy('id').limit(limit).execute();
    return rows.map((r) => r.id);
  }

  /** The people a list's filters keep, before any order or page. */
  private matching(filter: PersonFilter) {
    let query = this.db.selectFrom('person as p');
    if (filter.tagId) {
      query = query.innerJoin('person_tag as pt', 'pt.person_id', 'p.id').where('pt.tag_id', '=', filter.tagId);
    }
    if (!filter.includeArchived) query = query.where('p.archived_at', 'is', null);
    if (filter.tier) query = query.where('p.tier', '=', filter.tier);
    if (filter.organizationId) {
      const orgId = filter.organizationId;
      query = query.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('position as pos')
            .select('pos.id')
            .whereRef('pos.person_id', '=', 'p.id')
            .where('pos.organization_id', '=', orgId)
            .where('pos.end_date', 'is', null),
        ),
      );
    }
    if (filter.notContactedSince) {
      const since = filter.notContactedSince;
      query = query.where((eb) => eb.or([eb('p.last_contact_at', 'is', null), eb('p.last_contact_at', '<', since)]));
    }
    return query;
  }

  /** How many people the list's filters keep. */
  async countMatching(filter: PersonFilter): Promise<number> {
    const row = await this.matching(filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async listIds(filter: PersonListFilter): Promise<Array<{ id: string; key: string }>> {
    let query = this.matching(filter).select(['p.id']);
    const sort = filter.sort ?? 'name';
    // Each order is a key and the id, so that a page ends and the next starts exactly.
    const key =
      sort === 'name' ? sql<string>`p.name_key` : sort === 'recent' ? sql<string>`coalesce(p.last_contact_at, '')` : sql<string>`p.created_at`;
    const descending = sort !== 'name';
    if (filter.after) {
      const { key: after, id } = filter.after;
      const op = descending ? '<' : '>';
      query = query.where((eb) => eb.or([eb(key, op, after), eb.and([eb(key, '=', after), eb('p.id', op, id)])]));
    }
    const rows = await query
      .select(key.as('sort_key'))
      .orderBy(key, descending ? 'desc' : 'asc')
      .orderBy('p.id', descending ? 'desc' : 'asc')
      .limit(filter.limit)
      .execute();
    return rows.map((r) => ({ id: r.id, key: String(r.sort_key) }));
  }

  async allIds(afterId: string | null, limit: number): Promise<string[]> {
    let query = this.db.selectFrom('person').select('id');
    if (afterId) query = query.where('id', '>', afterId);
    return (await query.orderBy('id').limit(limit).execute()).map((r) => r.id);
  }

  async count(): Promise<number> {
    return Number((await this.db.selectFrom('person').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
  }

  /** Full person records in the order of the ids given; unknown ids are left out. */
  async hydrate(ids: string[]): Promise<Person[]> {
    if (ids.length === 0) return [];
    const byId = new Map<string, Person>();
    for (const part of chunks(ids)) {
      const rows = await this.db.selectFrom('person').selectAll().where('id', 'in', part).execute();
      for (const row of rows) byId.set(row.id, fromRow(row));
      await this.attachDetails(part, byId);
    }
    return ids.map((id) => byId.get(id)).filter((p): p is Person => p !== undefined);
  }

  private async attachDetails(ids: string[], byId: Map<string, Person>): Promise<void> {
    const db = this.db;
    const [emails, phones, urls, tags, positions] = await Promise.all([
      db.selectFrom('person_email').selectAll().where('person_id', 'in', ids).orderBy('ordinal').execute(),
      db.selectFrom('person_phone').selectAll().where('person_id', 'in', ids).orderBy('ordinal').execute(),
      db.selectFrom('person_url').selectAll().where('person_id', 'in', ids).orderBy('ordinal').execute(),
      db
        .selectFrom('person_tag')
        .innerJoin('tag', 'tag.id', 'person_tag.tag_id')
        .select(['person_tag.person_id', 'tag.name'])
        .where('person_tag.person_id', 'in', ids)
        .orderBy('tag.name')
        .execute(),
      db
        .selectFrom('position')
        .innerJoin('organization', 'organization.id', 'position.organization_id')
        .select(['position.person_id', 'position.title', 'position.organization_id', 'organization.name', 'position.start_date'])
        .where('position.person_id', 'in', ids)
        .where('position.end_date', 'is', null)
        // The most recently started open position is the current one.
        .orderBy(sql`coalesce(position.start_date, '')`, 'desc')
        .orderBy('position.created_at', 'desc')
        .execute(),
    ]);
    for (const e of emails) {
      const p = byId.get(e.person_id);
      if (!p) continue;
      p.emails.push(e.email);
      p.contacts.emails.push({ value: e.email, label: e.label });
    }
    for (const ph of phones) {
      const p = byId.get(ph.person_id);
      if (!p) continue;
      p.phones.push(ph.phone);
      p.contacts.phones.push({ value: ph.phone, label: ph.label });
    }
    for (const u of urls) byId.get(u.person_id)?.urls.push({ url: u.url, kind: u.kind as UrlKind });
    for (const t of tags) byId.get(t.person_id)?.tags.push(t.name);
    for (const pos of positions) {
      const p = byId.get(pos.person_id);
      if (!p || p.organizationId) continue;
      p.organizationId = pos.organization_id;
      p.company = pos.name;
      p.title = pos.title;
    }
    const introducerIds = [...new Set([...byId.values()].map((p) => p.introducedBy?.id).filter((x): x is string => !!x))];
    if (introducerIds.length > 0) {
      const rows = await db.selectFrom('person').select(['id', 'display_name']).where('id', 'in', introducerIds).execute();
      const names = new Map(rows.map((r) => [r.id, r.display_name]));
      for (const p of byId.values()) if (p.introducedBy) p.introducedBy.name = names.get(p.introducedBy.id) ?? '';
    }
  }
}

function fromRow(row: PersonRow): Person {
  return {
    id: row.id,
    name: row.display_name,
    givenName: row.given_name,
    familyName: row.family_name,
    nickname: row.nickname,
    pronouns: row.pronouns,
    emails: [],
    phones: [],
    contacts: { emails: [], phones: [] },
    urls: [],
    company: null,
    title: null,
    organizationId: null,
    location: row.location,
    birthday: row.birthday,
    howMet: row.how_met,
    metOn: row.met_on,
    introducedBy: row.introduced_by_id ? { id: row.introduced_by_id, name: '' } : null,
    tier: row.tier as Tier | null,
    tags: [],
    customFields: JSON.parse(row.custom_fields) as Record<string, string>,
    archived: row.archived_at !== null,
    lastContactAt: row.last_contact_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
