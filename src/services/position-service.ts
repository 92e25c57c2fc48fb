import { parseDate } from '../domain/dates.js';
import { invalid, notFound } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import type { Position } from '../domain/organization.js';
import { inTransaction, readRepositories } from '../store/repositories.js';
import type { ServiceContext } from './context.js';
import { findOrCreateOrganization } from './organization-refs.js';
import { resolvePersonId } from './person-refs.js';

export interface PositionDraft {
  organization: string;
  title?: string | null;
  start?: string | null;
  end?: string | null;
}

/** A person's roles over time; the open one that started last is their current job. */
export class PositionService {
  constructor(private readonly ctx: ServiceContext) {}

  async add(ref: string, draft: PositionDraft): Promise<Position> {
    const now = this.ctx.now();
    const startDate = draft.start ? parseDate(draft.start, 'start', now) : null;
    const endDate = draft.end ? parseDate(draft.end, 'end', now) : null;
    if (startDate && endDate && endDate < startDate) throw invalid('end', draft.end, 'ends before it starts');
    return inTransaction(this.ctx.store, async (repos) => {
      const personId = await resolvePersonId(repos, ref, { includeArchived: true });
      const organizationId = await findOrCreateOrganization(repos, draft.organization, now.toISOString());
      const id = newId();
      await repos.positions.insert(id, { personId, organizationId, title: draft.title?.trim() || null, startDate, endDate }, now.toISOString());
      await repos.search.reindex([personId]);
      return (await repos.positions.listForPerson(personId)).find((p) => p.id === id)!;
    });
  }

  async list(ref: string): Promise<Position[]> {
    const repos = readRepositories(this.ctx.store);
    return repos.positions.listForPerson(await resolvePersonId(repos, ref, { includeArchived: true }));
  }

  async end(id: string, end?: string): Promise<Position> {
    const now = this.ctx.now();
    const endDate = end ? parseDate(end, 'end', now) : now.toISOString().slice(0, 10);
    return inTransaction(this.ctx.store, async (repos) => {
      const position = await this.find(repos, id);
      await repos.positions.update(position.id, { endDate });
      await repos.search.reindex([position.personId]);
      return (await repos.positions.listForPerson(position.personId)).find((p) => p.id === position.id)!;
    });
  }

  async remove(id: string): Promise<Position> {
    return inTransaction(this.ctx.store, async (repos) => {
      const position = await this.find(repos, id);
      await repos.positions.delete(position.id);
      await repos.search.reindex([position.personId]);
      return position;
    });
  }

  private async find(repos: ReturnType<typeof readRepositories>, id: string): Promise<Position> {
    const position = await repos.positions.get(id.trim().toLowerCase());
    if (!position) throw notFound('position', id);
    return position;
  }
}
