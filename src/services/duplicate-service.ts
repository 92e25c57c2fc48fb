import { findDuplicates, type DuplicatePair } from '../domain/duplicates.js';
import { invalid } from '../domain/errors.js';
import type { Person, PersonFields } from '../domain/person.js';
import { inTransaction, readRepositories } from '../store/repositories.js';
import { rebuildStats } from './contact-stats.js';
import type { ServiceContext } from './context.js';
import { resolvePersonId } from './person-refs.js';
import { parseLimit } from './person-service.js';

export interface DuplicateEntry extends DuplicatePair {
  people: [Person, Person];
}

export class DuplicateService {
  constructor(private readonly ctx: ServiceContext) {}

  /** Probable duplicates for review, best first; never merged automatically. */
  async list(limit?: number): Promise<DuplicateEntry[]> {
    const repos = readRepositories(this.ctx.store);
    const pairs = findDuplicates(await repos.duplicates.candidates(), await repos.duplicates.dismissed()).slice(0, parseLimit(limit, 50, 10_000));
    const people = new Map((await repos.people.hydrate([...new Set(pairs.flatMap((p) => [p.a, p.b]))])).map((p) => [p.id, p]));
    return pairs.map((p) => ({ ...p, people: [people.get(p.a)!, people.get(p.b)!] }));
  }

  /** Remembers that two people are not the same, so the pair is not proposed again. */
  async dismiss(aRef: string, bRef: string): Promise<void> {
    await inTransaction(this.ctx.store, async (repos) => {
      const a = await resolvePersonId(repos, aRef, { includeArchived: true });
      const b = await resolvePersonId(repos, bRef, { includeArchived: true });
      if (a === b) throw invalid('person', bRef, 'is the same person as the first');
      await repos.duplicates.dismiss(a, b, this.ctx.now().toISOString());
    });
  }

  /**
   * Merges `other` into `keep` without losing anything: every contact detail, tag,
   * position, interaction, note, relationship, reminder and import source moves
   * over; fields `keep` lacks are taken from `other`; then `other` is deleted.
   */
  async merge(keepRef: string, otherRef: string): Promise<Person> {
    return inTransaction(this.ctx.store, async (repos) => {
      const keep = await resolvePersonId(repos, keepRef, { includeArchived: true });
      const other = await resolvePersonId(repos, otherRef, { includeArchived: true });
      if (keep === other) throw invalid('person', otherRef, 'is the same person as the one kept');
      const [k, o] = await repos.people.hydrate([keep, other]);
      const fill: Partial<PersonFields> = {};
      const keys = ['nickname', 'pronouns', 'location', 'birthday', 'howMet', 'metOn', 'tier'] as const;
      for (const key of keys) if (!k![key] && o![key]) (fill as Record<string, unknown>)[key] = o![key];
      if (!k!.introducedBy && o!.introducedBy && o!.introducedBy.id !== keep) fill.introducedById = o!.introducedBy.id;
      if (Object.keys(o!.customFields).some((f) => !(f in k!.customFields))) fill.customFields = { ...o!.customFields, ...k!.customFields };
      const now = this.ctx.now().toISOString();
      await repos.duplicates.reassign(other, keep);
      await repos.search.remove([other]);
      await repos.people.delete(other);
      await repos.people.update(keep, fill, now);
      await repos.interactions.recomputeLastContact([keep]);
      await rebuildStats(repos, [keep]);
      await repos.search.reindex([keep]);
      return (await repos.people.hydrate([keep]))[0]!;
    });
  }
}
