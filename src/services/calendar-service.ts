import ical from 'ical-generator';
import { parseLocalDateTime } from '../domain/recurrence.js';
import { localDay } from '../domain/time-zone.js';
import { daysUntilBirthday } from '../domain/today-queue.js';
import { readRepositories } from '../store/repositories.js';
import type { ServiceContext } from './context.js';
import { userTimeZone } from './reminder-service.js';

const DAY = 86_400_000;

/**
 * An iCalendar feed of open reminders and follow-ups (recurring ones with their
 * RRULE, on the wall clock of the zone they were set in) and everyone's birthday
 * as a yearly all-day event.
 */
export class CalendarService {
  constructor(private readonly ctx: ServiceContext) {}

  async export(): Promise<string> {
    const repos = readRepositories(this.ctx.store);
    const now = this.ctx.now();
    const zone = await userTimeZone(repos);
    const calendar = ical({ name: 'Kith', prodId: { company: 'Kith', product: 'kith', language: 'EN' } });
    for (const r of await repos.reminders.open(null, 10_000)) {
      const who = r.person ? ` (${r.person.name})` : '';
      const summary = `${r.kind === 'follow_up' ? 'Follow up' : 'Reminder'}: ${r.title}${who}`;
      if (r.rrule) {
        const s = parseLocalDateTime(r.localStart, 'start');
        // Floating wall-clock start with its zone, so the series keeps its local hour.
        const start = new Date(Date.UTC(s.year, s.month - 1, s.day, s.hour, s.minute));
        calendar.createEvent({ id: `reminder-${r.id}@kith`, start, end: new Date(start.getTime() + 30 * 60_000), timezone: r.timezone, summary, repeating: `RRULE:${r.rrule}` });
      } else {
        const start = new Date(r.dueAt);
        calendar.createEvent({ id: `reminder-${r.id}@kith`, start, end: new Date(start.getTime() + 30 * 60_000), summary });
      }
    }
    const today = localDay(now, zone);
    for (const p of await repos.queue.allBirthdays()) {
      const next = new Date(Date.parse(today + 'T00:00:00Z') + daysUntilBirthday(p.birthday, today) * DAY);
      calendar.createEvent({ id: `birthday-${p.id}@kith`, start: next, allDay: true, summary: `${p.name}'s birthday`, repeating: 'RRULE:FREQ=YEARLY' });
    }
    return calendar.toString();
  }
}
