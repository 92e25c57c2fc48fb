import type { Person } from '../domain/person.js';
import { tieStrength } from '../domain/tie-strength.js';
import { suggestTiers, type TierSuggestion } from '../domain/tier-suggestion.js';
import type { Tier } from '../domain/vocabulary.js';
import { inTransaction, readRepositories, type Repositories } from '../store/repositories.js';
import type { ServiceContext } from './context.js';
import { resolvePersonIds } from './person-refs.js';

export interface TierProposal extends TierSuggestion {
  name: string;
}

export class TierService {
  constructor(private readonly ctx: ServiceContext) {}

  /** Proposes tiers from observed behaviour; changes nothing. */
  async suggest(): Promise<TierProposal[]> {
    return this.proposals(readRepositories(this.ctx.store));
  }

  private async proposals(repos: Repositories): Promise<TierProposal[]> {
    const now = this.ctx.now();
    const observed: Array<{ personId: string; strength: number; current: Tier | null }> = [];
    let after: string | null = null;
    for (;;) {
      const page = await repos.contactStats.all(after, 5000);
      if (page.length === 0) break;
      const people = await repos.people.hydrate(page.map((p) => p.personId));
      const byId = new Map(people.map((p) => [p.id, p]));
      for (const { personId, stats } of page) {
        const person = byId.get(personId);
        if (!person || person.archived) continue;
        observed.push({ personId, strength: tieStrength(stats, now, person.metOn).score, current: person.tier });
      }
      after = page[page.length - 1]!.personId;
    }
    const suggestions = suggestTiers(observed);
    const names = new Map((await repos.people.hydrate(suggestions.map((s) => s.personId))).map((p) => [p.id, p.name]));
    return suggestions.map((s) => ({ ...s, name: names.get(s.personId) ?? '' }));
  }

  /** Applies the current proposal, for everyone or only for the people named. */
  async accept(refs: string[] = []): Promise<Person[]> {
    return inTransaction(this.ctx.store, async (repos) => {
      const only = refs.length > 0 ? new Set(await resolvePersonIds(repos, refs)) : undefined;
      const chosen = (await this.proposals(repos)).filter((s) => !only || only.has(s.personId));
      const now = this.ctx.now().toISOString();
      for (const s of chosen) await repos.people.update(s.personId, { tier: s.suggested }, now);
      return repos.people.hydrate(chosen.map((s) => s.personId));
    });
  }
}

