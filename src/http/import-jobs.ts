import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { asKithError, KithError, notFound } from '../domain/errors.js';
import type { ImportReport } from '../domain/import-record.js';

export interface ImportJob {
  id: string;
  file: string;
  format: string;
  dryRun: boolean;
  state: 'running' | 'done' | 'failed';
  phase: string;
  done: number;
  total: number;
  report: ImportReport | null;
  error: { code: string; message: string } | null;
}

/**
 * Imports run in the background of the server so that the web app can show their
 * progress; a job is kept for an hour after it ends. One runs at a time: two imports
 * at once would race to create the same people.
 */
export class ImportJobs {
  private readonly jobs = new Map<string, ImportJob>();

  start(meta: { file: string; format: string; dryRun: boolean; cleanup: string }, run: (progress: (phase: string, done: number, total: number) => void) => Promise<ImportReport>): ImportJob {
    if ([...this.jobs.values()].some((j) => j.state === 'running')) {
      rmSync(meta.cleanup, { recursive: true, force: true });
      throw new KithError('conflict', 'import_running', 'another import is running; wait for it to finish');
    }
    const job: ImportJob = { id: randomUUID(), file: meta.file, format: meta.format, dryRun: meta.dryRun, state: 'running', phase: 'starting', done: 0, total: 0, report: null, error: null };
    this.jobs.set(job.id, job);
    run((phase, done, total) => Object.assign(job, { phase, done, total }))
      .then((report) => Object.assign(job, { state: 'done', phase: 'done', report }))
      .catch((error: unknown) => {
        const known = asKithError(error);
        const e = known ? { code: known.code, message: known.message } : { code: 'internal_error', message: 'the import failed; the details are in the server log' };
        if (!known) process.stderr.write(`kith serve: import ${job.id}: ${(error as Error).stack ?? String(error)}\n`);
        Object.assign(job, { state: 'failed', error: e });
      })
      .finally(() => {
        rmSync(meta.cleanup, { recursive: true, force: true });
        setTimeout(() => this.jobs.delete(job.id), 3_600_000).unref();
      });
    return job;
  }

  /** The jobs of the last hour, the latest first: a page opened again finds the import still running. */
  recent(): ImportJob[] {
    return [...this.jobs.values()].reverse();
  }

  get(id: string): ImportJob {
    const job = this.jobs.get(id);
    if (!job) throw notFound('import', id);
    return job;
  }

  /** Resolves when no import is running (for a clean shutdown). */
  async idle(): Promise<void> {
    while ([...this.jobs.values()].some((j) => j.state === 'running')) await new Promise((r) => setTimeout(r, 50));
  }
}
