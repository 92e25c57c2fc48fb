import type { NetworkGraph } from './network-graph.js';

/**
 * Whom to meet next: people two hops away (you have no tie yet, someone you know
 * does) with a moderate number of mutual connections. One mutual is a thin
 * thread; dozens mean a tight clique that adds little new. Rajkumar et al. (Science,
 * 2022) found moderately weak ties the most useful, so the score peaks at about
 * IDEAL_MUTUALS mutuals and falls off on both sides.
 */
export const IDEAL_MUTUALS = 4;

export interface Mutual {
  id: string;
  name: string;
  strength: number;
}

export interface WeakTieSuggestion {
  personId: string;
  name: string;
  score: number;
  mutualCount: number;
  /** The mutuals you know best, strongest first. */
  mutuals: Mutual[];
}

/** x·e^(1−x) with x = mutuals / IDEAL_MUTUALS: 1 at the ideal, lower for fewer or many more. */
export function mutualScore(mutuals: number): number {
  const x = mutuals / IDEAL_MUTUALS;
  return x * Math.exp(1 - x);
}

/** Candidates you do not know yet, each scored by their mutuals and how well you know the best of them. */
export function weakTieSuggestions(graph: NetworkGraph, candidates: Iterable<string>, limit = 20, shownMutuals = 5): WeakTieSuggestion[] {
  const out: WeakTieSuggestion[] = [];
  for (const id of new Set(candidates)) {
    if (!graph.hasNode(id) || graph.getNodeAttribute(id, 'strength') > 0) continue;
    const mutuals: Mutual[] = [];
    graph.forEachNeighbor(id, (n, attrs) => {
      if (attrs.strength > 0) mutuals.push({ id: n, name: attrs.name, strength: attrs.strength });
    });
    if (mutuals.length === 0) continue;
    mutuals.sort((a, b) => b.strength - a.strength || a.name.localeCompare(b.name));
    const score = mutualScore(mutuals.length) * (0.5 + 0.5 * (mutuals[0]!.strength / 100));
    out.push({ personId: id, name: graph.getNodeAttribute(id, 'name'), score: Math.round(score * 1000) / 1000, mutualCount: mutuals.length, mutuals: mutuals.slice(0, shownMutuals) });
  }
  return out.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name) || a.personId.localeCompare(b.personId)).slice(0, limit);
}
