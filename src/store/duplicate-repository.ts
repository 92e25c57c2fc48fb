import { sql, type Kysely } from 'kysely';
import type { DuplicateCandidate } from '../domain/duplicates.js';
import { SYMMETRIC_KINDS } from '../domain/relationship.js';
import type { Database } from './schema.js';
import type { StoreDialect } from './store-dialect.js';

/** What duplicate detection reads, and how a merge moves one person's records onto another. */
export class DuplicateRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: StoreDialect,
  ) {}

  async candidates(): Promise<DuplicateCandidate[]> {
    const [people, positions, emails] = await Promise.all([
      this.db.selectFrom('person').select(['id', 'display_name', 'given_name', 'family_name']).where('archived_at', 'is', null).execute(),
      this.db.selectFrom('position').select(['person_id', 'organization_id']).where('end_date', 'is', null).execute(),
      this.db.selectFrom('person_email').select(['person_id', 'email']).execute(),
    ]);
    const org = new Map(positions.map((p) => [p.person_id, p.organization_id]));
    const domains = new Map<string, string[]>();
    for (const e of emails) {
      const list = domains.get(e.person_id) ?? [];
      list.push(e.email.slice(e.email.lastIndexOf('@') + 1));
      domains.set(e.person_id, list);
    }
    return people.map((p) => ({ id: p.id, name: p.display_name, givenName: p.given_name, familyName: p.family_name, organizationId: org.get(p.id) ?? null, emailDomains: domains.get(p.id) ?? [] }));
  }

  async dismissed(): Promise<Set<string>> {
    const rows = await this.db.selectFrom('dupe_dismissal').select(['person_a', 'person_b']).execute();
    return new Set(rows.map((r) => `${r.person_a}|${r.person_b}`));
  }

  async dismiss(a: string, b: string, now: string): Promise<void> {
    const [x, y] = a < b ? [a, b] : [b, a];
    await this.db
      .insertInto('dupe_dismissal')
      .values({ person_a: x, person_b: y, created_at: now })
      .onConflict((oc) => oc.columns(['person_a', 'person_b']).doNothing())
      .execute();
  }

  /**
   * Moves every record of `other` onto `keep`: contact details, tags, positions,
   * interactions, notes, relationships, reminders, sources, photo, introductions.
   * Rows that would collide with what `keep` already has are dropped, not duplicated.
   */
  async reassign(other: string, keep: string): Promise<void> {
    const db = this.db;
    const orIgnore = this.dialect === 'sqlite' ? sql`OR IGNORE` : sql``;
    const onConflict = this.dialect === 'postgres' ? sql`ON CONFLICT DO NOTHING` : sql``;
    const copyLinks = async (table: string, otherColumns: string) => {
      await sql`INSERT ${orIgnore} INTO ${sql.table(table)} (person_id, ${sql.raw(otherColumns)})
        SELECT ${keep}, ${sql.raw(otherColumns)} FROM ${sql.table(table)} WHERE person_id = ${other} ${onConflict}`.execute(db);
      await sql`DELETE FROM ${sql.table(table)} WHERE person_id = ${other}`.execute(db);
    };
    await copyLinks('person_tag', 'tag_id');
    await copyLinks('note_person', 'note_id');
    await copyLinks('interaction_participant', 'interaction_id, role');
    await copyLinks('name_token', 'token');
    const maxOrdinal = async (table: 'person_email' | 'person_phone' | 'person_url') =>
      Number((await db.selectFrom(table).select((eb) => eb.fn.max('ordinal').as('m')).where('person_id', '=', keep).executeTakeFirst())?.m ?? -1) + 1;
    // The kept person's details stay first; the other's follow in their own order.
    const emailBase = await maxOrdinal('person_email');
    await db
      .updateTable('person_email')
      .set((eb) => ({ person_id: keep, ordinal: eb('ordinal', '+', emailBase) }))
      .where('person_id', '=', other)
      .execute();
    const phoneBase = await maxOrdinal('person_phone');
    await sql`INSERT ${orIgnore} INTO person_phone (person_id, phone, label, ordinal) SELECT ${keep}, phone, label, ordinal + ${phoneBase} FROM person_phone WHERE person_id = ${other} ${onConflict}`.execute(db);
    await db.deleteFrom('person_phone').where('person_id', '=', other).execute();
    const urlBase = await maxOrdinal('person_url');
    await sql`INSERT ${orIgnore} INTO person_url (person_id, url, kind, ordinal) SELECT ${keep}, url, kind, ordinal + ${urlBase} FROM person_url WHERE person_id = ${other} ${onConflict}`.execute(db);
    await db.deleteFrom('person_url').where('person_id', '=', other).execute();
    await db.updateTable('position').set({ person_id: keep }).where('person_id', '=', other).execute();
    await db.updateTable('reminder').set({ person_id: keep }).where('person_id', '=', other).execute();
    await db.updateTable('person_source').set({ person_id: keep }).where('person_id', '=', other).execute();
    await db.updateTable('person').set({ introduced_by_id: keep }).where('introduced_by_id', '=', other).where('id', '!=', keep).execute();
    // Links between the two become self-links, and links both had would collide: drop them.
    await db.deleteFrom('relationship').where((eb) => eb.or([eb.and([eb('from_person_id', '=', other), eb('to_person_id', '=', keep)]), eb.and([eb('from_person_id', '=', keep), eb('to_person_id', '=', other)])])).execute();
    await sql`DELETE FROM relationship WHERE from_person_id = ${other} AND EXISTS (
      SELECT 1 FROM relationship r WHERE r.from_person_id = ${keep} AND r.to_person_id = relationship.to_person_id AND r.kind = relationship.kind)`.execute(db);
    await sql`DELETE FROM relationship WHERE to_person_id = ${other} AND EXISTS (
      SELECT 1 FROM relationship r WHERE r.to_person_id = ${keep} AND r.from_person_id = relationship.from_person_id AND r.kind = relationship.kind)`.execute(db);
    // A symmetric link is stored once, smaller id first: the other's link may be the
    // kept person's turned round, and once moved it may face the wrong way.
    const symmetric = sql.join(SYMMETRIC_KINDS.map((k) => sql`${k}`));
    await sql`DELETE FROM relationship WHERE kind IN (${symmetric}) AND (
      (from_person_id = ${other} AND EXISTS (SELECT 1 FROM relationship r WHERE r.to_person_id = ${keep} AND r.from_person_id = relationship.to_person_id AND r.kind = relationship.kind))
      OR (to_person_id = ${other} AND EXISTS (SELECT 1 FROM relationship r WHERE r.from_person_id = ${keep} AND r.to_person_id = relationship.from_person_id AND r.kind = relationship.kind)))`.execute(db);
    await db.updateTable('relationship').set({ from_person_id: keep }).where('from_person_id', '=', other).where('to_person_id', '!=', keep).execute();
    await db.updateTable('relationship').set({ to_person_id: keep }).where('to_person_id', '=', other).where('from_person_id', '!=', keep).execute();
    await sql`UPDATE relationship SET from_person_id = to_person_id, to_person_id = from_person_id
      WHERE kind IN (${symmetric}) AND (from_person_id = ${keep} OR to_person_id = ${keep}) AND from_person_id > to_person_id`.execute(db);
    const hasPhoto = await db.selectFrom('person_photo').select('person_id').where('person_id', '=', keep).executeTakeFirst();
    if (!hasPhoto) await db.updateTable('person_photo').set({ person_id: keep }).where('person_id', '=', other).execute();
    await sql`UPDATE cadence SET target = ${keep} WHERE scope = 'person' AND target = ${other}
      AND NOT EXISTS (SELECT 1 FROM cadence c WHERE c.scope = 'person' AND c.target = ${keep})`.execute(db);
    await db.deleteFrom('cadence').where('scope', '=', 'person').where('target', '=', other).execute();
  }
}
