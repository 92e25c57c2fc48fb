import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isoDay } from '../domain/dates.js';
import { invalid } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import { addFailure, emptyReport, type ImportOptions, type ImportReport } from '../domain/import-record.js';
import { parseCalendar } from '../importers/icalendar.js';
import { readRepositories, type Repositories } from '../store/repositories.js';
import { recordInteraction } from './contact-stats.js';
import { createCorrespondents } from './correspondents.js';
import type { ServiceContext } from './context.js';
import type { ProgressReporter } from './demo-service.js';
import { runImport } from './import-transactions.js';

/** How far back a calendar is read unless told (--since): two years. */
const DEFAULT_YEARS = 2;

/**
 * Calendar events become meetings with the known people who attended. Cancelled
 * events, events you declined, events with more than 20 attendees (maxAttendees) and
 * events with no known participant are skipped, unless told to make people of the
 * attendees (newPeople 'all'); each occurrence is idempotent by UID and start. Only
 * events since a day (two years ago unless told) up to now are read: a meeting still
 * ahead has not happened.
 */
export class CalendarImportService {
  constructor(private readonly ctx: ServiceContext) {}

  async run(path: string, options: ImportOptions = {}, progress: ProgressReporter = () => {}): Promise<ImportReport> {
    if (!existsSync(path)) throw invalid('file', path, 'no such file or folder');
    const files = statSync(path).isDirectory() ? readdirSync(path).filter((n) => /\.ics$/i.test(n)).sort().map((n) => join(path, n)) : [path];
    if (files.length === 0) throw invalid('folder', path, 'holds no .ics files');
    const maxAttendees = options.maxAttendees ?? 20;
    const now = this.ctx.now();
    const from = options.since ? new Date(`${options.since}T00:00:00.000Z`) : new Date(Date.UTC(now.getUTCFullYear() - DEFAULT_YEARS, now.getUTCMonth(), now.getUTCDate()));
    const window = { from, to: now };
    const createAttendees = options.newPeople === 'all';
    // Events left out by a default the user can change, so that the report can say so.
    const left = { before: 0, ahead: 0, crowded: 0, strangers: 0, alone: 0 };
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
          if (item.kind === 'outside') {
            left[item.ahead ? 'ahead' : 'before']++;
            report.skipped++;
            continue;
          }
          const o = item.occurrence;
          const mine = o.attendees.find((a) => me.has(a.email));
          if (o.status === 'CANCELLED' || mine?.partstat === 'DECLINED' || o.attendees.length > maxAttendees) {
            if (o.attendees.length > maxAttendees) left.crowded++;
            report.skipped++;
            continue;
          }
          await perEvent(async (repos) => {
            const emails = [...new Set([o.organizer, ...o.attendees.map((a) => a.email)].filter((e): e is string => !!e && !me.has(e)))];
            const owners = await repos.people.emailOwners(emails);
            if (createAttendees) {
              const named = new Map<string, string | null>([...o.attendees.map((a) => [a.email, a.name] as const), [o.organizer ?? '', o.organizerName]]);
              const unknown = emails.filter((e) => !owners.has(e)).map((address) => ({ address, name: named.get(address) ?? null }));
              for (const [address, id] of await createCorrespondents(repos, unknown, { source: 'ical', howMet: 'Meeting' }, this.ctx.now().toISOString())) owners.set(address, id);
            }
            const participants = [...new Set(owners.values())].map((personId) => ({ personId, role: 'participant' }));
            if (participants.length === 0) {
              if (emails.length === 0) left.alone++;
              else if (!createAttendees) left.strangers++;
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
    const events = (n: number) => (n === 1 ? '1 event' : `${n} events`);
    if (left.before) report.notes.push(`${events(left.before)} before ${isoDay(from)} left out; an earlier "since" date takes them`);
    if (left.ahead) report.notes.push(`${events(left.ahead)} still ahead left out: a calendar import takes the meetings that have happened`);
    if (left.crowded) report.notes.push(`${events(left.crowded)} with more than ${maxAttendees} attendees skipped; a higher "max attendees" takes them`);
    if (left.strangers) report.notes.push(`${events(left.strangers)} with nobody you know skipped; "new people: all" makes people of their attendees`);
    if (left.alone) report.notes.push(`${events(left.alone)} with no attendee but you skipped`);
    if (report.records === 0 && report.failed === 0) report.notes.push('no events (VEVENT) found; to-dos, journal entries and free/busy blocks are not imported');
    return report;
  }
}
