import { sql, type Kysely } from 'kysely';
import { chunks } from './chunks.js';
import type { Database } from './schema.js';

export interface RawEdge {
  a: string;
  b: string;
  kind: 'relationship' | 'interactions' | 'colleagues' | 'introduction';
  count: number;
  /** What the evidence is: a relationship kind, the last time together, the organization and years. */
  detail: string;
}

/** Interactions with more people than this say little about who knows whom. */
const MAX_PARTICIPANTS = 20;
/** Organizations larger than this make everyone a "colleague" of everyone; their positions are left out. */
const MAX_COLLEAGUES = 50;

/** The evidence that two people (other than you) know each other. */
export class GraphRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * The evidence touching any of these people: enough to walk out from a target a
   * hop at a time, without building the whole network's graph.
   */
  async edgesOf(personIds: string[]): Promise<RawEdge[]> {
    const out: RawEdge[] = [];
    for (const ids of chunks([...new Set(personIds)], 400)) {
      if (ids.length === 0) continue;
      const rels = await this.db
        .selectFrom('relationship')
        .select(['from_person_id', 'to_person_id', 'kind'])
        .where((eb) => eb.or([eb('from_person_id', 'in', ids), eb('to_person_id', 'in', ids)]))
        .execute();
      for (const r of rels) out.push({ a: r.from_person_id, b: r.to_person_id, kind: 'relationship', count: 1, detail: r.kind });
      const together = await sql<{ a: string; b: string; n: number; last: string }>`
        SELECT a.person_id AS a, b.person_id AS b, count(*) AS n, max(i.occurred_at) AS last
        FROM interaction_participant a
        JOIN interaction_participant b ON b.interaction_id = a.interaction_id AND b.person_id <> a.person_id
        JOIN interaction i ON i.id = a.interaction_id
        WHERE a.person_id IN (${sql.join(ids)})
          AND (SELECT count(*) FROM interaction_participant c WHERE c.interaction_id = a.interaction_id) <= ${MAX_PARTICIPANTS}
        GROUP BY a.person_id, b.person_id`.execute(this.db);
      for (const r of together.rows) out.push({ a: r.a, b: r.b, kind: 'interactions', count: Number(r.n), detail: String(r.last).slice(0, 10) });
      const colleagues = await sql<{ a: string; b: string; org: string; a_start: string | null; a_end: string | null; b_start: string | null; b_end: string | null }>`
        SELECT x.person_id AS a, y.person_id AS b, o.name AS org, x.start_date AS a_start, x.end_date AS a_end, y.start_date AS b_start, y.end_date AS b_end
        FROM position x
        JOIN position y ON y.organization_id = x.organization_id AND y.person_id <> x.person_id
        JOIN organization o ON o.id = x.organization_id
        WHERE x.person_id IN (${sql.join(ids)})
          AND (SELECT count(*) FROM position z WHERE z.organization_id = x.organization_id) <= ${MAX_COLLEAGUES}`.execute(this.db);
      for (const r of colleagues.rows) {
        // Overlapping dates (an open end is today): they were there at the same time.
        const start = [r.a_start ?? '', r.b_start ?? ''].sort()[1]!;
        const end = [r.a_end ?? '9999', r.b_end ?? '9999'].sort()[0]!;
        if (start > end) continue;
        out.push({ a: r.a, b: r.b, kind: 'colleagues', count: 1, detail: `${r.org} ${start.slice(0, 4) || '?'}–${end === '9999' ? 'now' : end.slice(0, 4)}` });
      }
      const introduced = await this.db
        .selectFrom('person')
        .select(['id', 'introduced_by_id'])
        .where('introduced_by_id', 'is not', null)
        .where((eb) => eb.or([eb('id', 'in', ids), eb('introduced_by_id', 'in', ids)]))
        .execute();
      for (const r of introduced) out.push({ a: r.introduced_by_id!, b: r.id, kind: 'introduction', count: 1, detail: 'introduced you' });
      const made = await this.db
        .selectFrom('introduction')
        .select(['person_a', 'person_b'])
        .where('status', '=', 'made')
        .where((eb) => eb.or([eb('person_a', 'in', ids), eb('person_b', 'in', ids)]))
        .execute();
      for (const r of made) out.push({ a: r.person_a, b: r.person_b, kind: 'introduction', count: 1, detail: 'you introduced them' });
    }
    return out;
  }
}
