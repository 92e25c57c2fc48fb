import { invalid, notFound } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import { isSymmetric, parseRelationshipKind, type Relationship } from '../domain/relationship.js';
import { inTransaction, readRepositories } from '../store/repositories.js';
import type { ServiceContext } from './context.js';
import { resolvePersonId } from './person-refs.js';

export class RelationshipService {
  constructor(private readonly ctx: ServiceContext) {}

  async link(fromRef: string, kindText: string, toRef: string): Promise<Relationship> {
    const kind = parseRelationshipKind(kindText);
    return inTransaction(this.ctx.store, async (repos) => {
      let from = await resolvePersonId(repos, fromRef, { includeArchived: true });
      let to = await resolvePersonId(repos, toRef, { includeArchived: true });
      if (from === to) throw invalid('link', toRef, 'a person cannot be linked to themselves');
      // A symmetric link is stored once, in a fixed order, so "A knows B" and
      // "B knows A" are the same row.
      if (isSymmetric(kind) && to < from) [from, to] = [to, from];
      const { id } = await repos.relationships.insert(newId(), from, kind, to, this.ctx.now().toISOString());
      return (await repos.relationships.listForPerson(from)).find((r) => r.id === id)!;
    });
  }

  async list(ref: string): Promise<Relationship[]> {
    const repos = readRepositories(this.ctx.store);
    return repos.relationships.listForPerson(await resolvePersonId(repos, ref, { includeArchived: true }));
  }

  async unlink(id: string): Promise<void> {
    await inTransaction(this.ctx.store, async (repos) => {
      if (!(await repos.relationships.delete(id.trim().toLowerCase()))) throw notFound('relationship', id);
    });
  }
}
