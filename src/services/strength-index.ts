import { isoDay } from '../domain/dates.js';
import { EMPTY_STATS, tieStrengthScore } from '../domain/tie-strength.js';
import type { Store } from '../store/connect.js';
import type { NetworkNode } from '../store/graph-repository.js';
import type { Repositories } from '../store/repositories.js';

export interface PersonStrength {
  name: string;
  metOn: string | null;
  firstAt: string | null;
  strength: number;
}

/**
 * From this many people on, everyone is read in one scan rather than each by id:
 * at a tenth of a large network the two cost about the same, and the scan can be kept.
 */
const READ_EVERYONE_FROM = 10_000;

/**
 * Today's tie strength to many people at once, for questions about whole segments
 * (an audience's coverage, a goal's progress). Once everyone has been read, the
 * result is kept while the day and the store's change mark are unchanged, so a
 * long-running server answers the next question without reading contact totals
 * again. Strength decays by the day, as the network graph does. PostgreSQL has no
 * change mark, so there it is read every time.
 */
export class StrengthIndex {
  private kept: { key: string; people: Map<string, PersonStrength> } | undefined;

  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
    private readonly readEveryoneFrom = READ_EVERYONE_FROM,
  ) {}

  /** These people's strengths by id; archived people are not in it (it may hold others too). */
  async of(repos: Repositories, ids: readonly string[]): Promise<Map<string, PersonStrength>> {
    const now = this.now();
    const mark = this.store.changeMark();
    const key = mark === null ? null : `${isoDay(now)}|${mark}`;
    if (key !== null && this.kept?.key === key) return this.kept.people;
    if (ids.length < this.readEveryoneFrom) return strengths(await repos.graph.nodes([...ids]), now);
    const people = strengths(await repos.graph.nodes(), now);
    if (key !== null) this.kept = { key, people };
    return people;
  }
}

function strengths(nodes: NetworkNode[], now: Date): Map<string, PersonStrength> {
  const out = new Map<string, PersonStrength>();
  for (const n of nodes) {
    out.set(n.id, { name: n.name, metOn: n.metOn, firstAt: n.stats?.firstAt ?? null, strength: tieStrengthScore(n.stats ?? EMPTY_STATS, now, n.metOn) });
  }
  return out;
}
