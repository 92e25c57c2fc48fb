import louvainModule from 'graphology-communities-louvain';
import { strengthBand } from './audience.js';
import type { NetworkGraph } from './network-graph.js';
import { Random } from './random.js';

// The package is CommonJS with a default export; under Node's ESM loader it may arrive wrapped.
type Louvain = { detailed(graph: NetworkGraph, options: { getEdgeWeight: 'weight'; rng: () => number }): { communities: Record<string, number>; count: number; modularity: number } };
const louvain = ((louvainModule as unknown as { default?: Louvain }).default ?? louvainModule) as unknown as Louvain;

export interface Communities {
  /** Community number per person; people with no ties at all are left out. */
  of: Map<string, number>;
  count: number;
  modularity: number;
}

/** Your tie strength from which someone is a bridge into their community (the strong band). */
export const BRIDGE_STRENGTH = 60;
/** Groups smaller than this are not reported as communities. */
export const MIN_COMMUNITY = 3;

/**
 * Louvain communities of the people who have ties (weighted by how well they know
 * each other), with a fixed seed so the same network always gives the same answer.
 */
export function detectCommunities(graph: NetworkGraph, seed = 'kith'): Communities {
  const rng = new Random(seed);
  if (graph.size === 0) return { of: new Map(), count: 0, modularity: 0 };
  // People with no ties come out as groups of one; they are left out rather than copying the graph without them.
  const result = louvain.detailed(graph, { getEdgeWeight: 'weight', rng: () => rng.next() });
  const of = new Map<string, number>();
  for (const [person, c] of Object.entries(result.communities)) if (graph.degree(person) > 0) of.set(person, c);
  return { of, count: new Set(of.values()).size, modularity: result.modularity };
}

export interface CommunitySummary {
  id: number;
  size: number;
  /** Named for what its members have most in common: their organizations, then their tags. */
  label: string;
  organizations: Array<{ name: string; people: number }>;
  tags: Array<{ name: string; people: number }>;
  /** Members you know, by the strength bands used everywhere else. */
  yours: { strong: number; medium: number; weak: number };
  /** Your best-known member, the natural way in. */
  bestKnown: { id: string; name: string; strength: number } | null;
  /** A strong tie of yours is in it or knows someone in it. */
  bridged: boolean;
}

export interface Profile {
  organizations: string[];
  tags: string[];
}

function top(counts: Map<string, number>, n: number): Array<{ name: string; people: number }> {
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, n).map(([name, people]) => ({ name, people }));
}

/** Everyone you have a strong tie with, and everyone they know: the people you can reach through a friend. */
export function bridgeReach(graph: NetworkGraph): Set<string> {
  const reach = new Set<string>();
  graph.forEachNode((node, attrs) => {
    if (attrs.strength < BRIDGE_STRENGTH) return;
    reach.add(node);
    graph.forEachNeighbor(node, (n) => reach.add(n));
  });
  return reach;
}

/** Each community of at least MIN_COMMUNITY people, largest first, labelled and measured against your ties. */
export function summarizeCommunities(graph: NetworkGraph, communities: Communities, profiles: Map<string, Profile>): CommunitySummary[] {
  const members = new Map<number, string[]>();
  for (const [person, c] of communities.of) {
    let list = members.get(c);
    if (!list) members.set(c, (list = []));
    list.push(person);
  }
  const reach = bridgeReach(graph);
  const out: CommunitySummary[] = [];
  for (const [id, people] of members) {
    if (people.length < MIN_COMMUNITY) continue;
    const orgs = new Map<string, number>();
    const tags = new Map<string, number>();
    const yours = { strong: 0, medium: 0, weak: 0 };
    let bestKnown: CommunitySummary['bestKnown'] = null;
    let bridged = false;
    for (const person of people) {
      const profile = profiles.get(person);
      for (const o of new Set(profile?.organizations ?? [])) orgs.set(o, (orgs.get(o) ?? 0) + 1);
      for (const t of new Set(profile?.tags ?? [])) tags.set(t, (tags.get(t) ?? 0) + 1);
      const { name, strength } = graph.getNodeAttributes(person);
      const band = strengthBand(strength);
      if (band !== 'none') yours[band]++;
      if (strength > 0 && (!bestKnown || strength > bestKnown.strength)) bestKnown = { id: person, name, strength };
      if (reach.has(person)) bridged = true;
    }
    const topOrgs = top(orgs, 3);
    const topTags = top(tags, 3);
    // A name only counts when it is shared: one person's employer does not describe a group.
    const shared = (n: { people: number }) => n.people >= 2;
    const label = [...topOrgs.filter(shared).slice(0, 2).map((o) => o.name), ...topTags.filter(shared).slice(0, 1).map((t) => `#${t.name}`)].join(', ') || `community ${id}`;
    out.push({ id, size: people.length, label, organizations: topOrgs, tags: topTags, yours, bestKnown, bridged });
  }
  return out.sort((a, b) => b.size - a.size || a.id - b.id);
}

export interface Diversity {
  communities: number;
  /** Communities where you have at least one strong tie. */
  withStrongTie: number;
  withAnyTie: number;
  /**
   * The effective number of communities your strong ties are spread across
   * (the exponential of their Shannon entropy): 1 when they all sit in one group.
   */
  spread: number;
}

export function networkDiversity(summaries: CommunitySummary[]): Diversity {
  const strong = summaries.map((s) => s.yours.strong).filter((n) => n > 0);
  const total = strong.reduce((a, b) => a + b, 0);
  const entropy = total === 0 ? 0 : -strong.reduce((h, n) => h + (n / total) * Math.log(n / total), 0);
  return {
    communities: summaries.length,
    withStrongTie: strong.length,
    withAnyTie: summaries.filter((s) => s.yours.strong + s.yours.medium + s.yours.weak > 0).length,
    spread: Math.round(Math.exp(entropy) * 100) / 100,
  };
}
