import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { NormalizedPerson } from '../domain/person.js';
import type { ContactStats } from '../domain/tie-strength.js';
import { statsRow } from './contact-stats-repository.js';
import { advanceLastContacts, type InteractionFields } from './interaction-repository.js';
import { nameKeyOf, toRow } from './person-repository.js';
import { RowWriter, type TableRows } from './row-writer.js';
import type { Database } from './schema.js';
import type { StoreDialect } from './store-dialect.js';
import { valueList } from './value-list.js';

/** A new person as an import creates it, with everything attached and every id chosen. */
export interface NewPersonRecord {
  id: string;
  person: NormalizedPerson;
  position: { id: string; organizationId: string } | null;
  tagIds: string[];
  source: { source: string; externalId: string; fingerprint: string };
  photo: { mediaType: string; data: string } | null;
  note: { id: string; body: string } | null;
  /** An interaction with this person alone, and the totals it gives them. */
  interaction: { id: string; fields: InteractionFields; stats: ContactStats } | null;
}

/**
 * Batched reads and writes for imports: one query answers "which of these are
 * known" for a whole batch, and new people are written table by table.
 */
export class PersonBatchRepository {
  private readonly writer: RowWriter;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: StoreDialect,
    private readonly sqlite: BetterSqlite3.Database | undefined,
  ) {
    this.writer = new RowWriter(db, sqlite);
  }

  private list(values: string[]) {
    return valueList(this.dialect, values);
  }

  /** The person and fingerprint last imported for each of these source ids. */
  async sources(source: string, externalIds: string[]): Promise<Map<string, { personId: string; fingerprint: string }>> {
    const out = new Map<string, { personId: string; fingerprint: string }>();
    if (externalIds.length === 0) return out;
    const rows = await this.db.selectFrom('person_source').select(['external_id', 'person_id', 'fingerprint']).where('source', '=', source).where('external_id', 'in', this.list(externalIds)).execute();
    for (const r of rows) out.set(r.external_id, { personId: r.person_id, fingerprint: r.fingerprint });
    return out;
  }

  /** Which of these emails, phones and URLs someone already has. */
  async takenIdentities(emails: string[], phones: string[], urls: string[]): Promise<Set<string>> {
    const taken = new Set<string>();
    if (emails.length) for (const r of await this.db.selectFrom('person_email').select('email').where('email', 'in', this.list(emails)).execute()) taken.add(r.email);
    if (phones.length) for (const r of await this.db.selectFrom('person_phone').select('phone').where('phone', 'in', this.list(phones)).execute()) taken.add(r.phone);
    if (urls.length) for (const r of await this.db.selectFrom('person_url').select('url').where('url', 'in', this.list(urls)).execute()) taken.add(r.url);
    return taken;
  }

  /** Which of these interaction external ids a source already has. */
  async knownInteractions(source: string, externalIds: string[]): Promise<Set<string>> {
    const known = new Set<string>();
    if (externalIds.length === 0) return known;
    const rows = await this.db.selectFrom('interaction').select('external_id').where('source', '=', source).where('external_id', 'in', this.list(externalIds)).execute();
    for (const r of rows) if (r.external_id) known.add(r.external_id);
    return known;
  }

  /**
   * New interactions with their participants, table by table; each participant's
   * last contact moves forward to the latest of them, unless the caller does that
   * itself, once for several calls (advanceLastContacts).
   */
  async insertInteractions(list: Array<{ id: string; fields: InteractionFields; participants: Array<{ personId: string; role: string }> }>, now: string, options: { lastContacts?: boolean } = {}): Promise<void> {
    const rows: Required<Pick<TableRows, 'interaction' | 'interaction_participant'>> = { interaction: [], interaction_participant: [] };
    const latest = new Map<string, string>();
    for (const { id, fields: f, participants } of list) {
      rows.interaction.push({ id, kind: f.kind, occurred_at: f.occurredAt, duration_minutes: f.durationMinutes, direction: f.direction, summary: f.summary, source: f.source, external_id: f.externalId, created_at: now });
      for (const p of participants) {
        rows.interaction_participant.push({ interaction_id: id, person_id: p.personId, role: p.role });
        if ((latest.get(p.personId) ?? '') < f.occurredAt) latest.set(p.personId, f.occurredAt);
      }
    }
    await this.writer.write(rows);
    if (options.lastContacts !== false) await this.advanceLastContacts([...latest].map(([personId, at]) => ({ personId, at })));
  }

  /** Moves each person's last contact forward to the time given, if it is later. */
  async advanceLastContacts(rows: ReadonlyArray<{ personId: string; at: string }>): Promise<void> {
    await advanceLastContacts(this.db, this.sqlite, rows);
  }

  /** Organization ids by exact name (any case), creating those that do not exist. */
  async organizationIds(names: string[], newId: () => string, now: string): Promise<Map<string, string>> {
    const byKey = new Map<string, string>();
    for (const name of names) byKey.set(nameKeyOf(name), name);
    const ids = new Map<string, string>();
    if (byKey.size > 0) {
      const rows = await this.db.selectFrom('organization').select(['id', 'name_key']).where('name_key', 'in', this.list([...byKey.keys()])).orderBy('name_key').orderBy('id').execute();
      for (const r of rows) if (!ids.has(r.name_key)) ids.set(r.name_key, r.id);
    }
    const created: Database['organization'][] = [];
    for (const [key, name] of byKey) {
      if (ids.has(key)) continue;
      const id = newId();
      ids.set(key, id);
      created.push({ id, name, name_key: key, domain: null, industry: null, location: null, created_at: now, updated_at: now });
    }
    await this.writer.write({ organization: created });
    return new Map(names.map((n) => [n, ids.get(nameKeyOf(n))!]));
  }

  async insert(records: NewPersonRecord[], now: string): Promise<void> {
    const rows: Required<Pick<TableRows, 'person' | 'person_email' | 'person_phone' | 'person_url' | 'person_tag' | 'position' | 'person_source' | 'person_photo' | 'note' | 'note_person' | 'interaction' | 'interaction_participant' | 'contact_stats'>> = {
      person: [], person_email: [], person_phone: [], person_url: [], person_tag: [], position: [], person_source: [], person_photo: [],
      note: [], note_person: [], interaction: [], interaction_participant: [], contact_stats: [],
    };
    for (const r of records) {
      const p = r.person;
      rows.person.push({
        ...(toRow(p.fields) as Database['person']),
        id: r.id,
        custom_fields: JSON.stringify(p.fields.customFields),
        archived_at: null,
        last_contact_at: r.interaction?.fields.occurredAt ?? null,
        created_at: now,
        updated_at: now,
      });
      p.emails.forEach((e, ordinal) => rows.person_email.push({ email: e.value, person_id: r.id, label: e.label, ordinal }));
      p.phones.forEach((e, ordinal) => rows.person_phone.push({ person_id: r.id, phone: e.value, label: e.label, ordinal }));
      p.urls.forEach((u, ordinal) => rows.person_url.push({ person_id: r.id, url: u.url, kind: u.kind, ordinal }));
      for (const tagId of r.tagIds) rows.person_tag.push({ person_id: r.id, tag_id: tagId });
      if (r.position) rows.position.push({ id: r.position.id, person_id: r.id, organization_id: r.position.organizationId, title: p.title, start_date: null, end_date: null, created_at: now });
      rows.person_source.push({ source: r.source.source, external_id: r.source.externalId, person_id: r.id, fingerprint: r.source.fingerprint, imported_at: now });
      if (r.photo) rows.person_photo.push({ person_id: r.id, media_type: r.photo.mediaType, data: r.photo.data });
      if (r.note) {
        rows.note.push({ id: r.note.id, body: r.note.body, created_at: now, updated_at: now });
        rows.note_person.push({ note_id: r.note.id, person_id: r.id });
      }
      if (r.interaction) {
        const f = r.interaction.fields;
        rows.interaction.push({ id: r.interaction.id, kind: f.kind, occurred_at: f.occurredAt, duration_minutes: f.durationMinutes, direction: f.direction, summary: f.summary, source: f.source, external_id: f.externalId, created_at: now });
        rows.interaction_participant.push({ interaction_id: r.interaction.id, person_id: r.id, role: 'participant' });
        rows.contact_stats.push(statsRow(r.id, r.interaction.stats));
      }
    }
    await this.writer.write(rows);
  }
}
