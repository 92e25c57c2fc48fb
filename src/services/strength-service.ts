import { EMPTY_STATS, StatsAccumulator, tieStrength, type TieStrength } from '../domain/tie-strength.js';
import { inTransaction, readRepositories } from '../store/repositories.js';
import type { ServiceContext } from './context.js';
import type { ProgressReporter } from './demo-service.js';
import { resolvePersonId } from './person-refs.js';

const PAGE = 5000;

export class StrengthService {
  constructor(private readonly ctx: ServiceContext) {}

  async forPerson(ref: string): Promise<TieStrength> {
    const repos = readRepositories(this.ctx.store);
    const id = await resolvePersonId(repos, ref, { includeArchived: true });
    const [person] = await repos.people.hydrate([id]);
    const stats = (await repos.contactStats.get([id])).get(id) ?? EMPTY_STATS;
    return tieStrength(stats, this.ctx.now(), person?.metOn ?? null);
  }

  /** Strength of many people at once, for lists and the queue. */
  async scores(personIds: string[], metOn: Map<string, string | null> = new Map()): Promise<Map<string, number>> {
    const stats = await readRepositories(this.ctx.store).contactStats.get(personIds);
    const now = this.ctx.now();
    return new Map(personIds.map((id) => [id, tieStrength(stats.get(id) ?? EMPTY_STATS, now, metOn.get(id) ?? null).score]));
  }

  /**
   * Rebuilds every person's totals from the interactions in one pass over them
   * (totals do not depend on order), then replaces the table in one transaction.
   * Only needed after a bulk load or to repair; writes keep the totals current.
   */
  async recomputeAll(progress: ProgressReporter = () => {}): Promise<{ people: number; interactions: number }> {
    const repos = readRepositories(this.ctx.store);
    const total = await repos.contactStats.participationCount();
    const totals = new Map<string, StatsAccumulator>();
    let after: { interactionId: string; personId: string } | null = null;
    let interactions = 0;
    for (;;) {
      const page = await repos.contactStats.participationPage(after, PAGE);
      if (page.length === 0) break;
      for (const row of page) {
        let acc = totals.get(row.personId);
        if (!acc) totals.set(row.personId, (acc = new StatsAccumulator()));
        acc.add(row);
        interactions++;
      }
      const last = page[page.length - 1]!;
      after = { interactionId: last.interactionId, personId: last.personId };
      progress('reading', interactions, total);
    }
    const people = [...totals.keys()];
    await inTransaction(this.ctx.store, async (trx) => {
      await trx.contactStats.deleteAll();
      for (let i = 0; i < people.length; i += PAGE) {
        await trx.contactStats.putMany(people.slice(i, i + PAGE).map((personId) => ({ personId, stats: totals.get(personId)!.toStats() })));
        progress('writing', Math.min(people.length, i + PAGE), people.length);
      }
    });
    return { people: totals.size, interactions };
  }
}
