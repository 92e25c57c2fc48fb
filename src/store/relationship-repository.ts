import type { Kysely } from 'kysely';
import type { Relationship } from '../domain/relationship.js';
import type { RelationshipKind } from '../domain/vocabulary.js';
import type { Database } from './schema.js';

export class RelationshipRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Returns the id of the relationship, existing or new. */
  async insert(id: string, fromId: string, kind: RelationshipKind, toId: string, now: string): Promise<{ id: string; created: boolean }> {
    const existing = await this.db
      .selectFrom('relationship')
      .select('id')
      .where('from_person_id', '=', fromId)
      .where('to_person_id', '=', toId)
      .where('kind', '=', kind)
      .executeTakeFirst();
    if (existing) return { id: existing.id, created: false };
    await this.db.insertInto('relationship').values({ id, from_person_id: fromId, to_person_id: toId, kind, created_at: now }).execute();
    return { id, created: true };
  }

  async delete(id: string): Promise<boolean> {
    const deleted = await this.db.deleteFrom('relationship').where('id', '=', id).returning('id').execute();
    return deleted.length > 0;
  }

  async listForPerson(personId: string): Promise<Relationship[]> {
    const rows = await this.db
      .selectFrom('relationship as r')
      .innerJoin('person as a', 'a.id', 'r.from_person_id')
      .innerJoin('person as b', 'b.id', 'r.to_person_id')
      .select(['r.id', 'r.kind', 'r.created_at', 'a.id as from_id', 'a.display_name as from_name', 'b.id as to_id', 'b.display_name as to_name'])
      .where((eb) => eb.or([eb('r.from_person_id', '=', personId), eb('r.to_person_id', '=', personId)]))
      .orderBy('r.created_at')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind as RelationshipKind,
      from: { id: r.from_id, name: r.from_name },
      to: { id: r.to_id, name: r.to_name },
      createdAt: r.created_at,
    }));
  }
}
