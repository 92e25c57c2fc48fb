import type { Kysely } from 'kysely';
import type { CadenceOverride } from '../domain/cadence.js';
import type { Database } from './schema.js';

export class CadenceRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async list(): Promise<CadenceOverride[]> {
    const rows = await this.db.selectFrom('cadence').selectAll().orderBy('scope').orderBy('target').execute();
    return rows.map((r) => ({ scope: r.scope as CadenceOverride['scope'], target: r.target, idealDays: r.ideal_days, maxDays: r.max_days }));
  }

  async set(o: CadenceOverride): Promise<void> {
    await this.db
      .insertInto('cadence')
      .values({ scope: o.scope, target: o.target, ideal_days: o.idealDays, max_days: o.maxDays })
      .onConflict((oc) => oc.columns(['scope', 'target']).doUpdateSet({ ideal_days: o.idealDays, max_days: o.maxDays }))
      .execute();
  }

  async remove(scope: string, target: string): Promise<boolean> {
    const rows = await this.db.deleteFrom('cadence').where('scope', '=', scope).where('target', '=', target).returning('target').execute();
    return rows.length > 0;
  }
}
