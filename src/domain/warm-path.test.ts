import { describe, expect, it } from 'vitest';
import { bridgeFactor, combineWeights, evidenceWeight, warmPaths, type Edge, type GraphView } from './warm-path.js';

function graph(you: Record<string, number>, edges: Array<[string, string, number]>): GraphView {
  const adj = new Map<string, Map<string, Edge>>();
  const link = (a: string, b: string, w: number) => {
    if (!adj.has(a)) adj.set(a, new Map());
    adj.get(a)!.set(b, { weight: w, evidence: [{ kind: 'relationship', text: [a, b].sort().join('-') }] });
  };
  for (const [a, b, w] of edges) {
    link(a, b, w);
    link(b, a, w);
  }
  return {
    yourStrength: (id) => you[id] ?? 0,
    forEachNeighbour: (id, fn) => adj.get(id)?.forEach((e, other) => fn(other, e.weight, you[other] ?? 0)),
    evidence: (a, b) => adj.get(a)?.get(b)?.evidence ?? [],
  };
}

describe('warm introduction paths', () => {
  it('weighs evidence and prefers moderately weak bridges', () => {
    expect(evidenceWeight({ kind: 'interactions', count: 3 })).toBeCloseTo(1 - Math.exp(-1), 6);
    expect(combineWeights([0.5, 0.5])).toBe(0.75);
    expect(bridgeFactor(0.45)).toBe(1);
    expect(bridgeFactor(0.45)).toBeGreaterThan(bridgeFactor(0.9));
    expect(bridgeFactor(0.45)).toBeGreaterThan(bridgeFactor(0.1));
    expect(bridgeFactor(0)).toBeGreaterThanOrEqual(0.2);
    expect(bridgeFactor(1)).toBeCloseTo(0.7, 6);
  });

  it('ranks paths by a strong first hop and a moderate second hop, up to three hops, with evidence', () => {
    // You know A well (80) and B a little (20); both know T. C knows T; only A knows C.
    const g = graph({ A: 80, B: 20 }, [
      ['A', 'T', 0.9],
      ['B', 'T', 0.45],
      ['A', 'C', 0.45],
      ['C', 'U', 0.45],
    ]);
    const toT = warmPaths(g, ['T']);
    // A: 0.8 × bridge(0.9) ≈ 0.64; B: 0.2 × bridge(0.45) = 0.2.
    expect(toT.map((p) => [p.hops.map((h) => h.to).join('>'), p.score])).toEqual([
      ['A>T', Math.round(0.8 * bridgeFactor(0.9) * 1000) / 1000],
      ['B>T', 0.2],
    ]);
    expect(toT[0]!.hops[1]!.evidence).toEqual([{ kind: 'relationship', text: 'A-T' }]);
    // U is three hops away: you > A > C > U, halved for the extra hop.
    const toU = warmPaths(g, ['U']);
    expect(toU.map((p) => [p.hops.map((h) => h.to).join('>'), p.score])).toEqual([['A>C>U', 0.4]]);
    // Someone you know directly comes first when your tie is the strongest route.
    expect(warmPaths(graph({ T: 90 }, [['T', 'X', 0.5]]), ['T'])[0]!.hops.map((h) => h.to)).toEqual(['T']);
    expect(warmPaths(g, ['nobody'])).toEqual([]);
  });
});
