import { isoDay } from '../domain/dates.js';
import { detectCommunities, summarizeCommunities, type Communities, type CommunitySummary, type Profile } from '../domain/communities.js';
import { graphView, NetworkGraphBuilder, type NetworkGraph } from '../domain/network-graph.js';
import type { GraphView } from '../domain/warm-path.js';
import { EMPTY_STATS, tieStrengthScore } from '../domain/tie-strength.js';
import { readRepositories } from '../store/repositories.js';
import type { ServiceContext } from './context.js';
import type { ProgressReporter } from './demo-service.js';

/** Pieces of evidence added to the graph between two pauses. */
const SLICE = 25_000;

/** Lets the event loop run: the server answers other requests between two steps of a build. */
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The key of a network whose data fingerprint is not known (yet): it matches no data. */
const PENDING = 'pending';

/** The whole network as built at one moment, with what has been computed on it so far. */
export interface BuiltNetwork {
  graph: NetworkGraph;
  key: string;
  builtAt: Date;
  buildMs: number;
  communities?: Communities;
  profiles?: Map<string, Profile>;
  summaries?: CommunitySummary[];
  view?: GraphView;
  /** Per audience (by id and filter): how many members, and whether a strong tie reaches any. */
  audienceReach?: Map<string, { members: number; bridged: boolean }>;
}

export interface NetworkStatus {
  ready: boolean;
  building: { phase: string; done: number; total: number } | null;
  /** Why the last build failed, if it did. */
  failed: string | null;
  nodes: number | null;
  edges: number | null;
  builtAt: string | null;
  buildMs: number | null;
}

/**
 * The whole network, built once and kept until the data behind it changes. Whether
 * it has changed is read from the store's change mark when it has one (SQLite),
 * otherwise from a fingerprint of the tables the graph comes from; tie strength
 * decays with time, so a new day also means a new build.
 */
export class NetworkGraphCache {
  private current: (BuiltNetwork & { mark: string | null }) | undefined;
  private building: Promise<BuiltNetwork> | undefined;
  private progress: { phase: string; done: number; total: number } | null = null;
  private failure: string | null = null;

  constructor(private readonly ctx: ServiceContext) {}

  private day(): string {
    return isoDay(this.ctx.now());
  }

  /** The key the data has now: the day and the fingerprint of the tables the network comes from. */
  private async key(): Promise<string> {
    return `${this.day()}|${await readRepositories(this.ctx.store).graph.fingerprint()}`;
  }

  /** The cached network if it is still current, without building one. */
  async fresh(): Promise<BuiltNetwork | undefined> {
    return (await this.check()).fresh;
  }

  /** Whether the cached network is current, and the data's key when it had to be read. */
  private async check(): Promise<{ fresh?: BuiltNetwork; key?: string }> {
    const current = this.current;
    if (!current || isoDay(current.builtAt) !== this.day()) return {};
    const mark = this.ctx.store.changeMark();
    if (mark !== null && mark === current.mark) return { fresh: current };
    const key = await this.key();
    if (key !== current.key) return { key };
    current.mark = mark;
    return { fresh: current, key };
  }

  /** The current network, built now if there is none or the data has changed. */
  async get(progress: ProgressReporter = () => {}): Promise<BuiltNetwork> {
    const { fresh, key } = await this.check();
    if (fresh) return fresh;
    // Concurrent callers share one build.
    this.building ??= this.build(key, (phase, done, total) => {
      this.progress = { phase, done, total };
      progress(phase, done, total);
    })
      .catch((error: unknown) => {
        this.failure = error instanceof Error ? error.message : String(error);
        throw error;
      })
      .finally(() => {
        this.building = undefined;
        this.progress = null;
      });
    return this.building;
  }

  /** Starts building in the background if the network is not current; for callers that show progress. */
  async start(): Promise<NetworkStatus> {
    if (!(await this.fresh()) && !this.building) {
      this.failure = null;
      this.get().catch(() => {});
    }
    return this.status();
  }

  async status(): Promise<NetworkStatus> {
    const fresh = await this.fresh();
    return {
      ready: !!fresh,
      building: this.building ? (this.progress ?? { phase: 'starting', done: 0, total: 4 }) : null,
      failed: this.failure,
      nodes: fresh?.graph.order ?? null,
      edges: fresh?.graph.size ?? null,
      builtAt: fresh?.builtAt.toISOString() ?? null,
      buildMs: fresh?.buildMs ?? null,
    };
  }

  communities(network: BuiltNetwork): Communities {
    network.communities ??= detectCommunities(network.graph);
    return network.communities;
  }

  /** The network as warm paths walk it, made on first use. */
  view(network: BuiltNetwork): GraphView {
    network.view ??= graphView(network.graph);
    return network.view;
  }

  /** Communities with their labels and your ties into them, largest first. */
  async summaries(network: BuiltNetwork): Promise<CommunitySummary[]> {
    network.summaries ??= summarizeCommunities(network.graph, this.communities(network), await this.profiles(network));
    return network.summaries;
  }

  async profiles(network: BuiltNetwork): Promise<Map<string, Profile>> {
    network.profiles ??= new Map((await readRepositories(this.ctx.store).graph.profiles()).map((p) => [p.personId, p]));
    return network.profiles;
  }

  private async build(knownKey: string | undefined, progress: ProgressReporter): Promise<BuiltNetwork> {
    const started = performance.now();
    const mark = this.ctx.store.changeMark();
    const repos = readRepositories(this.ctx.store);
    // Without a change mark (PostgreSQL) the key is read before the data, so a change made
    // during the build makes the next call build again. With one, the key is read after
    // the build, off its critical path, and only kept if the mark has not moved since.
    const key = knownKey ?? (mark === null ? await this.key() : undefined);
    // SQLite reads are synchronous: the reads come in parts, and between parts and
    // phases the server answers other requests, including the web app's progress polls.
    const step = async (phase: string, done: number) => {
      progress(phase, done, 4);
      await pause();
    };
    await step('reading people', 0);
    const nodes = await repos.graph.nodes(undefined, { between: pause });
    await step('computing tie strength', 1);
    const now = this.ctx.now();
    const people = nodes.map((n) => ({ id: n.id, name: n.name, strength: tieStrengthScore(n.stats ?? EMPTY_STATS, now, n.metOn) }));
    await step('reading evidence', 2);
    const evidence = await repos.graph.allEdges({ between: pause });
    await step('building the graph', 3);
    // In slices, with a pause between them, so other requests are not held up for long.
    const builder = new NetworkGraphBuilder(people);
    for (let i = 0; i < evidence.length; i += SLICE) {
      builder.add(evidence.slice(i, i + SLICE));
      progress('building the graph', 3 + Math.min(1, (i + SLICE) / evidence.length), 4);
      await pause();
    }
    const graph = builder.graph;
    progress('building the graph', 4, 4);
    const built = { graph, key: key ?? PENDING, builtAt: now, buildMs: Math.round(performance.now() - started), mark };
    this.current = built;
    if (key === undefined) {
      setImmediate(() => {
        this.key()
          .then((later) => {
            if (this.ctx.store.changeMark() === mark && later.startsWith(`${isoDay(now)}|`)) built.key = later;
          })
          .catch(() => {});
      });
    }
    return built;
  }
}
