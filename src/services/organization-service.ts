import { KithError } from '../domain/errors.js';
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

  async list(limit?: number): Promise<Organization[]> {
    return (await this.page(limit)).items;
  }

  /** Organizations by name, a page at a time. */
  async page(limit?: number, cursor?: string): Promise<Page<Organization>> {
    const repos = readRepositories(this.ctx.store);
    const after = cursor ? decodeCursor(cursor) : undefined;
    const rows = await pageOf(parseLimit(limit, 100, 10_000), (n) => repos.organizations.listIds(n, after), (r) => ({ key: r.nameKey, id: r.id }));
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
