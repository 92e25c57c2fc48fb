import { addInteraction, EMPTY_STATS, tieStrength, type ContactStats, type TieStrength } from '../domain/tie-strength.js';
import { inTransaction, readRepositories } from '../store/repositories.js';
import type { ServiceContext } from './context.js';
import type { ProgressReporter } from './demo-service.js';
import { resolvePersonId } from './person-refs.js';

const PAGE = 2000;

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
   * Rebuilds every person's totals from their interactions, a page of people per
   * transaction. Only needed after a bulk load or to repair; writes keep them current.
   */
  async recomputeAll(progress: ProgressReporter = () => {}): Promise<{ people: number; interactions: number }> {
    const total = await readRepositories(this.ctx.store).people.count();
    let after: string | null = null;
    let people = 0;
    let interactions = 0;
    for (;;) {
      const ids: string[] = await readRepositories(this.ctx.store).people.allIds(after, PAGE);
      if (ids.length === 0) break;
      await inTransaction(this.ctx.store, async (repos) => {
        const totals = new Map<string, ContactStats>();
        for (const row of await repos.contactStats.participation(ids)) {
          totals.set(row.personId, addInteraction(totals.get(row.personId) ?? EMPTY_STATS, row));
          interactions++;
        }
        await repos.contactStats.delete(ids.filter((id) => !totals.has(id)));
        await repos.contactStats.putMany([...totals].map(([personId, stats]) => ({ personId, stats })));
      });
      people += ids.length;
      after = ids[ids.length - 1]!;
      progress('tie strength', people, total);
    }
    return { people, interactions };
  }
}
