import { existsSync } from 'node:fs';
import { KithError, invalid } from '../domain/errors.js';
import { readLines } from '../importers/lines.js';
import { BACKUP_TABLES } from '../store/backup-repository.js';
import { inTransaction, readRepositories } from '../store/repositories.js';
import type { ServiceContext } from './context.js';
import type { ProgressReporter } from './demo-service.js';
import { openFileWriter } from './file-writer.js';

const FORMAT = 'kith-backup';
const VERSION = 1;
const PAGE = 2000;

export interface BackupSummary {
  file: string;
  tables: Record<string, number>;
}

/**
 * A complete backup as one JSON document, written with one row per line so that
 * both writing and restoring stream instead of holding the database in memory:
 *
 *   {"format":"kith-backup","version":1,"createdAt":"…","tables":{
 *   "person":[
 *   {…},
 *   {…}
 *   ],
 *   …
 *   }}
 */
export class BackupService {
  constructor(private readonly ctx: ServiceContext) {}

  async backup(file: string, progress: ProgressReporter = () => {}): Promise<BackupSummary> {
    const repos = readRepositories(this.ctx.store);
    const out = openFileWriter(file);
    const tables: Record<string, number> = {};
    await out.write(`{"format":"${FORMAT}","version":${VERSION},"createdAt":${JSON.stringify(this.ctx.now().toISOString())},"tables":{\n`);
    for (const [i, { table, key }] of BACKUP_TABLES.entries()) {
      const total = await repos.backup.count(table);
      await out.write(`${JSON.stringify(table)}:[\n`);
      let after: unknown[] | null = null;
      let written = 0;
      for (;;) {
        const rows = await repos.backup.page(table, key, after, PAGE);
        if (rows.length === 0) break;
        for (const row of rows) {
          await out.write((written > 0 ? ',\n' : '') + JSON.stringify(row));
          written++;
        }
        const last = rows[rows.length - 1]!;
        after = key.map((k) => last[k]);
        progress(table, written, total);
      }
      tables[table] = written;
      await out.write(`${written > 0 ? '\n' : ''}]${i < BACKUP_TABLES.length - 1 ? ',' : ''}\n`);
    }
    await out.write('}}\n');
    await out.close();
    return { file, tables };
  }

  /** Restores a backup into an empty database, all in one transaction. */
  async restore(file: string, progress: ProgressReporter = () => {}): Promise<BackupSummary> {
    if (!existsSync(file)) throw invalid('file', file, 'no such file');
    const known = new Map(BACKUP_TABLES.map((t) => [t.table as string, t]));
    const tables: Record<string, number> = {};
    await inTransaction(this.ctx.store, async (repos) => {
      for (const { table } of BACKUP_TABLES) {
        if ((await repos.backup.count(table)) > 0 && table !== 'setting') {
          throw new KithError('conflict', 'database_not_empty', `the database already holds data (${table}); restore into an empty database (--db new.db)`);
        }
      }
      const bad = (line: number, reason: string) => new KithError('validation', 'invalid_backup', `${file}:${line}: ${reason}`);
      let current: string | null = null;
      let batch: Array<Record<string, unknown>> = [];
      const introductions: Array<{ id: string; introducedBy: string }> = [];
      const columnsOf = new Map<string, string>();
      repos.backup.beginBulk();
      let sawHeader = false;
      let sawEnd = false;
      const flush = async () => {
        if (current && batch.length) {
          await repos.backup.insert(current as never, batch);
          tables[current] = (tables[current] ?? 0) + batch.length;
          progress(current, tables[current]!, tables[current]!);
        }
        batch = [];
      };
      for await (const { raw, number } of readLines(file)) {
        const line = Buffer.from(raw, 'latin1').toString('utf8').trim();
        if (!sawHeader) {
          let header: { format?: unknown; version?: unknown };
          try {
            header = JSON.parse(line.replace(/"tables":\{$/, '"tables":null}')) as typeof header;
          } catch {
            throw bad(number, 'not a Kith backup (no header line)');
          }
          if (header.format !== FORMAT) throw bad(number, 'not a Kith backup');
          if (header.version !== VERSION) throw bad(number, `backup version ${String(header.version)} is not supported (expected ${VERSION})`);
          sawHeader = true;
          continue;
        }
        if (line === '' ) continue;
        if (line === '}}') {
          sawEnd = true;
          continue;
        }
        const start = /^"([a-z_]+)":\[$/.exec(line);
        if (start) {
          await flush();
          if (!known.has(start[1]!)) throw bad(number, `unknown table ${JSON.stringify(start[1])}`);
          current = start[1]!;
          continue;
        }
        if (line === ']' || line === '],') {
          await flush();
          current = null;
          continue;
        }
        if (!current) throw bad(number, 'a row outside any table');
        let row: Record<string, unknown>;
        try {
          row = JSON.parse(line.replace(/,$/, '')) as Record<string, unknown>;
        } catch (error) {
          throw bad(number, `not a JSON row: ${(error as Error).message}`);
        }
        // Rows are written with the first row's columns: a row with others is an edited backup.
        const columns = Object.keys(row).join(',');
        const expected = columnsOf.get(current);
        if (expected === undefined) columnsOf.set(current, columns);
        else if (columns !== expected) throw bad(number, `a ${current} row with the columns ${columns}, where the rows before it have ${expected}`);
        if (current === 'person' && row.introduced_by_id) {
          // Introducers may come later in the file: linked once everyone is in.
          introductions.push({ id: String(row.id), introducedBy: String(row.introduced_by_id) });
          row = { ...row, introduced_by_id: null };
        }
        batch.push(row);
        if (batch.length >= PAGE) await flush();
      }
      await flush();
      if (!sawEnd) throw bad(0, 'the backup ends early (no closing line); it may be truncated');
      repos.backup.endBulk();
      await repos.backup.restoreIntroductions(introductions);
      let after: string | null = null;
      let done = 0;
      for (;;) {
        const ids = await repos.people.allIds(after, PAGE);
        if (ids.length === 0) break;
        await repos.search.reindex(ids);
        done += ids.length;
        after = ids[ids.length - 1]!;
        progress('search index', done, tables.person ?? done);
      }
    }).catch((error: unknown) => {
      if (error instanceof KithError) throw error;
      throw new KithError('validation', 'invalid_backup', `${file}: cannot restore: ${(error as Error).message.split('\n')[0]}`);
    });
    return { file, tables };
  }
}
