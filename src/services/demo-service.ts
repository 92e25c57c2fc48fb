import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { generateDemoNetwork, type DemoBatch, type DemoOptions } from '../domain/demo-network.js';
import { KithError, invalid } from '../domain/errors.js';
import { BulkLoader } from '../store/bulk-loader.js';
import { HeapCeiling } from './heap-ceiling.js';
import { readRepositories } from '../store/repositories.js';
import type { ServiceContext } from './context.js';

export interface DemoRequest {
  people?: number;
  interactions?: number;
  seed?: string;
}

export interface DemoSummary {
  people: number;
  interactions: number;
  seed: string;
  seconds: number;
}

export type ProgressReporter = (phase: string, done: number, total: number) => void;

function count(value: number | undefined, fallback: number, field: string, max: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0 || value > max) throw invalid(field, value, `expected a whole number from 0 to ${max}`);
  return value;
}

/**
 * The generator's batches, from a worker thread when the compiled worker is there
 * (so generating and writing overlap), else in this thread (as under the test runner,
 * which runs the TypeScript sources).
 */
async function* demoBatches(options: DemoOptions): AsyncGenerator<DemoBatch> {
  // Through ../services/ so that the path holds from the bundled CLI in dist/cli/ too.
  const workerFile = new URL('../services/demo-worker.js', import.meta.url);
  if (!existsSync(fileURLToPath(workerFile))) {
    yield* generateDemoNetwork(options);
    return;
  }
  const worker = new Worker(workerFile, { workerData: { ...options, now: options.now.toISOString() } });
  const queue: Array<DemoBatch | null> = [];
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  worker.on('message', (batch: DemoBatch | null) => {
    queue.push(batch);
    wake?.();
  });
  worker.on('error', (error) => {
    failure = error;
    wake?.();
  });
  try {
    for (;;) {
      while (queue.length === 0 && !failure) await new Promise<void>((resolve) => (wake = resolve));
      if (failure) throw failure;
      const batch = queue.shift()!;
      if (batch === null) return;
      worker.postMessage('ack');
      yield batch;
    }
  } finally {
    await worker.terminate();
  }
}

export class DemoService {
  constructor(private readonly ctx: ServiceContext) {}

  async generate(request: DemoRequest, progress: ProgressReporter = () => {}): Promise<DemoSummary> {
    const people = count(request.people, 500, 'people', 1_000_000);
    if (people === 0) throw invalid('people', 0, 'a demo network needs at least one person');
    const interactions = count(request.interactions, people * 10, 'interactions', 20_000_000);
    const seed = request.seed ?? 'kith';
    const existing = (await readRepositories(this.ctx.store).stats.counts('9999')).people;
    if (existing > 0) {
      throw new KithError('conflict', 'database_not_empty', `the database already holds ${existing} people; run the demo on an empty database (--db demo.db)`);
    }
    const started = Date.now();
    const now = this.ctx.now();
    const nowIso = now.toISOString();
    const loader = new BulkLoader(this.ctx.store);
    let peopleDone = 0;
    let interactionsDone = 0;
    const heap = new HeapCeiling();
    await loader.begin();
    try {
      for await (const batch of demoBatches({ people, interactions, seed, now })) {
        if (batch.type === 'lastContacts') await loader.setLastContacts(batch.rows);
        else await loader.write(batch, nowIso);
        heap.betweenBatches();
        if (batch.type === 'people') progress('people', (peopleDone += batch.rows.length), people);
        if (batch.type === 'interactions') progress('interactions', (interactionsDone += batch.rows.length), interactions);
      }
      progress('indexes', 0, 1);
      await loader.restoreIndexes();
      progress('indexes', 1, 1);
      await loader.rebuildSearch((done, total) => progress('search index', done, total));
      await loader.commit();
    } catch (error) {
      await loader.rollback();
      throw error;
    }
    return { people, interactions, seed, seconds: Math.round((Date.now() - started) / 100) / 10 };
  }
}
