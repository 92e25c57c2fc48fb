import { nameMatchScore } from '../domain/fuzzy-match.js';
import { searchTokens, type SearchHit } from '../domain/search.js';
import { readRepositories } from '../store/repositories.js';
import type { ServiceContext } from './context.js';
import { parseLimit } from './person-service.js';

// A common first name can belong to thousands of people; past this many candidates
// the fuzzy step stops looking.
const FUZZY_CANDIDATES = 2000;

export class SearchService {
  constructor(private readonly ctx: ServiceContext) {}

  /**
   * Ranked search: people whose text holds every word (or its start) come first, by
   * relevance; then people whose names are within a typo or two of the words typed.
   */
  async search(query: string, limit?: number): Promise<SearchHit[]> {
    const n = parseLimit(limit, 20, 500);
    const tokens = searchTokens(query);
    if (tokens.length === 0) return [];
    const repos = readRepositories(this.ctx.store);
    const text = await repos.search.fullText(tokens, n);
    const scored: Array<{ id: string; score: number; match: 'text' | 'fuzzy' }> = text.map((hit, i) => ({
      id: hit.personId,
      // Text hits keep their engine's order; all of them outrank fuzzy hits.
      score: 2 - i / Math.max(text.length, 1),
      match: 'text',
    }));
    if (scored.length < n) {
      const seen = new Set(scored.map((s) => s.id));
      const candidates = await repos.search.nameCandidates(tokens, FUZZY_CANDIDATES);
      const fresh = candidates.filter((id) => !seen.has(id));
      const tokensByPerson = await repos.search.nameTokensOf(fresh);
      const fuzzy = fresh
        .map((id) => ({ id, score: nameMatchScore(tokens, tokensByPerson.get(id) ?? []), match: 'fuzzy' as const }))
        .filter((c) => c.score > 0)
        .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
      scored.push(...fuzzy.slice(0, n - scored.length));
    }
    const people = await repos.people.hydrate(scored.map((s) => s.id));
    const byId = new Map(people.map((p) => [p.id, p]));
    return scored.filter((s) => byId.has(s.id)).map((s) => ({ person: byId.get(s.id)!, score: Math.round(s.score * 1000) / 1000, match: s.match }));
  }
}
