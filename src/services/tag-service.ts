import { notFound } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import type { Person } from '../domain/person.js';
import { normalizeTag } from '../domain/tags.js';
import type { TagCount } from '../store/tag-repository.js';
import { inTransaction, readRepositories } from '../store/repositories.js';
import type { ServiceContext } from './context.js';
import { resolvePersonId } from './person-refs.js';

export class TagService {
  constructor(private readonly ctx: ServiceContext) {}

  async list(): Promise<TagCount[]> {
    return readRepositories(this.ctx.store).tags.listWithCounts();
  }

  async tag(ref: string, tags: string[]): Promise<Person> {
    const names = [...new Set(tags.map(normalizeTag))];
    return inTransaction(this.ctx.store, async (repos) => {
      const id = await resolvePersonId(repos, ref, { includeArchived: true });
      const ids = await repos.tags.ensure(names, newId, this.ctx.now().toISOString());
      await repos.tags.attach(id, [...ids.values()]);
      await repos.search.reindex([id]);
      return (await repos.people.hydrate([id]))[0]!;
    });
  }

  async untag(ref: string, tags: string[]): Promise<Person> {
    const names = [...new Set(tags.map(normalizeTag))];
    return inTransaction(this.ctx.store, async (repos) => {
      const id = await resolvePersonId(repos, ref, { includeArchived: true });
      const ids: string[] = [];
      for (const name of names) {
        const tagId = await repos.tags.idOf(name);
        if (!tagId) throw notFound('tag', name);
        ids.push(tagId);
      }
      await repos.tags.detach(id, ids);
      await repos.search.reindex([id]);
      return (await repos.people.hydrate([id]))[0]!;
    });
  }

  /** Renames a tag; renaming onto an existing tag merges the two. */
  async rename(from: string, to: string): Promise<{ from: string; to: string; people: number }> {
    const fromName = normalizeTag(from);
    const toName = normalizeTag(to);
    return inTransaction(this.ctx.store, async (repos) => {
      const fromId = await repos.tags.idOf(fromName);
      if (!fromId) throw notFound('tag', from);
      const people = await repos.tags.personIdsWithTag(fromId);
      const intoId = await repos.tags.idOf(toName);
      if (intoId && intoId !== fromId) await repos.tags.mergeInto(fromId, intoId);
      else await repos.tags.rename(fromId, toName);
      await repos.search.reindex(people);
      return { from: fromName, to: toName, people: people.length };
    });
  }

  async remove(name: string): Promise<{ tag: string; people: number }> {
    const tag = normalizeTag(name);
    return inTransaction(this.ctx.store, async (repos) => {
      const id = await repos.tags.idOf(tag);
      if (!id) throw notFound('tag', name);
      const people = await repos.tags.personIdsWithTag(id);
      await repos.tags.delete(id);
      await repos.search.reindex(people);
      return { tag, people: people.length };
    });
  }
}
