import { sql, type Kysely } from 'kysely';
import type { ContactStats } from '../domain/tie-strength.js';
import { chunks } from './chunks.js';
import { fromRow } from './contact-stats-repository.js';
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
/**
 * At an organization where you know more people than this, having worked there at
 * the same time says little about whether two of them know each other (the same
 * reasoning, and the same bound, as for interactions); its positions are left out.
 */
const MAX_COLLEAGUES = 20;

/** Interactions counted together when the whole network's evidence is read (see allEdges). */
const INTERACTION_CHUNK = 50_000;
/** People read together when the whole network's people are read. */
const NODE_CHUNK = 10_000;

/**
 * Called between two parts of a long read. A SQLite statement runs on the calling
 * thread, so one statement over the whole network would hold a server's other
 * requests for seconds; in parts, the caller can let them run in between.
 */
export type Between = () => Promise<void>;

/** How a whole-network read goes in parts: what to call between two, and how big they are. */
export interface InParts {
  between?: Between;
  /** Rows (people, or interactions) per part. */
  part?: number;
}

const noPause: Between = async () => {};

/** A person as a node of the whole network: enough for your tie strength to them. */
export interface NetworkNode {
  id: string;
  name: string;
  metOn: string | null;
  stats: ContactStats | null;
}

/** What a community is made of: each person's current organizations and tags. */
export interface NodeProfile {
  personId: string;
  organizations: string[];
  tags: string[];
}

/** People with their totals (two plain reads joined here are faster than a lookup per person in SQL). */
function joinStats(people: Array<{ id: string; display_name: string; met_on: string | null }>, stats: Array<Database['contact_stats']>, out: NetworkNode[]): void {
  const byPerson = new Map(stats.map((r) => [r.person_id, fromRow(r)]));
  for (const p of people) out.push({ id: p.id, name: p.display_name, metOn: p.met_on, stats: byPerson.get(p.id) ?? null });
}

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

  /**
   * Everyone not archived (or those of these who are not), with the totals behind
   * your tie strength to them; everyone is read in parts (NODE_CHUNK by default).
   */
  async nodes(ids?: string[], { between = noPause, part = NODE_CHUNK }: InParts = {}): Promise<NetworkNode[]> {
    const out: NetworkNode[] = [];
    const people = () => this.db.selectFrom('person').select(['id', 'display_name', 'met_on']).where('archived_at', 'is', null);
    const stats = () => this.db.selectFrom('contact_stats').selectAll();
    if (ids) {
      for (const group of chunks(ids)) {
        joinStats(await people().where('id', 'in', group).execute(), await stats().where('person_id', 'in', group).execute(), out);
      }
      return out;
    }
    for (let after = ''; ; await between()) {
      const page = await people().where('id', '>', after).orderBy('id').limit(part).execute();
      if (page.length === 0) return out;
      const last = page[page.length - 1]!.id;
      joinStats(page, await stats().where('person_id', '>', after).where('person_id', '<=', last).execute(), out);
      if (page.length < part) return out;
      after = last;
    }
  }

  /**
   * The whole network's evidence, one row per pair (a < b) and kind, with how many
   * pieces of that kind there are. The same evidence as edgesOf, counted in the
   * database rather than listed, so the whole network fits in one pass. Each kind
   * holds a pair once (a < b); interactions, the most, come first.
   */
  async allEdges({ between = noPause, part = INTERACTION_CHUNK }: InParts = {}): Promise<RawEdge[]> {
    const out: RawEdge[] = [];
    const push = (rows: Array<{ a: string; b: string; n: number | string }>, kind: RawEdge['kind']) => {
      for (const r of rows) out.push({ a: r.a, b: r.b, kind, count: Number(r.n), detail: '' });
    };
    // Interactions, by far the most evidence, are counted a range of them at a time
    // (a pair met in several ranges is added up here): as fast as one statement, and
    // no part holds the thread for long.
    const together = new Map<string, { a: string; b: string; n: number }>();
    for (let after = ''; ; await between()) {
      const upTo = (await this.db.selectFrom('interaction').select('id').where('id', '>', after).orderBy('id').limit(1).offset(part - 1).executeTakeFirst())?.id;
      const { rows } = await sql<{ a: string; b: string; n: number | string }>`
        WITH small AS (
          SELECT interaction_id FROM interaction_participant
          WHERE interaction_id > ${after} ${upTo === undefined ? sql`` : sql`AND interaction_id <= ${upTo}`}
          GROUP BY interaction_id HAVING count(*) BETWEEN 2 AND ${MAX_PARTICIPANTS})
        SELECT a.person_id AS a, b.person_id AS b, count(*) AS n
        FROM small
        JOIN interaction_participant a ON a.interaction_id = small.interaction_id
        JOIN interaction_participant b ON b.interaction_id = small.interaction_id AND b.person_id > a.person_id
        GROUP BY a.person_id, b.person_id`.execute(this.db);
      for (const r of rows) {
        const key = `${r.a}|${r.b}`;
        const seen = together.get(key);
        if (seen) seen.n += Number(r.n);
        else together.set(key, { a: r.a, b: r.b, n: Number(r.n) });
      }
      if (upTo === undefined) break;
      after = upTo;
    }
    push([...together.values()], 'interactions');
    together.clear();
    push(
      (await sql<{ a: string; b: string; n: number }>`
        SELECT a, b, count(*) AS n FROM (
          SELECT DISTINCT
            CASE WHEN from_person_id < to_person_id THEN from_person_id ELSE to_person_id END AS a,
            CASE WHEN from_person_id < to_person_id THEN to_person_id ELSE from_person_id END AS b,
            kind
          FROM relationship WHERE from_person_id <> to_person_id) r
        GROUP BY a, b`.execute(this.db)).rows,
      'relationship',
    );
    push(
      (await sql<{ a: string; b: string; n: number }>`
        WITH small AS (
          SELECT organization_id FROM position GROUP BY organization_id HAVING count(*) <= ${MAX_COLLEAGUES})
        SELECT x.person_id AS a, y.person_id AS b, count(*) AS n
        FROM small
        JOIN position x ON x.organization_id = small.organization_id
        JOIN position y ON y.organization_id = small.organization_id AND y.person_id > x.person_id
        WHERE coalesce(x.start_date, '') <= coalesce(y.end_date, '9999') AND coalesce(y.start_date, '') <= coalesce(x.end_date, '9999')
        GROUP BY x.person_id, y.person_id`.execute(this.db)).rows,
      'colleagues',
    );
    push(
      (await sql<{ a: string; b: string; n: number }>`
        SELECT a, b, count(*) AS n FROM (
          SELECT CASE WHEN id < introduced_by_id THEN id ELSE introduced_by_id END AS a,
                 CASE WHEN id < introduced_by_id THEN introduced_by_id ELSE id END AS b
          FROM person WHERE introduced_by_id IS NOT NULL AND introduced_by_id <> id
          UNION ALL
          SELECT CASE WHEN person_a < person_b THEN person_a ELSE person_b END,
                 CASE WHEN person_a < person_b THEN person_b ELSE person_a END
          FROM introduction WHERE status = 'made' AND person_a <> person_b) i
        GROUP BY a, b`.execute(this.db)).rows,
      'introduction',
    );
    return out;
  }

  /** Current organizations and tags of everyone not archived, to name communities by. */
  async profiles(): Promise<NodeProfile[]> {
    const byPerson = new Map<string, NodeProfile>();
    const get = (id: string) => {
      let p = byPerson.get(id);
      if (!p) byPerson.set(id, (p = { personId: id, organizations: [], tags: [] }));
      return p;
    };
    const orgs = await this.db
      .selectFrom('position as x')
      .innerJoin('organization as o', 'o.id', 'x.organization_id')
      .innerJoin('person as p', 'p.id', 'x.person_id')
      .select(['x.person_id', 'o.name'])
      .where('x.end_date', 'is', null)
      .where('p.archived_at', 'is', null)
      .execute();
    for (const r of orgs) get(r.person_id).organizations.push(r.name);
    const tags = await this.db
      .selectFrom('person_tag as pt')
      .innerJoin('tag as t', 't.id', 'pt.tag_id')
      .innerJoin('person as p', 'p.id', 'pt.person_id')
      .select(['pt.person_id', 't.name'])
      .where('p.archived_at', 'is', null)
      .execute();
    for (const r of tags) get(r.person_id).tags.push(r.name);
    return [...byPerson.values()];
  }

  /**
   * A summary that changes whenever the network's evidence or its people may have:
   * counts and latest ids or times of every table the graph is read from.
   */
  async fingerprint(): Promise<string> {
    const r = await sql<Record<string, unknown>>`
      SELECT
        (SELECT max(id) FROM interaction) AS i_max,
        (SELECT count(*) FROM interaction_participant) AS ip_n,
        (SELECT count(*) FROM relationship) AS r_n, (SELECT max(id) FROM relationship) AS r_max,
        (SELECT count(*) FROM position) AS pos_n, (SELECT max(id) FROM position) AS pos_max, (SELECT count(end_date) FROM position) AS pos_ended,
        (SELECT count(*) FROM introduction) AS in_n, (SELECT max(updated_at) FROM introduction) AS in_max,
        (SELECT count(*) FROM person) AS p_n, (SELECT max(updated_at) FROM person) AS p_max,
        (SELECT count(*) FROM person_tag) AS t_n, (SELECT count(*) FROM organization) AS o_n`.execute(this.db);
    return Object.values(r.rows[0] ?? {}).map(String).join('|');
  }
}
