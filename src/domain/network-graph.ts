import graphology from 'graphology';
import type { UndirectedGraph as UndirectedGraphType } from 'graphology';
import { evidenceWeight, type Evidence, type GraphView } from './warm-path.js';

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
 *
 * Evidence can be added in several calls (so a server can answer other requests
 * between them). Each kind may hold a pair, in either order, at most once; different
 * kinds may repeat pairs.
 */
export class NetworkGraphBuilder {
  readonly graph: NetworkGraph = new UndirectedGraph<PersonNode, Tie>();
  private kind: Evidence['kind'] | undefined;
  private lookUp = false;

  constructor(people: Iterable<{ id: string; name: string; strength: number }>) {
    for (const p of people) this.graph.addNode(p.id, { name: p.name, strength: p.strength });
  }

  add(evidence: Iterable<CountedEvidence>): void {
    const graph = this.graph;
    for (const e of evidence) {
      if (e.a === e.b || !graph.hasNode(e.a) || !graph.hasNode(e.b)) continue;
      // Most pairs have one kind of evidence. While the first kind is added to an empty
      // graph no pair can be there yet, so only later kinds look their pair up.
      if (e.kind !== this.kind) {
        this.kind = e.kind;
        this.lookUp = graph.size > 0;
      }
      const w = countedWeight(e.kind, e.count);
      const bit = KIND_BIT[e.kind];
      const key = this.lookUp ? graph.edge(e.a, e.b) : undefined;
      if (key === undefined) {
        graph.addEdge(e.a, e.b, { weight: w, kinds: bit });
      } else {
        const tie = graph.getEdgeAttributes(key);
        tie.weight = 1 - (1 - tie.weight) * (1 - w);
        tie.kinds |= bit;
      }
    }
  }
}

export function buildNetworkGraph(people: Iterable<{ id: string; name: string; strength: number }>, evidence: Iterable<CountedEvidence>): NetworkGraph {
  const builder = new NetworkGraphBuilder(people);
  builder.add(evidence);
  return builder.graph;
}

/**
 * The graph as warmPaths reads it: its ties copied once into flat arrays (compressed
 * rows), because walking two steps out from a well-connected person visits thousands
 * of ties and graphology's per-node objects are slow to enumerate. Evidence is looked
 * up afterwards for the few hops returned.
 */
export function graphView(graph: NetworkGraph): GraphView {
  const ids = graph.nodes();
  const index = new Map<string, number>();
  const strength = new Float64Array(ids.length);
  ids.forEach((id, i) => {
    index.set(id, i);
    strength[i] = graph.getNodeAttribute(id, 'strength');
  });
  const starts = new Uint32Array(ids.length + 1);
  ids.forEach((id, i) => (starts[i + 1] = starts[i]! + graph.degree(id)));
  const fill = starts.slice(0, ids.length);
  const neighbours = new Uint32Array(starts[ids.length]!);
  const weights = new Float64Array(starts[ids.length]!);
  graph.forEachEdge((_edge, tie, source, target) => {
    const a = index.get(source)!;
    const b = index.get(target)!;
    neighbours[fill[a]!] = b;
    weights[fill[a]!++] = tie.weight;
    neighbours[fill[b]!] = a;
    weights[fill[b]!++] = tie.weight;
  });
  return {
    yourStrength: (id) => {
      const i = index.get(id);
      return i === undefined ? 0 : strength[i]!;
    },
    forEachNeighbour(id, fn) {
      const i = index.get(id);
      if (i === undefined) return;
      for (let k = starts[i]!, end = starts[i + 1]!; k < end; k++) {
        const j = neighbours[k]!;
        fn(ids[j]!, weights[k]!, strength[j]!);
      }
    },
    evidence: () => [],
  };
}
