import { notFound } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import { normalizeNoteBody, type Note } from '../domain/note.js';
import { inTransaction, readRepositories } from '../store/repositories.js';
import type { ServiceContext } from './context.js';
import { decodeCursor, pageOf, type Page } from './cursor.js';
import { resolvePersonId, resolvePersonIds } from './person-refs.js';
import { parseLimit } from './person-service.js';

export class NoteService {
  constructor(private readonly ctx: ServiceContext) {}

  async add(body: string, about: string[] = []): Promise<Note> {
    const text = normalizeNoteBody(body);
    return inTransaction(this.ctx.store, async (repos) => {
      const people = await resolvePersonIds(repos, about, { includeArchived: true });
      const id = newId();
      await repos.notes.insert(id, text, people, this.ctx.now().toISOString());
      await repos.search.reindex(people);
      return (await repos.notes.hydrate([id]))[0]!;
    });
  }

  async list(about?: string, limit?: number): Promise<Note[]> {
    return (await this.page(about, limit)).items;
  }

  /** Notes (about one person, or all), newest first, a page at a time. */
  async page(about?: string, limit?: number, cursor?: string): Promise<Page<Note>> {
    const repos = readRepositories(this.ctx.store);
    const after = cursor ? decodeCursor(cursor) : undefined;
    const personId = about ? await resolvePersonId(repos, about, { includeArchived: true }) : undefined;
    const read = async (n: number) => repos.notes.hydrate(personId ? await repos.notes.idsForPerson(personId, n, after) : await repos.notes.recentIds(n, after));
    return pageOf(parseLimit(limit, 20), read, (note) => ({ key: note.createdAt, id: note.id }));
  }

  async remove(id: string): Promise<Note> {
    return inTransaction(this.ctx.store, async (repos) => {
      const [note] = await repos.notes.hydrate([id.trim().toLowerCase()]);
      if (!note) throw notFound('note', id);
      const about = await repos.notes.delete(note.id);
      await repos.search.reindex(about);
      return note;
    });
  }
}
