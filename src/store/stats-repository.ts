import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface StoreCounts {
  people: number;
  archivedPeople: number;
  organizations: number;
  positions: number;
  interactions: number;
  notes: number;
  tags: number;
  relationships: number;
  byTier: Record<string, number>;
  interactionsSince: number;
  contactedSince: number;
  topTags: Array<{ name: string; people: number }>;
  topOrganizations: Array<{ name: string; people: number }>;
}

export class StatsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private async count(table: keyof Database): Promise<number> {
    const row = await this.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async counts(since: string): Promise<StoreCounts> {
    const db = this.db;
    const [people, archived, tiers, recent, contacted, topTags, topOrgs] = await Promise.all([
      db.selectFrom('person').select((eb) => eb.fn.countAll<number>().as('n')).where('archived_at', 'is', null).executeTakeFirst(),
      db.selectFrom('person').select((eb) => eb.fn.countAll<number>().as('n')).where('archived_at', 'is not', null).executeTakeFirst(),
      db
        .selectFrom('person')
        .select(['tier', (eb) => eb.fn.countAll<number>().as('n')])
        .where('archived_at', 'is', null)
        .groupBy('tier')
        .execute(),
      db.selectFrom('interaction').select((eb) => eb.fn.countAll<number>().as('n')).where('occurred_at', '>=', since).executeTakeFirst(),
      db
        .selectFrom('person')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('archived_at', 'is', null)
        .where('last_contact_at', '>=', since)
        .executeTakeFirst(),
      db
        .selectFrom('person_tag')
        .innerJoin('tag', 'tag.id', 'person_tag.tag_id')
        .select(['tag.name', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('tag.name')
        .orderBy('n', 'desc')
        .orderBy('tag.name')
        .limit(10)
        .execute(),
      db
        .selectFrom('position')
        .innerJoin('organization', 'organization.id', 'position.organization_id')
        .select(['organization.name', (eb) => eb.fn.count<number>('position.person_id').distinct().as('n')])
        .where('position.end_date', 'is', null)
        .groupBy(['organization.id', 'organization.name'])
        .orderBy('n', 'desc')
        .orderBy('organization.name')
        .limit(10)
        .execute(),
    ]);
    return {
      people: Number(people?.n ?? 0),
      archivedPeople: Number(archived?.n ?? 0),
      organizations: await this.count('organization'),
      positions: await this.count('position'),
      interactions: await this.count('interaction'),
      notes: await this.count('note'),
      tags: await this.count('tag'),
      relationships: await this.count('relationship'),
      byTier: Object.fromEntries(tiers.map((t) => [t.tier ?? 'none', Number(t.n)])),
      interactionsSince: Number(recent?.n ?? 0),
      contactedSince: Number(contacted?.n ?? 0),
      topTags: topTags.map((t) => ({ name: t.name, people: Number(t.n) })),
      topOrganizations: topOrgs.map((o) => ({ name: o.name, people: Number(o.n) })),
    };
  }
}
