import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

/**
 * iCalendar events as interactions: every occurrence of a recurring event inside a
 * window (EXDATE honoured, moved instances taken from their RECURRENCE-ID override),
 * with organizer and attendees by email. ical.js needs the whole file in memory;
 * calendars are small next to mail archives.
 */
export interface CalendarOccurrence {
  externalId: string;
  start: string;
  durationMinutes: number | null;
  summary: string | null;
  status: string | null;
  organizer: string | null;
  /** The organizer's name (its CN), if the calendar gives one. */
  organizerName: string | null;
  attendees: Array<{ email: string; name: string | null; partstat: string | null }>;
}

/**
 * An occurrence in the window, an event with none in it (so that the report can say
 * how many the window left out, and whether they were too old or still ahead), or an
 * error.
 */
export type CalendarItem = { kind: 'occurrence'; occurrence: CalendarOccurrence } | { kind: 'outside'; ahead: boolean } | { kind: 'error'; line: number; reason: string };

const MAX_OCCURRENCES_PER_EVENT = 10_000;

/** A property's common name (CN), trimmed, or null. */
function commonName(property: ICAL.Property | null): string | null {
  const cn = property?.getParameter('cn');
  const text = String(Array.isArray(cn) ? cn[0] : (cn ?? '')).trim();
  return text ? text.slice(0, 200) : null;
}

function email(value: unknown): string | null {
  const text = String(value ?? '').replace(/^mailto:/i, '').trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+$/.test(text) ? text : null;
}

/** The line of the text that ical.js quotes in its message (in double or single quotes, which it may itself hold). */
function lineOf(text: string, message: string): number {
  const quoted = /"(.{4,})"/.exec(message)?.[1] ?? /'(.{4,})'/.exec(message)?.[1];
  if (!quoted) return 1;
  const at = text.indexOf(quoted.slice(0, 60));
  return at < 0 ? 1 : text.slice(0, at).split('\n').length;
}

/**
 * A date property whose value is a bare date (DTSTART:20240215) is a DATE-TIME by
 * default and so invalid, but calendars (Synology's, older Apple ones) write all-day
 * events that way and other readers take it as the date it plainly is. It is read as
 * VALUE=DATE; the lines stay where they were, so line numbers still hold.
 */
const BARE_DATE = /^(DTSTART|DTEND|DUE|EXDATE|RDATE|RECURRENCE-ID)((?:;(?!VALUE=)[^;:\r\n]*)*):(\d{8}(?:,\d{8})*)(\r?)$/gim;

function firstLine(error: unknown): string {
  return (error as Error).message.split('\n')[0] || 'unreadable';
}

/** The top-level components of a calendar file. One comes back from ical.js as itself; several, or none, as a list. */
function parseRoots(text: string): ICAL.Component[] {
  const parsed = ICAL.parse(text) as unknown[];
  return (typeof parsed[0] === 'string' ? [parsed] : parsed).map((jcal) => new ICAL.Component(jcal as never));
}

/**
 * A calendar that does not parse whole, read again one event at a time: the calendar
 * around the events (its time zones) must parse on its own, and each event that does
 * not is reported at its line. Undefined when the calendar itself is unreadable, or is
 * not a single VCALENDAR.
 */
function readEventByEvent(text: string): { calendar: ICAL.Component; errors: CalendarItem[] } | undefined {
  const lines = text.split('\n');
  const around: string[] = [];
  const events: Array<{ line: number; text: string[] }> = [];
  const unclosed: number[] = [];
  let open: { line: number; text: string[] } | null = null;
  for (const [i, line] of lines.entries()) {
    // An event still open when the next begins, or when the calendar ends, was never closed.
    if (open && /^(BEGIN:VEVENT|END:VCALENDAR)\s*$/i.test(line)) {
      unclosed.push(open.line);
      open = null;
    }
    if (!open && /^BEGIN:VEVENT\s*$/i.test(line)) open = { line: i + 1, text: [] };
    if (open) {
      open.text.push(line);
      if (/^END:VEVENT\s*$/i.test(line)) {
        events.push(open);
        open = null;
      }
      // The lines stay counted where they were, so that the calendar's errors name the right line.
      around.push('');
    } else around.push(line);
  }
  let calendar: ICAL.Component;
  try {
    const roots = parseRoots(around.join('\n'));
    if (roots.length !== 1 || roots[0]!.name !== 'vcalendar') return undefined;
    calendar = roots[0]!;
  } catch {
    return undefined;
  }
  if (open) unclosed.push(open.line);
  const errors: CalendarItem[] = unclosed.map((line) => ({ kind: 'error', line, reason: 'event not closed (no END:VEVENT)' }));
  for (const event of events) {
    const body = event.text.join('\n');
    try {
      calendar.addSubcomponent(new ICAL.Component(ICAL.parse(body) as never));
    } catch (error) {
      const message = firstLine(error);
      errors.push({ kind: 'error', line: event.line - 1 + lineOf(body, message), reason: `unreadable event: ${message}` });
    }
  }
  return { calendar, errors };
}

export function* parseCalendar(file: string, window: { from: Date; to: Date }): Generator<CalendarItem> {
  const text = readFileSync(file, 'utf8').replace(BARE_DATE, '$1$2;VALUE=DATE:$3$4');
  let roots: ICAL.Component[];
  try {
    roots = parseRoots(text);
  } catch (error) {
    // One broken event should not cost the rest: the calendar is read again event by event.
    const recovered = readEventByEvent(text);
    if (!recovered) {
      const message = firstLine(error);
      yield { kind: 'error', line: lineOf(text, message), reason: `not a readable iCalendar file: ${message}` };
      return;
    }
    yield* recovered.errors;
    roots = [recovered.calendar];
  }
  if (roots.length === 0) {
    yield { kind: 'error', line: 1, reason: 'not an iCalendar file: it holds no BEGIN:VCALENDAR' };
    return;
  }
  const other = roots.find((r) => r.name !== 'vcalendar' && r.name !== 'vevent');
  if (other) {
    yield { kind: 'error', line: 1, reason: `not an iCalendar file: it holds a ${other.name.toUpperCase()} where a VCALENDAR should be` };
    return;
  }
  const vevents = roots.flatMap((root) => (root.name === 'vevent' ? [root] : root.getAllSubcomponents('vevent')));
  const exceptions = new Map<string, ICAL.Component[]>();
  const masters: ICAL.Component[] = [];
  for (const v of vevents) {
    const uid = String(v.getFirstPropertyValue('uid') ?? '');
    if (v.hasProperty('recurrence-id')) exceptions.set(uid, [...(exceptions.get(uid) ?? []), v]);
    else masters.push(v);
  }
  const from = ICAL.Time.fromJSDate(window.from, true);
  const to = ICAL.Time.fromJSDate(window.to, true);
  for (const component of masters) {
    let uid: string;
    try {
      // Without a UID, the start and summary stand for one; ical.js reads a value only
      // when asked, so an unreadable start shows here.
      uid = String(component.getFirstPropertyValue('uid') ?? '') || `${component.getFirstPropertyValue('dtstart')}|${component.getFirstPropertyValue('summary')}`;
    } catch (error) {
      const message = firstLine(error);
      yield { kind: 'error', line: lineOf(text, message), reason: `unreadable event: ${message}` };
      continue;
    }
    for (const single of ['dtstart', 'dtend', 'uid']) {
      if (component.getAllProperties(single).length > 1) {
        yield { kind: 'error', line: lineOf(text, `"UID:${uid}"`), reason: `event ${JSON.stringify(uid)} has more than one ${single.toUpperCase()}` };
      }
    }
    if (['dtstart', 'dtend', 'uid'].some((p) => component.getAllProperties(p).length > 1)) continue;
    try {
      const event = new ICAL.Event(component, { exceptions: exceptions.get(uid) ?? [], strictExceptions: false });
      if (!event.startDate) {
        // Required of an event in a calendar file (RFC 5545): without it there is no when.
        const summary = component.getFirstPropertyValue('summary');
        const line = component.hasProperty('uid') ? lineOf(text, `"UID:${uid}"`) : summary ? lineOf(text, `"SUMMARY:${String(summary)}"`) : 1;
        yield { kind: 'error', line, reason: `event ${JSON.stringify(component.hasProperty('uid') ? uid : String(summary ?? ''))} has no start (DTSTART)` };
        continue;
      }
      const describe = (item: ICAL.Event, start: ICAL.Time, end: ICAL.Time | null): CalendarOccurrence => {
        const c = item.component;
        const minutes = end ? Math.round((end.toJSDate().getTime() - start.toJSDate().getTime()) / 60_000) : null;
        return {
          externalId: `${uid}|${start.toJSDate().toISOString()}`,
          start: start.toJSDate().toISOString(),
          durationMinutes: minutes && minutes > 0 && !start.isDate ? minutes : null,
          summary: item.summary ? String(item.summary).slice(0, 500) : null,
          status: c.getFirstPropertyValue('status') ? String(c.getFirstPropertyValue('status')).toUpperCase() : null,
          organizer: email(c.getFirstPropertyValue('organizer')),
          organizerName: commonName(c.getFirstProperty('organizer')),
          attendees: c
            .getAllProperties('attendee')
            .map((p) => ({ email: email(p.getFirstValue()), name: commonName(p), partstat: p.getParameter('partstat') ? String(p.getParameter('partstat')).toUpperCase() : null }))
            .filter((a): a is { email: string; name: string | null; partstat: string | null } => a.email !== null),
        };
      };
      if (!event.isRecurring()) {
        if (event.startDate.compare(from) >= 0 && event.startDate.compare(to) <= 0) yield { kind: 'occurrence', occurrence: describe(event, event.startDate, event.endDate) };
        else yield { kind: 'outside', ahead: event.startDate.compare(to) > 0 };
        continue;
      }
      const iterator = event.iterator();
      let inside = 0;
      for (let i = 0, next = iterator.next(); next && i < MAX_OCCURRENCES_PER_EVENT; i++, next = iterator.next()) {
        if (next.compare(to) > 0) break;
        const details = event.getOccurrenceDetails(next);
        if (details.startDate.compare(from) < 0 || details.startDate.compare(to) > 0) continue;
        inside++;
        yield { kind: 'occurrence', occurrence: describe(details.item, details.startDate, details.endDate) };
      }
      // A series that starts after now is all ahead; one that started before has no occurrence left in the window.
      if (inside === 0) yield { kind: 'outside', ahead: event.startDate.compare(to) > 0 };
    } catch (error) {
      yield { kind: 'error', line: lineOf(text, `"UID:${uid}"`), reason: `event ${JSON.stringify(uid)}: ${(error as Error).message.split('\n')[0]}` };
    }
  }
}
