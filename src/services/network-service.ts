import { BrokerageCalculator, type Brokerage, type WeightedNetwork } from '../domain/brokerage.js';
import { bridgeReach, networkDiversity, type CommunitySummary, type Diversity } from '../domain/communities.js';
import { KithError, invalid, notFound } from '../domain/errors.js';
import type { NetworkGraph } from '../domain/network-graph.js';
import type { PersonRef } from '../domain/person.js';
import { combineWeights, evidenceWeight, warmPaths, type Edge, type Evidence, type GraphView } from '../domain/warm-path.js';
import { weakTieSuggestions, type Mutual } from '../domain/weak-ties.js';
import type { RawEdge } from '../store/graph-repository.js';
import { readRepositories, type Repositories } from '../store/repositories.js';
import { EMPTY_STATS, tieStrengthScore } from '../domain/tie-strength.js';
import { audienceMembers, resolveAudienceId } from './audience-service.js';
import type { ServiceContext } from './context.js';
import type { ProgressReporter } from './demo-service.js';
import { NetworkGraphCache, type BuiltNetwork, type NetworkStatus } from './network-graph-cache.js';
import { resolveOrganizationId } from './organization-refs.js';
import { resolvePersonId } from './person-refs.js';

export interface PathHop {
  from: PersonRef | null;
  to: PersonRef;
  strength: number;
  evidence: string[];
}

export interface IntroPath {
  target: PersonRef;
  score: number;
  hops: PathHop[];
}

interface Graph extends GraphView {
  nodes: number;
  edges: number;
}

export interface GraphSummary {
  nodes: number;
  edges: number;
  /** Whether the answer came from the cached whole network or from reading around the target. */
  source?: 'cache' | 'neighbourhood';
  builtAt?: string;
  buildMs?: number;
}

export interface CommunityReport {
  graph: GraphSummary;
  modularity: number;
  diversity: Diversity;
  communities: CommunitySummary[];
  /** The largest communities none of your strong ties is in or knows anyone in. */
  unbridged: CommunitySummary[];
  /** Saved audiences none of whose members you can reach through a strong tie. */
  unbridgedAudiences: Array<{ id: string; name: string; members: number }>;
}

export interface Broker extends Brokerage {
  person: PersonRef & { strength: number };
  /** How many different communities the people they know belong to. */
  communities: number;
  /** The largest of those communities, by label. */
  connects: string[];
}

export interface BrokerReport {
  graph: GraphSummary;
  /** Your own brokerage: your constraint and effective size among everyone you know. */
  you: Brokerage;
  brokers: Broker[];
}

export interface Suggestion {
  person: PersonRef;
  score: number;
  mutualCount: number;
  mutuals: Mutual[];
  /** Why this person matters: the goals (or the audience asked for) they belong to. */
  for: string[];
}

/** Brokerage is measured for this many of the people whose ties reach the most communities. */
const BROKER_CANDIDATES = 400;
const ME = '\u0000you';

/** At most this many people count as an organization's or an audience's targets. */
const MAX_TARGETS = 300;

function describe(e: RawEdge): Evidence {
  switch (e.kind) {
    case 'relationship':
      return { kind: 'relationship', text: e.detail.replace(/_/g, ' ') };
    case 'interactions':
      return { kind: 'interactions', text: `together in ${e.count} interaction${e.count === 1 ? '' : 's'}, last ${e.detail}` };
    case 'colleagues':
      return { kind: 'colleagues', text: `both at ${e.detail}` };
    case 'introduction':
      return { kind: 'introduction', text: e.detail };
  }
}

/** A whole number from 1 to max, or the default when not given. */
function bounded(value: number | undefined, fallback: number, max: number, field = 'limit'): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) throw invalid(field, value, `expected a whole number from 1 to ${max}`);
  return value;
}

/**
 * Your network as a whole: warm paths to a target, its communities, its brokers,
 * whom to meet next and what the map draws. People are joined by evidence that they
 * know each other; the whole network is built once and cached (see
 * NetworkGraphCache), and a single path question without it reads only the two
 * steps around its target.
 */
export class NetworkService {
  private readonly cache: NetworkGraphCache;

  constructor(private readonly ctx: ServiceContext) {
    this.cache = new NetworkGraphCache(ctx);
  }

  /** The whole network, built if needed (seconds on a large network; then kept until the data changes). */
  async network(progress?: ProgressReporter): Promise<BuiltNetwork> {
    return this.cache.get(progress);
  }

  /** Whether the whole network is built and current, or how far its build has got. */
  status(): Promise<NetworkStatus> {
    return this.cache.status();
  }

  /** Starts building the whole network in the background (see status). */
  build(): Promise<NetworkStatus> {
    return this.cache.start();
  }

  private summary(net: BuiltNetwork): GraphSummary {
    return { nodes: net.graph.order, edges: net.graph.size, source: 'cache', builtAt: net.builtAt.toISOString(), buildMs: net.buildMs };
  }

  private async neighbourhood(repos: Repositories, targets: string[]): Promise<Graph> {
    const evidence = new Map<string, Map<string, RawEdge[]>>();
    const add = (a: string, b: string, e: RawEdge) => {
      if (a === b) return;
      let m = evidence.get(a);
      if (!m) evidence.set(a, (m = new Map()));
      m.set(b, [...(m.get(b) ?? []), e]);
    };
    const seen = new Set<string>();
    const record = (edges: RawEdge[]) => {
      for (const e of edges) {
        const key = `${e.kind}|${[e.a, e.b].sort().join('|')}|${e.detail}`;
        if (seen.has(key)) continue;
        seen.add(key);
        add(e.a, e.b, e);
        add(e.b, e.a, e);
      }
    };
    record(await repos.graph.edgesOf(targets));
    const firstRing = [...new Set(targets.flatMap((t) => [...(evidence.get(t)?.keys() ?? [])]))].filter((id) => !targets.includes(id));
    record(await repos.graph.edgesOf(firstRing));
    const adjacency = new Map<string, Map<string, Edge>>();
    let edges = 0;
    for (const [a, m] of evidence) {
      const out = new Map<string, Edge>();
      for (const [b, list] of m) {
        out.set(b, { weight: combineWeights(list.map((e) => evidenceWeight(e))), evidence: list.map(describe) });
        edges++;
      }
      adjacency.set(a, out);
    }
    const ids = [...new Set([...targets, ...adjacency.keys()])];
    const [stats, people] = await Promise.all([repos.contactStats.get(ids), repos.people.hydrate(ids)]);
    const now = this.ctx.now();
    const strength = new Map(people.filter((p) => !p.archived).map((p) => [p.id, tieStrengthScore(stats.get(p.id) ?? EMPTY_STATS, now, p.metOn)]));
    return {
      nodes: ids.length,
      edges: edges / 2,
      yourStrength: (id) => strength.get(id) ?? 0,
      forEachNeighbour: (id, fn) => adjacency.get(id)?.forEach((edge, other) => fn(other, edge.weight, strength.get(other) ?? 0)),
      evidence: (a, b) => adjacency.get(a)?.get(b)?.evidence ?? [],
    };
  }

  /** People a target stands for: a person, everyone at an organization, or an audience's members. */
  private async targets(repos: Repositories, ref: string): Promise<string[]> {
    for (const resolve of [
      async () => [await resolvePersonId(repos, ref)],
      async () => (await repos.people.listIds({ organizationId: await resolveOrganizationId(repos, ref), limit: 10_000 })).map((r) => r.id),
      async () => {
        const [audience] = await repos.playbook.audiences([await resolveAudienceId(repos, ref)]);
        return (await audienceMembers(this.ctx, repos, audience!.filter)).map((m) => m.personId);
      },
    ]) {
      try {
        return await resolve();
      } catch (error) {
        if (!(error instanceof KithError) || error.category !== 'not_found') throw error;
      }
    }
    throw notFound('person, organization or audience', ref);
  }

  /** Ranked warm paths (one to three hops) from you to a person, or to anyone at an organization or in an audience. */
  async paths(ref: string, requested?: number): Promise<{ paths: IntroPath[]; graph: GraphSummary }> {
    const limit = bounded(requested, 10, 50);
    const repos = readRepositories(this.ctx.store);
    const targets = (await this.targets(repos, ref)).slice(0, MAX_TARGETS);
    // The cached whole network answers at once; without one, reading around the target
    // (a tenth of a second) beats building the whole network for a single question.
    const cached = await this.cache.fresh();
    const graph: Graph = cached
      ? { ...this.cache.view(cached), nodes: cached.graph.order, edges: cached.graph.size }
      : await this.neighbourhood(repos, targets);
    const found = warmPaths(graph, targets, limit);
    if (cached) await this.attachEvidence(repos, found);
    const names = new Map((await repos.people.hydrate([...new Set(found.flatMap((p) => [p.target, ...p.hops.map((h) => h.to)]))])).map((p) => [p.id, p.name]));
    const person = (id: string): PersonRef => ({ id, name: names.get(id) ?? id });
    return {
      graph: cached ? this.summary(cached) : { nodes: graph.nodes, edges: graph.edges, source: 'neighbourhood' },
      paths: found.map((p) => ({
        target: person(p.target),
        score: p.score,
        hops: p.hops.map((h) => ({
          from: h.from === 'me' ? null : person(h.from),
          to: person(h.to),
          strength: h.strength,
          evidence: h.from === 'me' ? [`your tie strength ${h.strength}`] : h.evidence.map((e) => e.text),
        })),
      })),
    };
  }

  /** The cached network keeps weights, not text: the evidence for the hops of the answer is read now. */
  private async attachEvidence(repos: Repositories, paths: ReturnType<typeof warmPaths>): Promise<void> {
    const hops = paths.flatMap((p) => p.hops.filter((h) => h.from !== 'me'));
    if (hops.length === 0) return;
    const byPair = new Map<string, Evidence[]>();
    const seen = new Set<string>();
    for (const e of await repos.graph.edgesOf([...new Set(hops.map((h) => h.from))])) {
      const pair = [e.a, e.b].sort().join('|');
      const key = `${e.kind}|${pair}|${e.detail}`;
      if (seen.has(key)) continue;
      seen.add(key);
      byPair.set(pair, [...(byPair.get(pair) ?? []), describe(e)]);
    }
    for (const h of hops) h.evidence = byPair.get([h.from, h.to].sort().join('|')) ?? [];
  }

  /** Communities (Louvain), what they are, how your ties spread across them, and where you have no way in. */
  async communities(options: { limit?: number } = {}, progress?: ProgressReporter): Promise<CommunityReport> {
    const limit = bounded(options.limit, 20, 500);
    const net = await this.cache.get(progress);
    const communities = this.cache.communities(net);
    const summaries = await this.cache.summaries(net);
    const repos = readRepositories(this.ctx.store);
    // Each audience is checked once per build of the network (and again if its filter changes).
    const known = (net.audienceReach ??= new Map());
    let reach: Set<string> | undefined;
    const unbridgedAudiences: CommunityReport['unbridgedAudiences'] = [];
    for (const audience of await repos.playbook.audiences()) {
      const key = `${audience.id}|${JSON.stringify(audience.filter)}`;
      let r = known.get(key);
      if (!r) {
        reach ??= bridgeReach(net.graph);
        const members = await audienceMembers(this.ctx, repos, audience.filter);
        known.set(key, (r = { members: members.length, bridged: members.some((m) => reach!.has(m.personId)) }));
      }
      if (r.members > 0 && !r.bridged) unbridgedAudiences.push({ id: audience.id, name: audience.name, members: r.members });
    }
    return {
      graph: this.summary(net),
      modularity: Math.round(communities.modularity * 1000) / 1000,
      diversity: networkDiversity(summaries),
      communities: summaries.slice(0, limit),
      unbridged: summaries.filter((c) => !c.bridged).slice(0, limit),
      unbridgedAudiences,
    };
  }

  /**
   * Brokers: the people who connect your clusters, by Burt's effective size and
   * constraint among your contacts; and your own brokerage among everyone you know.
   */
  async brokers(options: { limit?: number } = {}, progress?: ProgressReporter): Promise<BrokerReport> {
    const limit = bounded(options.limit, 20, BROKER_CANDIDATES);
    const net = await this.cache.get(progress);
    const { graph } = net;
    const communities = this.cache.communities(net);
    const labels = new Map((await this.cache.summaries(net)).map((c) => [c.id, c]));
    // Candidates: whose ties reach the most communities (counted in one pass), then measured properly.
    const reached = new Map<string, Map<number, number>>();
    graph.forEachNode((node) => {
      if (graph.degree(node) < 2) return;
      const counts = new Map<number, number>();
      graph.forEachNeighbor(node, (n) => {
        const c = communities.of.get(n);
        if (c !== undefined) counts.set(c, (counts.get(c) ?? 0) + 1);
      });
      if (counts.size >= 2) reached.set(node, counts);
    });
    const candidates = [...reached].sort((a, b) => b[1].size - a[1].size || graph.degree(b[0]) - graph.degree(a[0]) || a[0].localeCompare(b[0])).slice(0, BROKER_CANDIDATES);
    const among = new BrokerageCalculator(tiesOf(graph));
    const brokers: Broker[] = candidates.map(([id, counts]) => {
      const { name, strength } = graph.getNodeAttributes(id);
      const connects = [...counts].sort((a, b) => b[1] - a[1]).map(([c]) => labels.get(c)?.label).filter((l): l is string => !!l).slice(0, 3);
      return { person: { id, name, strength }, communities: counts.size, connects, ...among.of(id) };
    });
    brokers.sort((a, b) => (b.effectiveSize ?? 0) - (a.effectiveSize ?? 0) || (a.constraint ?? 1) - (b.constraint ?? 1) || a.person.name.localeCompare(b.person.name));
    const you = new BrokerageCalculator(withYou(graph)).of(ME);
    return { graph: this.summary(net), you: round3(you), brokers: brokers.slice(0, limit).map(round3) };
  }

  /** Weak-tie suggestions: people two hops away in an active goal's audience (or the one given), with mutuals named. */
  async suggest(options: { audience?: string; limit?: number } = {}, progress?: ProgressReporter): Promise<{ graph: GraphSummary; suggestions: Suggestion[]; audiences: string[] }> {
    const repos = readRepositories(this.ctx.store);
    const reasons = new Map<string, string[]>();
    const audiences: string[] = [];
    const addAudience = async (audienceId: string, why: string) => {
      const [audience] = await repos.playbook.audiences([audienceId]);
      if (!audience) return;
      audiences.push(audience.name);
      for (const m of await audienceMembers(this.ctx, repos, audience.filter)) reasons.set(m.personId, [...(reasons.get(m.personId) ?? []), why]);
    };
    if (options.audience) {
      const id = await resolveAudienceId(repos, options.audience);
      const [audience] = await repos.playbook.audiences([id]);
      await addAudience(id, `audience ${audience!.name}`);
    } else {
      for (const goal of await repos.playbook.goals({ status: 'active' })) if (goal.audienceId) await addAudience(goal.audienceId, `goal ${goal.title}`);
    }
    const limit = bounded(options.limit, 20, 500);
    const net = await this.cache.get(progress);
    const found = weakTieSuggestions(net.graph, reasons.keys(), limit);
    return {
      graph: this.summary(net),
      audiences,
      suggestions: found.map((s) => ({ person: { id: s.personId, name: s.name }, score: s.score, mutualCount: s.mutualCount, mutuals: s.mutuals, for: reasons.get(s.personId) ?? [] })),
    };
  }

  /**
   * What the network map draws: the people you know best (up to `limit`), their
   * community and strength, and the strongest ties among them (up to `maxEdges`).
   */
  async map(options: { limit?: number; maxEdges?: number } = {}, progress?: ProgressReporter): Promise<NetworkMap> {
    const limit = bounded(options.limit, 2000, 20_000);
    const maxEdges = bounded(options.maxEdges, 20_000, 200_000, 'edges');
    const net = await this.cache.get(progress);
    const { graph } = net;
    const communities = this.cache.communities(net);
    const summaries = await this.cache.summaries(net);
    const chosen: string[] = [];
    graph.forEachNode((node, attrs) => {
      if (attrs.strength > 0 || graph.degree(node) > 0) chosen.push(node);
    });
    chosen.sort((a, b) => graph.getNodeAttribute(b, 'strength') - graph.getNodeAttribute(a, 'strength') || graph.degree(b) - graph.degree(a) || a.localeCompare(b));
    const nodes = chosen.slice(0, limit);
    const index = new Map(nodes.map((id, i) => [id, i]));
    const edges: Array<[number, number, number]> = [];
    for (const id of nodes) {
      const i = index.get(id)!;
      graph.forEachEdge(id, (_e, tie, source, target) => {
        const j = index.get(source === id ? target : source);
        if (j !== undefined && i < j) edges.push([i, j, Math.round(tie.weight * 1000) / 1000]);
      });
    }
    edges.sort((x, y) => y[2] - x[2]);
    const shown = new Set(nodes.map((id) => communities.of.get(id)));
    return {
      graph: this.summary(net),
      nodes: nodes.map((id) => {
        const { name, strength } = graph.getNodeAttributes(id);
        return { id, name, strength: Math.round(strength * 10) / 10, community: communities.of.get(id) ?? -1 };
      }),
      edges: edges.slice(0, maxEdges),
      communities: summaries.filter((c) => shown.has(c.id)).map((c) => ({ id: c.id, label: c.label, size: c.size })),
    };
  }
}

export interface NetworkMap {
  graph: GraphSummary;
  nodes: Array<{ id: string; name: string; strength: number; community: number }>;
  /** Pairs of indexes into nodes, with the tie's weight, strongest first. */
  edges: Array<[number, number, number]>;
  communities: Array<{ id: number; label: string; size: number }>;
}

function tiesOf(graph: NetworkGraph): WeightedNetwork {
  return {
    *neighbours(node) {
      for (const { source, target, attributes } of graph.edgeEntries(node)) yield [source === node ? target : source, attributes.weight];
    },
  };
}

/** Your contacts' network with you added, tied to each person by your tie strength (as 0–1). */
function withYou(graph: NetworkGraph): WeightedNetwork {
  const ties = tiesOf(graph);
  return {
    *neighbours(node) {
      if (node === ME) {
        for (const { node: id, attributes } of graph.nodeEntries()) if (attributes.strength > 0) yield [id, attributes.strength / 100];
        return;
      }
      yield* ties.neighbours(node);
      const s = graph.hasNode(node) ? graph.getNodeAttribute(node, 'strength') : 0;
      if (s > 0) yield [ME, s / 100];
    },
  };
}

function round3<T extends Brokerage>(b: T): T {
  const r = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);
  return { ...b, constraint: r(b.constraint), effectiveSize: r(b.effectiveSize) };
}
