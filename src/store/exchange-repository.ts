import type { Kysely } from 'kysely';
import type { Exchange, ExchangeDirection } from '../domain/exchange.js';
import { chunks } from './chunks.js';
import type { Database } from './schema.js';

export class ExchangeRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(e: Exchange, now: string): Promise<void> {
    await this.db.insertInto('exchange').values({ id: e.id, person_id: e.personId, direction: e.direction, kind: e.kind, description: e.description, occurred_on: e.occurredOn, created_at: now }).execute();
  }

  async listFor(personId: string | null, limit: number): Promise<Exchange[]> {
    let q = this.db.selectFrom('exchange').selectAll();
    if (personId) q = q.where('person_id', '=', personId);
    const rows = await q.orderBy('occurred_on', 'desc').orderBy('id', 'desc').limit(limit).execute();
    return rows.map((r) => ({ id: r.id, personId: r.person_id, direction: r.direction as ExchangeDirection, kind: r.kind, description: r.description, occurredOn: r.occurred_on }));
  }

  async delete(id: string): Promise<boolean> {
    return Number((await this.db.deleteFrom('exchange').where('id', '=', id).executeTakeFirst()).numDeletedRows) > 0;
  }

  /** Counts by direction for each of these people. */
  async counts(personIds: string[]): Promise<Map<string, Partial<Record<ExchangeDirection, number>>>> {
    const out = new Map<string, Partial<Record<ExchangeDirection, number>>>();
    for (const part of chunks(personIds)) {
      const rows = await this.db
        .selectFrom('exchange')
        .select(['person_id', 'direction', (eb) => eb.fn.countAll<number>().as('n')])
        .where('person_id', 'in', part)
        .groupBy(['person_id', 'direction'])
        .execute();
      for (const r of rows) out.set(r.person_id, { ...out.get(r.person_id), [r.direction]: Number(r.n) });
    }
    return out;
  }
}
