import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface TagCount {
  name: string;
  people: number;
}

export class TagRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async idOf(name: string): Promise<string | undefined> {
    return (await this.db.selectFrom('tag').select('id').where('name', '=', name).executeTakeFirst())?.id;
  }

  /** Returns the ids of these tags, creating the missing ones. */
  async ensure(names: string[], newId: () => string, now: string): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    if (names.length === 0) return ids;
    const rows = await this.db.selectFrom('tag').select(['id', 'name']).where('name', 'in', names).execute();
    for (const r of rows) ids.set(r.name, r.id);
    const missing = names.filter((n) => !ids.has(n));
    if (missing.length > 0) {
      const created = missing.map((name) => ({ id: newId(), name, created_at: now }));
      await this.db.insertInto('tag').values(created).execute();
      for (const c of created) ids.set(c.name, c.id);
    }
    return ids;
  }

  async attach(personId: string, tagIds: string[]): Promise<void> {
    if (tagIds.length === 0) return;
    await this.db
      .insertInto('person_tag')
      .values(tagIds.map((tag_id) => ({ person_id: personId, tag_id })))
      .onConflict((oc) => oc.columns(['person_id', 'tag_id']).doNothing())
      .execute();
  }

  async detach(personId: string, tagIds: string[]): Promise<void> {
    if (tagIds.length === 0) return;
    await this.db.deleteFrom('person_tag').where('person_id', '=', personId).where('tag_id', 'in', tagIds).execute();
  }

  async personIdsWithTag(tagId: string): Promise<string[]> {
    return (await this.db.selectFrom('person_tag').select('person_id').where('tag_id', '=', tagId).execute()).map((r) => r.person_id);
  }

  async rename(tagId: string, name: string): Promise<void> {
    await this.db.updateTable('tag').set({ name }).where('id', '=', tagId).execute();
  }

  /** Moves every person from one tag to another, then drops the first. */
  async mergeInto(fromId: string, intoId: string): Promise<void> {
    const people = await this.personIdsWithTag(fromId);
    for (const personId of people) await this.attach(personId, [intoId]);
    await this.delete(fromId);
  }

  async delete(tagId: string): Promise<void> {
    await this.db.deleteFrom('tag').where('id', '=', tagId).execute();
  }

  async listWithCounts(): Promise<TagCount[]> {
    const rows = await this.db
      .selectFrom('tag')
      .leftJoin('person_tag', 'person_tag.tag_id', 'tag.id')
      .leftJoin('person', (join) => join.onRef('person.id', '=', 'person_tag.person_id').on('person.archived_at', 'is', null))
      .select(['tag.name', (eb) => eb.fn.count<number>('person.id').as('people')])
      .groupBy('tag.name')
      .orderBy('tag.name')
      .execute();
    return rows.map((r) => ({ name: r.name, people: Number(r.people) }));
  }
}
