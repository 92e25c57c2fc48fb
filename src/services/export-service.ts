import { invalid } from '../domain/errors.js';
import { csvHeader, personToCsv, personToVcard } from '../domain/vcard-writer.js';
import type { ServiceContext } from './context.js';
import { openFileWriter } from './file-writer.js';
import { PersonService, type PersonListQuery } from './person-service.js';
import { readRepositories } from '../store/repositories.js';

export type ExportFormat = 'vcard' | 'csv';

/** Writes people as vCard or CSV, page by page, to a file or any writer. */
export class ExportService {
  private readonly people: PersonService;

  constructor(private readonly ctx: ServiceContext) {
    this.people = new PersonService(ctx);
  }

  async write(format: string, filter: PersonListQuery, out: { file?: string; write?: (chunk: string) => void }, version = '4'): Promise<number> {
    if (format !== 'vcard' && format !== 'csv') throw invalid('format', format, 'expected vcard or csv');
    if (version !== '3' && version !== '4') throw invalid('version', version, 'expected 3 or 4');
    const file = out.file ? openFileWriter(out.file) : undefined;
    const emit = async (text: string) => {
      if (file) await file.write(text);
      else out.write?.(text);
    };
    let count = 0;
    if (format === 'csv') await emit(csvHeader());
    let cursor: string | undefined;
    do {
      const page = await this.people.list({ ...filter, limit: 1000, cursor });
      if (format === 'csv') {
        for (const p of page.items) await emit(personToCsv(p));
      } else {
        // A vCard also carries the person's photo and notes, so that another address book gets them.
        const repos = readRepositories(this.ctx.store);
        const ids = page.items.map((p) => p.id);
        const [photos, notes] = await Promise.all([repos.imports.photos(ids), repos.notes.bodiesByPerson(ids)]);
        for (const p of page.items) await emit(personToVcard(p, version === '3' ? '3.0' : '4.0', { photo: photos.get(p.id), notes: notes.get(p.id) }));
      }
      count += page.items.length;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    await file?.close();
    return count;
  }
}
