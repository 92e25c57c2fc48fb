import { parseBirthday, parseDate } from '../domain/dates.js';
import { KithError, invalid } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import type { Interaction } from '../domain/interaction.js';
import { splitName } from '../domain/names.js';
import type { Note } from '../domain/note.js';
import type { Position } from '../domain/organization.js';
import {
  normalizeEmails,
  normalizePersonDraft,
  normalizePhones,
  normalizeUrls,
  parseTier,
  type LabelledValue,
  type Person,
  type PersonDraft,
  type PersonFields,
} from '../domain/person.js';
import type { Relationship } from '../domain/relationship.js';
import type { CadenceState } from '../domain/cadence.js';
import { EMPTY_STATS, tieStrength, tieStrengthScore, type TieStrength } from '../domain/tie-strength.js';
import { cadenceStateOf } from './cadence-service.js';
import { normalizeTag } from '../domain/tags.js';
import type { Tier } from '../domain/vocabulary.js';
import { inTransaction, readRepositories, type Repositories } from '../store/repositories.js';
import type { ServiceContext } from './context.js';
import { decodeCursor, encodeCursor, type Page } from './cursor.js';
import { findOrCreateOrganization, resolveOrganizationId } from './organization-refs.js';
import { resolvePersonId } from './person-refs.js';
import { insertPerson } from './person-writes.js';
import { phoneRegion } from './settings-service.js';
import { nameKeyOf, PERSON_SORTS, type PersonFilter, type PersonListFilter, type PersonSort } from '../store/person-repository.js';

export interface PersonPatch {
  name?: string;
  givenName?: string | null;
  familyName?: string | null;
  nickname?: string | null;
  pronouns?: string | null;
  location?: string | null;
  birthday?: string | null;
  howMet?: string | null;
  metOn?: string | null;
  introducedBy?: string | null;
  tier?: string | null;
  company?: string | null;
  title?: string | null;
  addEmails?: string[];
  removeEmails?: string[];
  addPhones?: string[];
  removePhones?: string[];
  addUrls?: string[];
  removeUrls?: string[];
  addTags?: string[];
  removeTags?: string[];
  setFields?: Record<string, string>;
  unsetFields?: string[];
}

export interface PersonListQuery {
  tag?: string;
  organization?: string;
  tier?: string;
  notContactedSince?: string;
  includeArchived?: boolean;
  sort?: string;
  /** Tie strength range, 0 to 100. */
  minStrength?: number;
  maxStrength?: number;
  /** Cadence status: ok, due, overdue or none. */
  status?: string;
  limit?: number;
  cursor?: string;
}

export type PersonPage = Page<Person>;

export interface PersonDetail {
  person: Person;
  positions: Position[];
  interactions: Interaction[];
  interactionCount: number;
  notes: Note[];
  relationships: Relationship[];
  strength: TieStrength;
  cadence: CadenceState;
}

export function parseLimit(value: number | string | undefined, fallback: number, max = 1000): number {
  if (value === undefined) return fallback;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw invalid('limit', value, `expected a whole number from 1 to ${max}`);
  return n;
}

const SCAN_CHUNK = 500;
const SCAN_LIMIT = 20_000;
const CADENCE_STATUSES = ['ok', 'due', 'overdue', 'none'];

export class PersonService {
  constructor(private readonly ctx: ServiceContext) {}

  private nowIso(): string {
    return this.ctx.now().toISOString();
  }

  async add(draft: PersonDraft & { introducedBy?: string | null }): Promise<Person> {
    return inTransaction(this.ctx.store, async (repos) => {
      const region = await phoneRegion(repos);
      const introducedById = draft.introducedBy ? await resolvePersonId(repos, draft.introducedBy) : null;
      const person = normalizePersonDraft({ ...draft, introducedById }, region);
      if (person.title && !person.company) throw invalid('title', person.title, 'a title needs a company (--company)');
      await this.assertEmailsFree(repos, person.emails, null);
      const id = await insertPerson(repos, person, this.nowIso());
      return (await repos.people.hydrate([id]))[0]!;
    });
  }

  /** Other people (not archived) with this person's name: perhaps the same person, added twice. */
  async namesakes(ref: string): Promise<Person[]> {
    const repos = readRepositories(this.ctx.store);
    const id = await resolvePersonId(repos, ref, { includeArchived: true });
    const [person] = await repos.people.hydrate([id]);
    const ids = await repos.people.idsByName(nameKeyOf(person!.name), 'exact', false, 11);
    return repos.people.hydrate(ids.filter((other) => other !== id));
  }

  private async assertEmailsFree(repos: Repositories, emails: LabelledValue[], personId: string | null): Promise<void> {
    const owners = await repos.people.emailOwners(emails.map((e) => e.value));
    for (const [email, owner] of owners) {
      if (owner === personId) continue;
      const [other] = await repos.people.hydrate([owner]);
      throw new KithError('conflict', 'email_taken', `email ${email} already belongs to ${other?.name ?? 'someone'} (${owner})`, {
        field: 'email',
        value: email,
        personId: owner,
      });
    }
  }

  async edit(ref: string, patch: PersonPatch): Promise<Person> {
    return inTransaction(this.ctx.store, async (repos) => {
      const id = await resolvePersonId(repos, ref, { includeArchived: true });
      const [current] = await repos.people.hydrate([id]);
      if (!current) throw new KithError('not_found', 'person_not_found', `no person matches ${JSON.stringify(ref)}`);
      const region = await phoneRegion(repos);
      const now = this.nowIso();
      const fields = await this.patchFields(repos, current, patch);
      if (Object.keys(fields).length > 0) await repos.people.update(id, fields, now);

      if (patch.addEmails?.length || patch.removeEmails?.length) {
        const remove = new Set(normalizeEmails(patch.removeEmails).map((e) => e.value));
        const added = normalizeEmails(patch.addEmails);
        await this.assertEmailsFree(repos, added, id);
        const kept = current.contacts.emails.filter((e) => !remove.has(e.value));
        await repos.people.replaceEmails(id, dedupe([...kept, ...added]));
      }
      if (patch.addPhones?.length || patch.removePhones?.length) {
        const remove = new Set(normalizePhones(patch.removePhones, region).map((p) => p.value));
        const kept = current.contacts.phones.filter((p) => !remove.has(p.value));
        await repos.people.replacePhones(id, dedupe([...kept, ...normalizePhones(patch.addPhones, region)]));
      }
      if (patch.addUrls?.length || patch.removeUrls?.length) {
        const remove = new Set(normalizeUrls(patch.removeUrls).map((u) => u.url));
        const kept = current.urls.filter((u) => !remove.has(u.url));
        const all = [...kept, ...normalizeUrls(patch.addUrls)];
        await repos.people.replaceUrls(id, all.filter((u, i) => all.findIndex((v) => v.url === u.url) === i));
      }
      if (patch.addTags?.length) {
        const tagIds = await repos.tags.ensure([...new Set(patch.addTags.map(normalizeTag))], newId, now);
        await repos.tags.attach(id, [...tagIds.values()]);
      }
      if (patch.removeTags?.length) {
        const ids: string[] = [];
        for (const name of patch.removeTags.map(normalizeTag)) {
          const tagId = await repos.tags.idOf(name);
          if (tagId) ids.push(tagId);
        }
        await repos.tags.detach(id, ids);
      }
      await this.applyJob(repos, current, patch, now);
      if (Object.keys(fields).length === 0 && !hasListChanges(patch)) {
        throw new KithError('usage', 'nothing_to_change', 'nothing to change: give at least one option to edit');
      }
      await repos.people.update(id, {}, now);
      await repos.search.reindex([id]);
      return (await repos.people.hydrate([id]))[0]!;
    });
  }

  private async patchFields(repos: Repositories, current: Person, patch: PersonPatch): Promise<Partial<PersonFields>> {
    const fields: Partial<PersonFields> = {};
    const text = (v: string | null | undefined) => (v === undefined ? undefined : v?.trim() ? v.trim() : null);
    if (patch.name !== undefined) {
      const parts = splitName(patch.name);
      fields.name = parts.displayName;
      if (patch.givenName === undefined) fields.givenName = parts.givenName;
      if (patch.familyName === undefined) fields.familyName = parts.familyName;
    }
    const simple = { givenName: patch.givenName, familyName: patch.familyName, nickname: patch.nickname, pronouns: patch.pronouns, location: patch.location, howMet: patch.howMet } as const;
    for (const [key, value] of Object.entries(simple)) {
      const v = text(value);
      if (v !== undefined) (fields as Record<string, string | null>)[key] = v;
    }
    if (patch.birthday !== undefined) fields.birthday = text(patch.birthday) ? parseBirthday(patch.birthday!) : null;
    if (patch.metOn !== undefined) fields.metOn = text(patch.metOn) ? parseDate(patch.metOn!, 'met-on') : null;
    if (patch.tier !== undefined) fields.tier = parseTier(patch.tier);
    if (patch.introducedBy !== undefined) {
      const by = text(patch.introducedBy) ? await resolvePersonId(repos, patch.introducedBy!) : null;
      if (by === current.id) throw invalid('introduced-by', patch.introducedBy, 'a person cannot introduce themselves');
      fields.introducedById = by;
    }
    if (patch.setFields || patch.unsetFields) {
      const custom = { ...current.customFields, ...(patch.setFields ?? {}) };
      for (const key of patch.unsetFields ?? []) delete custom[key];
      fields.customFields = custom;
    }
    return fields;
  }

  /**
   * A new company ends the current position today and opens a new one; a new title
   * alone changes the current position's title.
   */
  private async applyJob(repos: Repositories, current: Person, patch: PersonPatch, now: string): Promise<void> {
    if (patch.company === undefined && patch.title === undefined) return;
    const today = now.slice(0, 10);
    const company = patch.company === undefined ? undefined : patch.company?.trim() || null;
    const title = patch.title === undefined ? undefined : patch.title?.trim() || null;
    const currentPosition = (await repos.positions.listForPerson(current.id)).find((p) => p.current);
    if (company === null) {
      if (currentPosition) await repos.positions.update(currentPosition.id, { endDate: today });
      return;
    }
    if (company !== undefined) {
      const orgId = await findOrCreateOrganization(repos, company, now);
      if (currentPosition && currentPosition.organizationId === orgId) {
        if (title !== undefined) await repos.positions.update(currentPosition.id, { title });
        return;
      }
      if (currentPosition) await repos.positions.update(currentPosition.id, { endDate: today });
      await repos.positions.insert(newId(), { personId: current.id, organizationId: orgId, title: title ?? null, startDate: today, endDate: null }, now);
      return;
    }
    if (!currentPosition) throw invalid('title', title, 'a title needs a company (--company)');
    await repos.positions.update(currentPosition.id, { title: title ?? null });
  }

  async get(ref: string): Promise<Person> {
    const repos = readRepositories(this.ctx.store);
    const id = await resolvePersonId(repos, ref, { includeArchived: true });
    return (await repos.people.hydrate([id]))[0]!;
  }

  async show(ref: string, recent = 20): Promise<PersonDetail> {
    const repos = readRepositories(this.ctx.store);
    const id = await resolvePersonId(repos, ref, { includeArchived: true });
    const [person] = await repos.people.hydrate([id]);
    const [positions, interactionIds, interactionCount, noteIds, relationships, stats] = await Promise.all([
      repos.positions.listForPerson(id),
      repos.interactions.idsForPerson(id, recent),
      repos.interactions.countForPerson(id),
      repos.notes.idsForPerson(id, recent),
      repos.relationships.listForPerson(id),
      repos.contactStats.get([id]),
    ]);
    const now = this.ctx.now();
    return {
      person: person!,
      positions,
      interactions: await repos.interactions.hydrate(interactionIds),
      interactionCount,
      notes: await repos.notes.hydrate(noteIds),
      relationships,
      strength: tieStrength(stats.get(id) ?? EMPTY_STATS, now, person!.metOn),
      cadence: await cadenceStateOf(repos, person!, now),
    };
  }

  /** The stored fields a list filters on, resolved; undefined when nobody can match (a tag nobody has). */
  private async storedFilter(repos: Repositories, query: PersonListQuery): Promise<PersonFilter | undefined> {
    const filter: PersonFilter = {};
    if (query.tag) {
      const tagId = await repos.tags.idOf(normalizeTag(query.tag));
      if (!tagId) return undefined;
      filter.tagId = tagId;
    }
    if (query.organization) filter.organizationId = await resolveOrganizationId(repos, query.organization);
    if (query.tier) filter.tier = parseTier(query.tier) as Tier;
    if (query.notContactedSince) filter.notContactedSince = parseDate(query.notContactedSince, 'not-contacted-since', this.ctx.now());
    if (query.includeArchived) filter.includeArchived = true;
    return filter;
  }

  /**
   * How many people a list with these filters holds. Tie strength and cadence status
   * are computed, not stored, so a count by them reads everyone: it is null unless
   * `scan` asks for that (the CLI does; a server answering many would not).
   */
  async count(query: Omit<PersonListQuery, 'limit' | 'cursor' | 'sort'> = {}, options: { scan?: boolean } = {}): Promise<{ count: number | null }> {
    if (query.minStrength !== undefined || query.maxStrength !== undefined || query.status !== undefined) {
      if (!options.scan) return { count: null };
      let count = 0;
      let cursor: string | undefined;
      do {
        const page = await this.list({ ...query, limit: 10_000, cursor });
        count += page.items.length;
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return { count };
    }
    const repos = readRepositories(this.ctx.store);
    const filter = await this.storedFilter(repos, query);
    return { count: filter ? await repos.people.countMatching(filter) : 0 };
  }

  async list(query: PersonListQuery = {}): Promise<PersonPage> {
    const repos = readRepositories(this.ctx.store);
    const limit = parseLimit(query.limit, 50, 10_000);
    const stored = await this.storedFilter(repos, query);
    if (!stored) return { items: [], nextCursor: null };
    const filter: PersonListFilter = { ...stored, limit: limit + 1 };
    if (query.cursor) filter.after = decodeCursor(query.cursor);
    if (query.sort !== undefined) {
      if (!(PERSON_SORTS as readonly string[]).includes(query.sort)) throw invalid('sort', query.sort, `expected one of ${PERSON_SORTS.join(', ')}`);
      filter.sort = query.sort as PersonSort;
    }
    if (query.minStrength !== undefined || query.maxStrength !== undefined || query.status !== undefined) return this.listDerived(repos, query, filter, limit);
    const rows = await repos.people.listIds(filter);
    const page = rows.slice(0, limit);
    const items = await repos.people.hydrate(page.map((r) => r.id));
    let nextCursor: string | null = null;
    if (rows.length > limit) {
      const last = page[page.length - 1]!;
      nextCursor = encodeCursor(last.key, last.id);
    }
    return { items, nextCursor };
  }

  /**
   * Filters on values computed from the data rather than stored (tie strength decays
   * with time, cadence status depends on today): people are read in order, a chunk at
   * a time, and kept when they match. A page that would need to read more than
   * SCAN_LIMIT people ends early with a cursor, so no request runs long.
   */
  private async listDerived(repos: Repositories, query: PersonListQuery, filter: PersonListFilter, limit: number): Promise<PersonPage> {
    const min = query.minStrength ?? 0;
    const max = query.maxStrength ?? 100;
    for (const [field, value] of [['min-strength', min], ['max-strength', max]] as const) {
      if (!Number.isFinite(value) || value < 0 || value > 100) throw invalid(field, value, 'expected a number from 0 to 100');
    }
    if (query.status !== undefined && !CADENCE_STATUSES.includes(query.status)) throw invalid('status', query.status, `expected one of ${CADENCE_STATUSES.join(', ')}`);
    const now = this.ctx.now();
    const rules = await repos.cadences.list();
    const items: Person[] = [];
    let after = filter.after;
    let scanned = 0;
    let last: { key: string; id: string } | undefined;
    for (;;) {
      const rows = await repos.people.listIds({ ...filter, after, limit: SCAN_CHUNK });
      if (rows.length === 0) return { items, nextCursor: null };
      const people = await repos.people.hydrate(rows.map((r) => r.id));
      const stats = await repos.contactStats.get(rows.map((r) => r.id));
      const byId = new Map(people.map((p) => [p.id, p]));
      for (const row of rows) {
        const person = byId.get(row.id);
        if (!person) continue;
        const strength = tieStrengthScore(stats.get(row.id) ?? EMPTY_STATS, now, person.metOn);
        if (strength < min || strength > max) continue;
        if (query.status !== undefined && (await cadenceStateOf(repos, person, now, rules)).status !== query.status) continue;
        if (items.length === limit) return { items, nextCursor: encodeCursor(last!.key, last!.id) };
        items.push(person);
        last = row;
      }
      scanned += rows.length;
      after = rows[rows.length - 1]!;
      if (rows.length < SCAN_CHUNK) return { items, nextCursor: null };
      if (scanned >= SCAN_LIMIT) return { items, nextCursor: encodeCursor(after.key, after.id) };
    }
  }

  async archive(ref: string): Promise<Person> {
    return inTransaction(this.ctx.store, async (repos) => {
      const id = await resolvePersonId(repos, ref);
      const now = this.nowIso();
      await repos.people.setArchived(id, now, now);
      return (await repos.people.hydrate([id]))[0]!;
    });
  }

  async unarchive(ref: string): Promise<Person> {
    return inTransaction(this.ctx.store, async (repos) => {
      const id = await resolvePersonId(repos, ref, { includeArchived: true });
      const now = this.nowIso();
      await repos.people.setArchived(id, null, now);
      return (await repos.people.hydrate([id]))[0]!;
    });
  }

  /** Deletes the person and everything that only concerned them; shared interactions stay. */
  async purge(ref: string): Promise<Person> {
    return inTransaction(this.ctx.store, async (repos) => {
      const id = await resolvePersonId(repos, ref, { includeArchived: true });
      const [person] = await repos.people.hydrate([id]);
      await repos.search.remove([id]);
      await repos.people.delete(id);
      return person!;
    });
  }
}

function dedupe(values: LabelledValue[]): LabelledValue[] {
  return values.filter((v, i) => values.findIndex((w) => w.value === v.value) === i);
}

function hasListChanges(patch: PersonPatch): boolean {
  return [patch.addEmails, patch.removeEmails, patch.addPhones, patch.removePhones, patch.addUrls, patch.removeUrls, patch.addTags, patch.removeTags].some(
    (list) => (list?.length ?? 0) > 0,
  ) || patch.company !== undefined || patch.title !== undefined;
}
