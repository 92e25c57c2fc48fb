import { parseSpan } from '../domain/durations.js';
import { invalid, notFound } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import { formatLocal, nextOccurrence, parseLocalDateTime, parseRrule, type LocalDateTime } from '../domain/recurrence.js';
import type { Reminder, ReminderKind } from '../domain/reminder.js';
import { wallClock, zonedToUtc } from '../domain/time-zone.js';
import { inTransaction, readRepositories, type Repositories } from '../store/repositories.js';
import type { ServiceContext } from './context.js';
import { decodeCursor, pageOf, type Page } from './cursor.js';
import { resolvePersonId } from './person-refs.js';
import { parseLimit } from './person-service.js';

export interface ReminderDraft {
  title: string;
  about?: string;
  /** Local date or date-time in the user's time zone. */
  at?: string;
  /** Or a span from now, such as 2d. */
  in?: string;
  rrule?: string;
  kind?: ReminderKind;
}

export async function userTimeZone(repos: Repositories): Promise<string> {
  return (await repos.settings.get('timezone')) ?? 'UTC';
}

/** Validates and writes one reminder inside the caller's transaction. */
export async function writeReminder(repos: Repositories, draft: ReminderDraft, now: Date): Promise<Reminder> {
  const title = draft.title.trim();
  if (!title) throw invalid('title', draft.title, 'a reminder needs a text');
  if (title.length > 500) throw invalid('title', title.slice(0, 30) + '…', 'at most 500 characters');
  if (draft.at && draft.in) throw invalid('at', draft.at, 'give either --at or --in, not both');
  const rrule = draft.rrule ? parseRrule(draft.rrule) : null;
  const zone = await userTimeZone(repos);
  const personId = draft.about ? await resolvePersonId(repos, draft.about) : null;
  let start: LocalDateTime;
  if (draft.at) {
    start = parseLocalDateTime(draft.at, 'at');
  } else {
    const due = new Date(now.getTime() + (draft.in ? parseSpan(draft.in, 'in') : 0));
    const w = wallClock(due, zone);
    start = { year: w.year, month: w.month, day: w.day, hour: w.hour, minute: w.minute };
  }
  let dueAt = zonedToUtc(start.year, start.month, start.day, start.hour, start.minute, zone);
  if (rrule) {
    // The first occurrence is the start itself when it fits the rule, else the next one.
    const first = nextOccurrence(rrule, start, zone, new Date(dueAt.getTime() - 60_000));
    if (!first) throw invalid('rrule', rrule, 'has no occurrence on or after the start');
    dueAt = first;
  }
  const id = newId();
  await repos.reminders.insert({
    id,
    person_id: personId,
    kind: draft.kind ?? 'reminder',
    title,
    local_start: formatLocal(start),
    timezone: zone,
    rrule,
    due_at: dueAt.toISOString(),
    snoozed_until: null,
    done_at: null,
    created_at: now.toISOString(),
  });
  return (await repos.reminders.get(id))!;
}

export class ReminderService {
  constructor(private readonly ctx: ServiceContext) {}

  async add(draft: ReminderDraft): Promise<Reminder> {
    return inTransaction(this.ctx.store, (repos) => writeReminder(repos, draft, this.ctx.now()));
  }

  async list(options: { about?: string; all?: boolean; limit?: number } = {}): Promise<Reminder[]> {
    return (await this.page(options)).items;
  }

  /** Reminders, soonest first, a page at a time: open ones (about one person when given), or all. */
  async page(options: { about?: string; all?: boolean; limit?: number; cursor?: string } = {}): Promise<Page<Reminder>> {
    const repos = readRepositories(this.ctx.store);
    const after = options.cursor ? decodeCursor(options.cursor) : undefined;
    const personId = options.about ? await resolvePersonId(repos, options.about, { includeArchived: true }) : null;
    const read = (n: number) => (options.all ? repos.reminders.all(personId, n, after) : repos.reminders.open(personId, n, after));
    return pageOf(parseLimit(options.limit, 100), read, (r) => ({ key: r.dueAt, id: r.id }));
  }

  /** Marks a reminder done; a recurring one moves on to its next occurrence. */
  async done(id: string): Promise<Reminder> {
    return inTransaction(this.ctx.store, async (repos) => {
      const reminder = await this.find(repos, id);
      if (reminder.doneAt) throw invalid('reminder', id, 'is already done');
      const now = this.ctx.now();
      if (reminder.rrule) {
        const after = new Date(Math.max(now.getTime(), Date.parse(reminder.dueAt)));
        const next = nextOccurrence(reminder.rrule, parseLocalDateTime(reminder.localStart, 'start'), reminder.timezone, after);
        if (next) await repos.reminders.update(reminder.id, { due_at: next.toISOString(), snoozed_until: null });
        else await repos.reminders.update(reminder.id, { done_at: now.toISOString() });
      } else {
        await repos.reminders.update(reminder.id, { done_at: now.toISOString() });
      }
      return (await repos.reminders.get(reminder.id))!;
    });
  }

  async snooze(id: string, span: string): Promise<Reminder> {
    const ms = parseSpan(span, 'duration');
    return inTransaction(this.ctx.store, async (repos) => {
      const reminder = await this.find(repos, id);
      await repos.reminders.update(reminder.id, { snoozed_until: new Date(this.ctx.now().getTime() + ms).toISOString() });
      return (await repos.reminders.get(reminder.id))!;
    });
  }

  async remove(id: string): Promise<Reminder> {
    return inTransaction(this.ctx.store, async (repos) => {
      const reminder = await this.find(repos, id);
      await repos.reminders.delete(reminder.id);
      return reminder;
    });
  }

  private async find(repos: Repositories, id: string): Promise<Reminder> {
    const reminder = await repos.reminders.get(id.trim().toLowerCase());
    if (!reminder) throw notFound('reminder', id);
    return reminder;
  }
}
