import type { Store } from '../store/connect.js';
import { inTransaction, type Repositories } from '../store/repositories.js';

export type PerRecord = (fn: (repos: Repositories) => Promise<void>) => Promise<void>;

/** Thrown inside the dry-run transaction to undo everything it did. */
export class DryRunRollback extends Error {}

/**
 * Runs an import: each record in its own transaction, or, for a dry run, all of
 * them in one transaction that is rolled back at the end, so the report is exact
 * and nothing is written.
 */
export async function runImport(store: Store, dryRun: boolean, work: (perRecord: PerRecord) => Promise<void>): Promise<void> {
  if (!dryRun) return work((fn) => inTransaction(store, fn));
  await inTransaction(store, async (repos) => {
    await work((fn) => fn(repos));
    throw new DryRunRollback();
  }).catch((error: unknown) => {
    if (!(error instanceof DryRunRollback)) throw error;
  });
}
