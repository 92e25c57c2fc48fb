/**
 * Warm introduction paths. A path runs from you through people you know to the
 * target. Its score prefers a strong first hop (someone who will gladly ask for you)
 * and a moderately weak next hop: Rajkumar et al. (Science, 2022) found that
 * moderately weak ties, not the strongest, are the ones that most often lead to new
 * jobs. Longer paths lose half their score per extra hop.
 */

export interface Evidence {
  kind: 'relationship' | 'interactions' | 'colleagues' | 'introduction';
  text: string;
}

export interface Edge {
  weight: number;
  evidence: Evidence[];
}

/** Evidence of one kind, as a weight from 0 to 1. */
export function evidenceWeight(e: { kind: Evidence['kind']; count?: number }): number {
  switch (e.kind) {
    case 'relationship':
      return 0.8;
    case 'introduction':
      return 0.5;
    case 'colleagues':
      return 0.35;
    case 'interactions':
      return 1 - Math.exp(-(e.count ?? 1) / 3);
  }
}

/** Independent pieces of evidence add up: 1 − Π(1 − wᵢ). */
export function combineWeights(weights: number[]): number {
  return 1 - weights.reduce((p, w) => p * (1 - Math.max(0, Math.min(1, w))), 1);
}

/**
 * How good a tie is as the second or later hop: highest for moderately weak ties
 * (about 0.45); a strong tie is still good (0.7 at the strongest), a faint one poor
 * (never below 0.2).
 */
export function bridgeFactor(weight: number): number {
  const w = Math.max(0, Math.min(1, weight));
  if (w >= 0.45) return 1 - 0.3 * ((w - 0.45) / 0.55) ** 2;
  return Math.max(0.2, Math.exp(-(((w - 0.45) / 0.25) ** 2)));
}

export interface Hop {
  from: string;
  to: string;
  /** Your tie strength (0–100) for the first hop; the edge weight (0–1) after. */
  strength: number;
  evidence: Evidence[];
}

export interface WarmPath {
  target: string;
  hops: Hop[];
  score: number;
}

export interface GraphView {
  /** Your tie strength to each person you know (0–100). */
  yourStrength(personId: string): number;
  neighbours(personId: string): Iterable<[string, Edge]>;
}

const ME = 'me';

/** The best paths of one to three hops from you to each of the targets, best first. */
export function warmPaths(graph: GraphView, targets: string[], limit = 10): WarmPath[] {
  const paths: WarmPath[] = [];
  const firstHop = (personId: string): Hop => ({ from: ME, to: personId, strength: graph.yourStrength(personId), evidence: [] });
  for (const target of targets) {
    const direct = graph.yourStrength(target);
    if (direct > 0) paths.push({ target, hops: [firstHop(target)], score: round(direct / 100) });
    for (const [a, ta] of graph.neighbours(target)) {
      const sa = graph.yourStrength(a);
      if (sa > 0 && a !== target) {
        paths.push({ target, hops: [firstHop(a), { from: a, to: target, strength: round(ta.weight), evidence: ta.evidence }], score: round((sa / 100) * bridgeFactor(ta.weight)) });
      }
      for (const [b, ab] of graph.neighbours(a)) {
        const sb = graph.yourStrength(b);
        if (sb <= 0 || b === target || b === a) continue;
        paths.push({
          target,
          hops: [firstHop(b), { from: b, to: a, strength: round(ab.weight), evidence: ab.evidence }, { from: a, to: target, strength: round(ta.weight), evidence: ta.evidence }],
          score: round(0.5 * (sb / 100) * bridgeFactor(ab.weight) * bridgeFactor(ta.weight)),
        });
      }
    }
  }
  // One path per (first hop, target): the best.
  const best = new Map<string, WarmPath>();
  // Ties broken by the people on the path, so any graph with the same ties gives the same answer.
  const route = (p: WarmPath) => p.hops.map((h) => h.to).join('>');
  for (const p of paths.sort((x, y) => y.score - x.score || x.hops.length - y.hops.length || route(x).localeCompare(route(y)))) {
    const key = `${p.hops[0]!.to}|${p.target}`;
    if (!best.has(key)) best.set(key, p);
  }
  return [...best.values()].slice(0, limit);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
