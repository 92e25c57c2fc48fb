import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

type Opportunity = Database['opportunity'];
type Introduction = Database['introduction'];
type Mentorship = Database['mentorship'];
type BrandItem = Database['brand_item'];

/** Opportunities, introductions you make, mentorships and personal-brand items. */
export class CareerRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insertOpportunity(row: Opportunity, personIds: string[]): Promise<void> {
    await this.db.insertInto('opportunity').values(row).execute();
    if (personIds.length) await this.db.insertInto('opportunity_person').values(personIds.map((person_id) => ({ opportunity_id: row.id, person_id }))).execute();
  }

  async updateOpportunity(id: string, fields: Partial<Omit<Opportunity, 'id' | 'created_at'>>): Promise<void> {
    await this.db.updateTable('opportunity').set(fields).where('id', '=', id).execute();
  }

  async opportunities(ids?: string[]): Promise<Array<Opportunity & { person_ids: string[] }>> {
    let q = this.db.selectFrom('opportunity').selectAll();
    if (ids) q = q.where('id', 'in', ids.length ? ids : ['']);
    const rows = await q.orderBy('updated_at', 'desc').orderBy('id').execute();
    if (rows.length === 0) return [];
    const links = await this.db.selectFrom('opportunity_person').selectAll().where('opportunity_id', 'in', rows.map((r) => r.id)).execute();
    return rows.map((r) => ({ ...r, person_ids: links.filter((l) => l.opportunity_id === r.id).map((l) => l.person_id) }));
  }

  /** Open opportunities whose next step is due by this day, with the people involved. */
  async dueOpportunities(day: string): Promise<Array<{ id: string; title: string; next_step: string | null; due_on: string; person_ids: string[] }>> {
    const rows = await this.db.selectFrom('opportunity').select(['id', 'title', 'next_step', 'due_on']).where('due_on', '<=', day).where('stage', 'not in', ['won', 'lost']).execute();
    if (rows.length === 0) return [];
    const links = await this.db.selectFrom('opportunity_person').selectAll().where('opportunity_id', 'in', rows.map((r) => r.id)).execute();
    return rows.map((r) => ({ id: r.id, title: r.title, next_step: r.next_step, due_on: r.due_on!, person_ids: links.filter((l) => l.opportunity_id === r.id).map((l) => l.person_id) }));
  }

  async deleteOpportunity(id: string): Promise<boolean> {
    return Number((await this.db.deleteFrom('opportunity').where('id', '=', id).executeTakeFirst()).numDeletedRows) > 0;
  }

  async insertIntroduction(row: Introduction): Promise<void> {
    await this.db.insertInto('introduction').values(row).execute();
  }

  async updateIntroduction(id: string, fields: Partial<Pick<Introduction, 'status' | 'outcome' | 'updated_at'>>): Promise<void> {
    await this.db.updateTable('introduction').set(fields).where('id', '=', id).execute();
  }

  async introductions(ids?: string[]): Promise<Introduction[]> {
    let q = this.db.selectFrom('introduction').selectAll();
    if (ids) q = q.where('id', 'in', ids.length ? ids : ['']);
    return q.orderBy('updated_at', 'desc').orderBy('id').execute();
  }

  /** People someone introduced you to: (person, introducer) pairs. */
  async introducedToYou(limit: number): Promise<Array<{ person_id: string; introducer_id: string }>> {
    const rows = await this.db.selectFrom('person').select(['id', 'introduced_by_id']).where('introduced_by_id', 'is not', null).where('archived_at', 'is', null).orderBy('created_at', 'desc').limit(limit).execute();
    return rows.map((r) => ({ person_id: r.id, introducer_id: r.introduced_by_id! }));
  }

  async insertMentorship(row: Mentorship): Promise<void> {
    await this.db.insertInto('mentorship').values(row).execute();
  }

  async mentorships(options: { ids?: string[]; active?: boolean } = {}): Promise<Mentorship[]> {
    let q = this.db.selectFrom('mentorship').selectAll();
    if (options.ids) q = q.where('id', 'in', options.ids.length ? options.ids : ['']);
    if (options.active) q = q.where('ended_on', 'is', null);
    return q.orderBy('started_on', 'desc').orderBy('id').execute();
  }

  async endMentorship(id: string, on: string): Promise<void> {
    await this.db.updateTable('mentorship').set({ ended_on: on }).where('id', '=', id).execute();
  }

  async insertBrandItem(row: BrandItem): Promise<void> {
    await this.db.insertInto('brand_item').values(row).execute();
  }

  async brandItems(): Promise<Array<BrandItem & { person_ids: string[] }>> {
    const rows = await this.db.selectFrom('brand_item').selectAll().orderBy('kind').orderBy('created_at', 'desc').execute();
    if (rows.length === 0) return [];
    const links = await this.db.selectFrom('brand_engagement').selectAll().where('item_id', 'in', rows.map((r) => r.id)).execute();
    return rows.map((r) => ({ ...r, person_ids: links.filter((l) => l.item_id === r.id).map((l) => l.person_id) }));
  }

  async setBrandItemActive(id: string, active: boolean): Promise<boolean> {
    return Number((await this.db.updateTable('brand_item').set({ active: active ? 1 : 0 }).where('id', '=', id).executeTakeFirst()).numUpdatedRows) > 0;
  }

  async engage(itemId: string, personIds: string[]): Promise<void> {
    if (personIds.length === 0) return;
    await this.db
      .insertInto('brand_engagement')
      .values(personIds.map((person_id) => ({ item_id: itemId, person_id })))
      .onConflict((oc) => oc.columns(['item_id', 'person_id']).doNothing())
      .execute();
  }
}
