import graphology from 'graphology';
import type { UndirectedGraph as UndirectedGraphType } from 'graphology';
import { evidenceWeight, type Edge, type Evidence, type GraphView } from './warm-path.js';

// graphology ships CommonJS; its named classes hang off the default export.
const { UndirectedGraph } = graphology as unknown as { UndirectedGraph: typeof UndirectedGraphType };

/** A person in your network, with your own tie strength to them (0–100). */
export interface PersonNode {
  name: string;
  strength: number;
}

/** How well two people know each other (0–1), and which kinds of evidence say so. */
export interface Tie {
  weight: number;
  /** A bit per evidence kind (KIND_BIT), so answers can say why without keeping the text. */
  kinds: number;
}

export type NetworkGraph = UndirectedGraphType<PersonNode, Tie>;

export const KIND_BIT: Record<Evidence['kind'], number> = { relationship: 1, interactions: 2, colleagues: 4, introduction: 8 };

export interface CountedEvidence {
  a: string;
  b: string;
  kind: Evidence['kind'];
  /** Interactions: how many together. Other kinds: how many separate pieces. */
  count: number;
}

/** The weight of `count` pieces of one kind of evidence, combined as independent pieces are (see combineWeights). */
export function countedWeight(kind: Evidence['kind'], count: number): number {
  if (kind === 'interactions') return evidenceWeight({ kind, count });
  return 1 - (1 - evidenceWeight({ kind })) ** count;
}

/**
 * The network of the people you know, without you: a node per person, an edge per
 * pair with any evidence. Your own ties are the nodes' strength, not edges, so that
 * communities and brokers describe your contacts' world rather than your hub.
 */
export function buildNetworkGraph(people: Iterable<{ id: string; name: string; strength: number }>, evidence: Iterable<CountedEvidence>): NetworkGraph {
  const graph: NetworkGraph = new UndirectedGraph<PersonNode, Tie>();
  for (const p of people) graph.addNode(p.id, { name: p.name, strength: p.strength });
  for (const e of evidence) {
    if (e.a === e.b || !graph.hasNode(e.a) || !graph.hasNode(e.b)) continue;
    const w = countedWeight(e.kind, e.count);
    const bit = KIND_BIT[e.kind];
    // Most pairs have one kind of evidence: look up, and only combine when there is more.
    const key = graph.edge(e.a, e.b);
    if (key === undefined) {
      graph.addEdge(e.a, e.b, { weight: w, kinds: bit });
    } else {
      const tie = graph.getEdgeAttributes(key);
      tie.weight = 1 - (1 - tie.weight) * (1 - w);
      tie.kinds |= bit;
    }
  }
  return graph;
}

/** The graph as warmPaths reads it; evidence is looked up afterwards for the few hops returned. */
export function graphView(graph: NetworkGraph): GraphView {
  return {
    yourStrength: (id) => (graph.hasNode(id) ? graph.getNodeAttribute(id, 'strength') : 0),
    *neighbours(id): Iterable<[string, Edge]> {
      if (!graph.hasNode(id)) return;
      for (const { source, target, attributes } of graph.edgeEntries(id)) {
        yield [source === id ? target : source, { weight: attributes.weight, evidence: [] }];
      }
    },
  };
}
