import { describe, expect, it } from 'vitest';
import { BrokerageCalculator, type WeightedNetwork } from './brokerage.js';
import { detectCommunities, networkDiversity, summarizeCommunities, type Profile } from './communities.js';
import { buildNetworkGraph, countedWeight, graphView, KIND_BIT } from './network-graph.js';
import { evidenceWeight, warmPaths } from './warm-path.js';
import { IDEAL_MUTUALS, mutualScore, weakTieSuggestions } from './weak-ties.js';

function network(edges: Array<[string, string, number]>): WeightedNetwork {
  const adj = new Map<string, Array<[string, number]>>();
  for (const [a, b, w] of edges) {
    adj.set(a, [...(adj.get(a) ?? []), [b, w]]);
    adj.set(b, [...(adj.get(b) ?? []), [a, w]]);
  }
  return { neighbours: (n) => adj.get(n) ?? [] };
}

describe("Burt's constraint and effective size", () => {
  // A knows B, C and D; B and C also know each other; D knows only A.
  const calc = new BrokerageCalculator(network([['A', 'B', 1], ['A', 'C', 1], ['A', 'D', 1], ['B', 'C', 1]]));

  it('matches the published formulas computed by hand', () => {
    // constraint(A) = (1/3 + 1/3·1/2)² for B, the same for C, (1/3)² for D = 1/2 + 1/9.
    expect(calc.of('A').constraint).toBeCloseTo(0.5 + 1 / 9, 10);
    // effective size(A) = (1 − 1/3) + (1 − 1/3) + 1: B and C are redundant with each other.
    expect(calc.of('A').effectiveSize).toBeCloseTo(7 / 3, 10);
    // Borgatti's shortcut for unweighted ties agrees: n − 2t/n = 3 − 2·1/3.
    expect(calc.of('A').effectiveSize).toBeCloseTo(3 - 2 / 3, 10);
    // D depends entirely on A.
    expect(calc.of('D')).toEqual({ constraint: 1, effectiveSize: 1, ties: 1 });
    // B: (1/2 + 1/2·1/2)² for A and (1/2 + 1/2·1/3)² for C.
    expect(calc.of('B').constraint).toBeCloseTo(9 / 16 + 4 / 9, 10);
    expect(calc.of('nobody')).toEqual({ constraint: null, effectiveSize: null, ties: 0 });
  });

  it('weighs ties by their share of attention', () => {
    const weighted = new BrokerageCalculator(network([['A', 'B', 2], ['A', 'C', 1]]));
    expect(weighted.of('A').constraint).toBeCloseTo(4 / 9 + 1 / 9, 10);
    expect(weighted.of('A').effectiveSize).toBeCloseTo(2, 10);
    // In a triangle with unequal ties, m(v,w) divides by v's strongest tie.
    const triangle = new BrokerageCalculator(network([['A', 'B', 2], ['A', 'C', 1], ['B', 'C', 1]]));
    // p(A,B) = 2/3, p(A,C) = 1/3; m(B,C) = 1/2, m(C,B) = 1/1 → ES = (1 − 1/3·1/2) + (1 − 2/3·1).
    expect(triangle.of('A').effectiveSize).toBeCloseTo(1 - 1 / 6 + (1 - 2 / 3), 10);
    // constraint: B: (2/3 + 1/3·p(C,B)=1/3·1/2)²; C: (1/3 + 2/3·p(B,C)=2/3·1/3)².
    expect(triangle.of('A').constraint).toBeCloseTo((2 / 3 + 1 / 6) ** 2 + (1 / 3 + 2 / 9) ** 2, 10);
  });

  it('ranks a bridge between two groups below the people inside them on constraint', () => {
    const edges: Array<[string, string, number]> = [];
    for (const g of ['a', 'b']) for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) edges.push([`${g}${i}`, `${g}${j}`, 1]);
    edges.push(['X', 'a0', 1], ['X', 'b0', 1]);
    const c = new BrokerageCalculator(network(edges));
    expect(c.of('X').constraint!).toBeLessThan(c.of('a1').constraint!);
    expect(c.of('X').effectiveSize).toBeCloseTo(2, 10);
  });
});

describe('the network graph', () => {
  const people = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'T'].map((id) => ({ id, name: `Person ${id}`, strength: ({ A: 80, B: 20, C: 0, D: 70 } as Record<string, number>)[id] ?? 0 }));

  it('combines evidence per pair and keeps which kinds it came from', () => {
    const g = buildNetworkGraph(people, [
      { a: 'A', b: 'B', kind: 'interactions', count: 3 },
      { a: 'B', b: 'A', kind: 'relationship', count: 1 },
      { a: 'A', b: 'C', kind: 'colleagues', count: 2 },
      { a: 'A', b: 'A', kind: 'relationship', count: 1 },
      { a: 'A', b: 'gone', kind: 'relationship', count: 1 },
    ]);
    expect(g.size).toBe(2);
    const ab = g.getEdgeAttributes('A', 'B');
    expect(ab.weight).toBeCloseTo(1 - (1 - evidenceWeight({ kind: 'interactions', count: 3 })) * (1 - 0.8), 10);
    expect(ab.kinds).toBe(KIND_BIT.interactions | KIND_BIT.relationship);
    expect(g.getEdgeAttribute('A', 'C', 'weight')).toBeCloseTo(1 - 0.65 ** 2, 10);
    expect(countedWeight('introduction', 1)).toBe(0.5);
  });

  it('answers warm paths like the neighbourhood it replaces', () => {
    const g = buildNetworkGraph(people, [
      { a: 'A', b: 'T', kind: 'relationship', count: 1 },
      { a: 'B', b: 'T', kind: 'colleagues', count: 1 },
    ]);
    const paths = warmPaths(graphView(g), ['T']);
    expect(paths.map((p) => p.hops.map((h) => h.to).join('>'))).toEqual(['A>T', 'B>T']);
    expect(graphView(g).yourStrength('nobody')).toBe(0);
    const seen: string[] = [];
    graphView(g).forEachNeighbour('nobody', (o) => seen.push(o));
    graphView(g).forEachNeighbour('T', (o) => seen.push(o));
    expect(seen.sort()).toEqual(['A', 'B']);
  });

  it('finds two communities joined by one bridge, labels them and measures your reach into them', () => {
    const ids = ['a0', 'a1', 'a2', 'a3', 'b0', 'b1', 'b2', 'b3', 'lonely'];
    const g = buildNetworkGraph(
      ids.map((id) => ({ id, name: id, strength: id === 'a0' ? 90 : id === 'a1' ? 40 : 0 })),
      [
        ...['a', 'b'].flatMap((c) => [0, 1, 2, 3].flatMap((i) => [0, 1, 2, 3].filter((j) => j > i).map((j) => ({ a: `${c}${i}`, b: `${c}${j}`, kind: 'interactions' as const, count: 5 })))),
        { a: 'a3', b: 'b3', kind: 'colleagues', count: 1 },
      ],
    );
    const c = detectCommunities(g);
    expect(c.of.has('lonely')).toBe(false);
    expect(new Set(['a0', 'a1', 'a2', 'a3'].map((id) => c.of.get(id))).size).toBe(1);
    expect(new Set(['b0', 'b1', 'b2', 'b3'].map((id) => c.of.get(id))).size).toBe(1);
    expect(c.of.get('a0')).not.toBe(c.of.get('b0'));
    expect(detectCommunities(g).of).toEqual(c.of);
    const profiles = new Map<string, Profile>([
      ...['a0', 'a1', 'a2'].map((id): [string, Profile] => [id, { organizations: ['Acme'], tags: ['fintech'] }]),
      ['b0', { organizations: ['Globex'], tags: [] }],
      ['b1', { organizations: ['Globex', 'Solo Inc'], tags: ['solo'] }],
    ]);
    const summaries = summarizeCommunities(g, c, profiles);
    const a = summaries.find((s) => s.label.startsWith('Acme'))!;
    expect(a).toMatchObject({ size: 4, label: 'Acme, #fintech', yours: { strong: 1, medium: 1, weak: 0 }, bestKnown: { id: 'a0', strength: 90 }, bridged: true });
    const b = summaries.find((s) => s.label.startsWith('Globex'))!;
    // a0 is your strong tie but knows nobody in b: no bridge.
    // Names only one member has do not label a group.
    expect(b.label).toBe('Globex');
    expect(b).toMatchObject({ size: 4, yours: { strong: 0, medium: 0, weak: 0 }, bestKnown: null, bridged: false });
    expect(networkDiversity(summaries)).toEqual({ communities: 2, withStrongTie: 1, withAnyTie: 1, spread: 1 });
  });
});

describe('weak-tie suggestions', () => {
  it('peaks at a moderate number of mutuals', () => {
    expect(mutualScore(IDEAL_MUTUALS)).toBe(1);
    expect(mutualScore(1)).toBeLessThan(mutualScore(3));
    expect(mutualScore(20)).toBeLessThan(mutualScore(5));
  });

  it('suggests people two hops away, scored by their mutuals, naming them', () => {
    const you: Record<string, number> = { m1: 80, m2: 50, m3: 30, m4: 20, m5: 10 };
    const people = ['m1', 'm2', 'm3', 'm4', 'm5', 'x', 'y', 'z', 'known'].map((id) => ({ id, name: id.toUpperCase(), strength: you[id] ?? (id === 'known' ? 40 : 0) }));
    const g = buildNetworkGraph(people, [
      // x: four mutuals; y: one; z: none you know; known: you know already.
      ...['m1', 'm2', 'm3', 'm4'].map((m) => ({ a: 'x', b: m, kind: 'interactions' as const, count: 1 })),
      { a: 'y', b: 'm1', kind: 'interactions', count: 1 },
      { a: 'z', b: 'y', kind: 'interactions', count: 1 },
      { a: 'known', b: 'm1', kind: 'interactions', count: 1 },
    ]);
    const s = weakTieSuggestions(g, ['x', 'y', 'z', 'known', 'missing'], 10, 3);
    expect(s.map((x) => x.personId)).toEqual(['x', 'y']);
    expect(s[0]).toMatchObject({ mutualCount: 4, mutuals: [{ id: 'm1', strength: 80 }, { id: 'm2' }, { id: 'm3' }], score: Math.round(mutualScore(4) * 0.9 * 1000) / 1000 });
    expect(s[1]!.score).toBe(Math.round(mutualScore(1) * 0.9 * 1000) / 1000);
  });
});
