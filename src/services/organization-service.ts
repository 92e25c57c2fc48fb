import { invalid, KithError } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import { normalizeDomain, normalizeOrganizationName, type Organization, type OrganizationFields } from '../domain/organization.js';
import type { Person } from '../domain/person.js';
import { inTransaction, readRepositories } from '../store/repositories.js';
import type { ServiceContext } from './context.js';
import { decodeCursor, pageOf, type Page } from './cursor.js';
import { resolveOrganizationId } from './organization-refs.js';
import { parseLimit } from './person-service.js';

export interface OrganizationDraft {
  name: string;
  domain?: string | null;
  industry?: string | null;
  location?: string | null;
}

function clean(value: string | null | undefined): string | null {
  return value?.trim() ? value.trim() : null;
}

export class OrganizationService {
  constructor(private readonly ctx: ServiceContext) {}

  async add(draft: OrganizationDraft): Promise<Organization> {
    const fields: OrganizationFields = {
      name: normalizeOrganizationName(draft.name),
      domain: clean(draft.domain) ? normalizeDomain(draft.domain!) : null,
      industry: clean(draft.industry),
      location: clean(draft.location),
    };
    return inTransaction(this.ctx.store, async (repos) => {
      const [existing] = await repos.organizations.idsByName(fields.name, 'exact');
      if (existing) throw new KithError('conflict', 'organization_exists', `organization ${JSON.stringify(fields.name)} already exists (${existing})`, { id: existing });
      const id = newId();
      await repos.organizations.insert(id, fields, this.ctx.now().toISOString());
      return (await repos.organizations.hydrate([id]))[0]!;
    });
  }

  async edit(ref: string, draft: Partial<OrganizationDraft>): Promise<Organization> {
    return inTransaction(this.ctx.store, async (repos) => {
      const id = await resolveOrganizationId(repos, ref);
      const fields: Partial<OrganizationFields> = {};
      if (draft.name !== undefined) fields.name = normalizeOrganizationName(draft.name);
      if (draft.domain !== undefined) fields.domain = clean(draft.domain) ? normalizeDomain(draft.domain!) : null;
      if (draft.industry !== undefined) fields.industry = clean(draft.industry);
      if (draft.location !== undefined) fields.location = clean(draft.location);
      if (Object.keys(fields).length === 0) throw new KithError('usage', 'nothing_to_change', 'nothing to change: give at least one option to edit');
      await repos.organizations.update(id, fields, this.ctx.now().toISOString());
      // Company names are part of people's search documents.
      if (fields.name) {
        const ids = (await repos.people.listIds({ organizationId: id, includeArchived: true, limit: 1_000_000 })).map((r) => r.id);
        await repos.search.reindex(ids);
      }
      return (await repos.organizations.hydrate([id]))[0]!;
    });
  }

  async show(ref: string): Promise<{ organization: Organization; people: Person[] }> {
    const repos = readRepositories(this.ctx.store);
    const id = await resolveOrganizationId(repos, ref);
    const [organization] = await repos.organizations.hydrate([id]);
    const people = await repos.people.hydrate((await repos.people.listIds({ organizationId: id, limit: 500 })).map((r) => r.id));
    return { organization: organization!, people };
  }

  async list(limit?: number, options: { holding?: string; order?: 'name' | 'people' } = {}): Promise<Organization[]> {
    return (await this.page(limit, undefined, options)).items;
  }

  /**
   * Organizations a page at a time: by name, or with the most people working there
   * now first; with `holding`, only those whose names hold that text.
   */
  async page(limit?: number, cursor?: string, options: { holding?: string; order?: 'name' | 'people' } = {}): Promise<Page<Organization>> {
    const repos = readRepositories(this.ctx.store);
    const n = parseLimit(limit, 100, 10_000);
    const holding = options.holding?.trim() || undefined;
    if (options.order === 'people') {
      // The cursor is the last one shown (count, name, id). An organization whose count
      // changes between two pages can move past it; none other is skipped or repeated.
      const after = cursor ? largestCursor(cursor) : undefined;
      const rows = await pageOf(n, (k) => repos.organizations.largestIds(k, after, holding), (r) => ({ key: `${r.people}:${r.nameKey}`, id: r.id }));
      return { items: await repos.organizations.hydrate(rows.items.map((r) => r.id)), nextCursor: rows.nextCursor };
    }
    const after = cursor ? decodeCursor(cursor) : undefined;
    const rows = await pageOf(n, (k) => repos.organizations.listIds(k, after, holding), (r) => ({ key: r.nameKey, id: r.id }));
    return { items: await repos.organizations.hydrate(rows.items.map((r) => r.id)), nextCursor: rows.nextCursor };
  }

  async remove(ref: string): Promise<Organization> {
    return inTransaction(this.ctx.store, async (repos) => {
      const id = await resolveOrganizationId(repos, ref);
      const [organization] = await repos.organizations.hydrate([id]);
      const people = (await repos.people.listIds({ organizationId: id, includeArchived: true, limit: 1_000_000 })).map((r) => r.id);
      await repos.organizations.delete(id);
      await repos.search.reindex(people);
      return organization!;
    });
  }
}

/** A cursor of the people order: the last organization's count and name key, and its id. */
function largestCursor(cursor: string): { people: number; nameKey: string; id: string } {
  const { key, id } = decodeCursor(cursor);
  const colon = key.indexOf(':');
  const people = Number(key.slice(0, colon));
  if (colon < 1 || !Number.isInteger(people) || people < 0) throw invalid('cursor', cursor, 'not a cursor returned by a previous page');
  return { people, nameKey: key.slice(colon + 1), id };
}
