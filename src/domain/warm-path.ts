/**
 * Warm introduction paths. A path runs from you through people you know to the
 * target. Its score prefers a strong first hop (someone who will gladly ask for you)
 * and a moderately weak next hop: Rajkumar et al. (Science, 2022) found that
 * moderately weak ties, not the strongest, are the ones that most often lead to new
 * jobs. Longer paths lose half their score per extra hop.
 */

import { topK } from './top-k.js';

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
  /** Calls fn for each person with evidence of knowing this one: the combined weight (0–1) and your strength to them. */
  forEachNeighbour(personId: string, fn: (other: string, weight: number, yourStrength: number) => void): void;
  /** What says these two know each other (may be empty where it is looked up later). */
  evidence(a: string, b: string): Evidence[];
}

const ME = 'me';

interface Candidate {
  score: number;
  /** The people on the path after you, the target last. */
  route: string[];
  /** Weights of the hops after the first. */
  weights: number[];
  /** The route as text, made when a tie has to be broken. */
  key?: string;
}

const routeKey = (c: Candidate) => (c.key ??= c.route.join('>'));

/** Best first: higher score, then fewer hops, then by the people on it, so every graph with the same ties agrees. */
function better(x: Candidate, y: Candidate): boolean {
  if (x.score !== y.score) return x.score > y.score;
  if (x.route.length !== y.route.length) return x.route.length < y.route.length;
  return routeKey(x) < routeKey(y);
}

/**
 * The best paths of one to three hops from you to each of the targets, best first;
 * one path per first hop and target. A path is only built when it beats the best so
 * far through the same first hop, so a target with thousands of routes costs little.
 */
export function warmPaths(graph: GraphView, targets: string[], limit = 10): WarmPath[] {
  if (limit < 1) return [];
  const found: Candidate[] = [];
  for (const target of new Set(targets)) {
    const byFirstHop = new Map<string, Candidate>();
    const offer = (first: string, candidate: Candidate) => {
      const current = byFirstHop.get(first);
      if (!current || better(candidate, current)) byFirstHop.set(first, candidate);
    };
    const direct = graph.yourStrength(target);
    if (direct > 0) offer(target, { score: round(direct / 100), route: [target], weights: [] });
    graph.forEachNeighbour(target, (a, ta, sa) => {
      if (a === target) return;
      const bridgeTa = bridgeFactor(ta);
      if (sa > 0) {
        const score = round((sa / 100) * bridgeTa);
        const current = byFirstHop.get(a);
        if (!current || current.score <= score) offer(a, { score, route: [a, target], weights: [ta] });
      }
      const reach = 0.5 * bridgeTa;
      graph.forEachNeighbour(a, (b, ab, sb) => {
        if (sb <= 0 || b === target || b === a) return;
        // Most routes lose to the best so far through the same person, whatever their
        // middle hop (a bridge factor is at most 1): decided before computing anything.
        const current = byFirstHop.get(b);
        if (current && current.score > round(reach * (sb / 100))) return;
        const score = round(reach * (sb / 100) * bridgeFactor(ab));
        if (current && current.score > score) return;
        offer(b, { score, route: [b, a, target], weights: [ab, ta] });
      });
    });
    found.push(...topK(byFirstHop.values(), limit, better));
  }
  return topK(found, limit, better).map((c) => ({
    target: c.route[c.route.length - 1]!,
    score: c.score,
    hops: c.route.map((to, i): Hop => {
      if (i === 0) return { from: ME, to, strength: graph.yourStrength(to), evidence: [] };
      const from = c.route[i - 1]!;
      return { from, to, strength: round(c.weights[i - 1]!), evidence: graph.evidence(from, to) };
    }),
  }));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
