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

/** Fields a merge fills from the other person, and their names among custom fields. */
const MERGED_FIELDS = ['nickname', 'pronouns', 'location', 'birthday', 'howMet', 'metOn', 'tier'] as const;
const FIELD_LABELS: Record<(typeof MERGED_FIELDS)[number], string> = {
  nickname: 'nickname', pronouns: 'pronouns', location: 'location', birthday: 'birthday', howMet: 'how met', metOn: 'met on', tier: 'tier',
};

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
   * over; fields `keep` lacks are taken from `other`, and a value both have and
   * disagree on stays beside keep's as a custom field ("merged location", say);
   * then `other` is deleted.
   */
  async merge(keepRef: string, otherRef: string): Promise<Person> {
    return inTransaction(this.ctx.store, async (repos) => {
      const keep = await resolvePersonId(repos, keepRef, { includeArchived: true });
      const other = await resolvePersonId(repos, otherRef, { includeArchived: true });
      if (keep === other) throw invalid('person', otherRef, 'is the same person as the one kept');
      const [k, o] = await repos.people.hydrate([keep, other]);
      const fill: Partial<PersonFields> = {};
      // Where both have a value and they differ, the one kept wins and the other's is
      // kept beside it as a custom field: nothing the merged person knew is lost.
      const custom = { ...o!.customFields, ...k!.customFields };
      const keepAside = (field: string, value: string) => {
        const before = custom[field];
        if (!before) custom[field] = value;
        else if (!before.split('; ').includes(value)) custom[field] = `${before}; ${value}`;
      };
      if (o!.name !== k!.name) keepAside('also known as', o!.name);
      for (const key of MERGED_FIELDS) {
        if (!k![key] && o![key]) (fill as Record<string, unknown>)[key] = o![key];
        else if (k![key] && o![key] && k![key] !== o![key]) keepAside(`merged ${FIELD_LABELS[key]}`, String(o![key]));
      }
      if (!k!.introducedBy && o!.introducedBy && o!.introducedBy.id !== keep) fill.introducedById = o!.introducedBy.id;
      else if (k!.introducedBy && o!.introducedBy && k!.introducedBy.id !== o!.introducedBy.id) keepAside('merged introduced by', o!.introducedBy.name);
      for (const [field, value] of Object.entries(o!.customFields)) if (k!.customFields[field] && k!.customFields[field] !== value) keepAside(`${field} (merged)`, value);
      if (JSON.stringify(custom) !== JSON.stringify(k!.customFields)) fill.customFields = custom;
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
