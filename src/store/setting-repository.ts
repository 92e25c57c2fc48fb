import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** User preferences that travel with the database (time zone, own addresses, region). */
export class SettingRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async all(): Promise<Record<string, string>> {
    const rows = await this.db.selectFrom('setting').selectAll().orderBy('key').execute();
    return Object.fromEntries(rows.map((r) => [r.key, r.value]));
  }

  async get(key: string): Promise<string | undefined> {
    return (await this.db.selectFrom('setting').select('value').where('key', '=', key).executeTakeFirst())?.value;
  }

  async set(key: string, value: string): Promise<void> {
    await this.db
      .insertInto('setting')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  }

  async delete(key: string): Promise<void> {
    await this.db.deleteFrom('setting').where('key', '=', key).execute();
  }
}
