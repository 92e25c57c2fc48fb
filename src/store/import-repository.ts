import type { Kysely } from 'kysely';
import { chunks } from './chunks.js';
import type { Database } from './schema.js';

/** The link from a source's record to the person it became, and imported photos. */
export class ImportRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async personFor(source: string, externalId: string): Promise<{ personId: string; fingerprint: string } | undefined> {
    const row = await this.db
      .selectFrom('person_source')
      .select(['person_id', 'fingerprint'])
      .where('source', '=', source)
      .where('external_id', '=', externalId)
      .executeTakeFirst();
    return row ? { personId: row.person_id, fingerprint: row.fingerprint } : undefined;
  }

  async link(source: string, externalId: string, personId: string, fingerprint: string, now: string): Promise<void> {
    await this.db
      .insertInto('person_source')
      .values({ source, external_id: externalId, person_id: personId, fingerprint, imported_at: now })
      .onConflict((oc) => oc.columns(['source', 'external_id']).doUpdateSet({ person_id: personId, fingerprint, imported_at: now }))
      .execute();
  }

  async sourcesOf(personId: string): Promise<Array<{ source: string; externalId: string }>> {
    const rows = await this.db.selectFrom('person_source').select(['source', 'external_id']).where('person_id', '=', personId).orderBy('source').execute();
    return rows.map((r) => ({ source: r.source, externalId: r.external_id }));
  }

  async hasPhoto(personId: string): Promise<boolean> {
    return !!(await this.db.selectFrom('person_photo').select('person_id').where('person_id', '=', personId).executeTakeFirst());
  }

  /** The photos these people have, by person. */
  async photos(personIds: string[]): Promise<Map<string, { mediaType: string; data: string }>> {
    const out = new Map<string, { mediaType: string; data: string }>();
    for (const part of chunks(personIds)) {
      const rows = await this.db.selectFrom('person_photo').select(['person_id', 'media_type', 'data']).where('person_id', 'in', part).execute();
      for (const r of rows) out.set(r.person_id, { mediaType: r.media_type, data: r.data });
    }
    return out;
  }

  async setPhoto(personId: string, mediaType: string, data: string): Promise<void> {
    await this.db
      .insertInto('person_photo')
      .values({ person_id: personId, media_type: mediaType, data })
      .onConflict((oc) => oc.column('person_id').doUpdateSet({ media_type: mediaType, data }))
      .execute();
  }
}
