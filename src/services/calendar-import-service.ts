import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { invalid } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import { addFailure, emptyReport, type ImportReport } from '../domain/import-record.js';
import { parseCalendar } from '../importers/icalendar.js';
import { readRepositories, type Repositories } from '../store/repositories.js';
import { recordInteraction } from './contact-stats.js';
import type { ServiceContext } from './context.js';
import type { ProgressReporter } from './demo-service.js';
import { runImport } from './import-transactions.js';

export interface CalendarImportOptions {
  dryRun?: boolean;
  /** Events with more attendees than this are skipped (default 20). */
  maxAttendees?: number;
  /** How far back recurring events are expanded (default 2 years). */
  sinceYears?: number;
}

const DAY = 86_400_000;

/**
 * Calendar events become meetings with the known people who attended. Cancelled
 * events, events you declined, events with more than 20 attendees and events with
 * no known participant are skipped; each occurrence is idempotent by UID and start.
 */
export class CalendarImportService {
  constructor(private readonly ctx: ServiceContext) {}

  async run(path: string, options: CalendarImportOptions = {}, progress: ProgressReporter = () => {}): Promise<ImportReport> {
    if (!existsSync(path)) throw invalid('file', path, 'no such file or folder');
    const files = statSync(path).isDirectory() ? readdirSync(path).filter((n) => /\.ics$/i.test(n)).sort().map((n) => join(path, n)) : [path];
    if (files.length === 0) throw invalid('folder', path, 'holds no .ics files');
    const maxAttendees = options.maxAttendees ?? 20;
    const now = this.ctx.now();
    const window = { from: new Date(now.getTime() - (options.sinceYears ?? 2) * 365 * DAY), to: now };
    const me = new Set((await readRepositories(this.ctx.store).settings.get('me.emails'))?.split(',').filter(Boolean) ?? []);
    const report = emptyReport('ical', files, Boolean(options.dryRun));
    const work = async (perEvent: (fn: (repos: Repositories) => Promise<void>) => Promise<void>) => {
      for (const [i, file] of files.entries()) {
        progress('importing', i, files.length);
        for (const item of parseCalendar(file, window)) {
          if (item.kind === 'error') {
            addFailure(report, basename(file), item.line, item.reason);
            continue;
          }
          report.records++;
          const o = item.occurrence;
          const mine = o.attendees.find((a) => me.has(a.email));
          if (o.status === 'CANCELLED' || mine?.partstat === 'DECLINED' || o.attendees.length > maxAttendees) {
            report.skipped++;
            continue;
          }
          await perEvent(async (repos) => {
            const emails = [...new Set([o.organizer, ...o.attendees.map((a) => a.email)].filter((e): e is string => !!e && !me.has(e)))];
            const owners = await repos.people.emailOwners(emails);
            const participants = [...new Set(owners.values())].map((personId) => ({ personId, role: 'participant' }));
            if (participants.length === 0) {
              report.skipped++;
              return;
            }
            const direction = o.organizer && me.has(o.organizer) ? 'outbound' : o.organizer ? 'inbound' : 'mutual';
            const { created } = await repos.interactions.insert(
              newId(),
              { kind: 'meeting', occurredAt: o.start, durationMinutes: o.durationMinutes, direction, summary: o.summary, source: 'ical', externalId: o.externalId },
              participants,
              this.ctx.now().toISOString(),
            );
            if (created) await recordInteraction(repos, participants, { kind: 'meeting', occurredAt: o.start, direction });
            report[created ? 'created' : 'skipped']++;
          });
        }
      }
      progress('importing', files.length, files.length);
    };
    await runImport(this.ctx.store, Boolean(options.dryRun), work);
    return report;
  }
}
