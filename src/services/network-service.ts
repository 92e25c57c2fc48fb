import { KithError, notFound } from '../domain/errors.js';
import type { PersonRef } from '../domain/person.js';
import { combineWeights, evidenceWeight, warmPaths, type Edge, type Evidence, type GraphView } from '../domain/warm-path.js';
import type { RawEdge } from '../store/graph-repository.js';
import { readRepositories, type Repositories } from '../store/repositories.js';
import { EMPTY_STATS, tieStrengthScore } from '../domain/tie-strength.js';
import { audienceMembers, resolveAudienceId } from './audience-service.js';
import type { ServiceContext } from './context.js';
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

/**
 * Your network around a target: people joined by evidence that they know each
 * other, read outwards from the target two steps (enough for paths of three hops),
 * with your own tie strength to each person in it.
 */
export class NetworkService {
  constructor(private readonly ctx: ServiceContext) {}

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
    return { nodes: ids.length, edges: edges / 2, yourStrength: (id) => strength.get(id) ?? 0, neighbours: (id) => adjacency.get(id) ?? new Map() };
  }

  /** People a target stands for: a person, everyone at an organization, or an audience's members. */
  private async targets(repos: Repositories, ref: string): Promise<string[]> {
    for (const resolve of [
      async () => [await resolvePersonId(repos, ref)],
      async () => (await repos.people.listIds({ organizationId: await resolveOrganizationId(repos, ref), limit: 10_000 })).map((r) => r.id),
      async () => {
        const [audience] = await repos.playbook.audiences([await resolveAudienceId(repos, ref)]);
        return (await audienceMembers(repos, audience!.filter, this.ctx.now())).map((m) => m.personId);
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
  async paths(ref: string, limit = 10): Promise<{ paths: IntroPath[]; graph: { nodes: number; edges: number } }> {
    const repos = readRepositories(this.ctx.store);
    const targets = (await this.targets(repos, ref)).slice(0, MAX_TARGETS);
    const graph = await this.neighbourhood(repos, targets);
    const found = warmPaths(graph, targets, limit);
    const names = new Map((await repos.people.hydrate([...new Set(found.flatMap((p) => [p.target, ...p.hops.map((h) => h.to)]))])).map((p) => [p.id, p.name]));
    const person = (id: string): PersonRef => ({ id, name: names.get(id) ?? id });
    return {
      graph: { nodes: graph.nodes, edges: graph.edges },
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
}
