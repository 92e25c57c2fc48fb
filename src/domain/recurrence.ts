import rrulePackage from 'rrule';
import { invalid } from './errors.js';
import { wallClock, zonedToUtc } from './time-zone.js';

const { RRule } = rrulePackage;

export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export function parseLocalDateTime(value: string, field: string): LocalDateTime {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?$/.exec(value.trim());
  if (!m) throw invalid(field, value, 'expected YYYY-MM-DD or YYYY-MM-DD HH:MM');
  const t = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Number(m[4] ?? 9), minute: Number(m[5] ?? 0) };
  const check = new Date(Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute));
  if (check.getUTCMonth() !== t.month - 1 || check.getUTCDate() !== t.day || t.hour > 23 || t.minute > 59) {
    throw invalid(field, value, 'not a real date and time');
  }
  return t;
}

export function formatLocal(t: LocalDateTime): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${t.year}-${p(t.month)}-${p(t.day)}T${p(t.hour)}:${p(t.minute)}`;
}

/** Checks an RFC 5545 RRULE (with or without the "RRULE:" prefix) and returns it in canonical form. */
export function parseRrule(value: string): string {
  const text = value.trim().replace(/^RRULE:/i, '');
  let options;
  try {
    options = RRule.parseString(text);
  } catch (error) {
    throw invalid('rrule', value, (error as Error).message.split('\n')[0] ?? 'not an RRULE');
  }
  if (options.freq === undefined) throw invalid('rrule', value, 'an RRULE needs FREQ, such as FREQ=WEEKLY;BYDAY=MO');
  if (options.dtstart) throw invalid('rrule', value, 'give the start with --at, not DTSTART');
  try {
    return new RRule(options).toString().replace(/^RRULE:/, '');
  } catch (error) {
    throw invalid('rrule', value, (error as Error).message.split('\n')[0] ?? 'not an RRULE');
  }
}

/**
 * The first occurrence strictly after an instant, or null when the rule has ended.
 * Rules are evaluated on the user's wall clock ("every Monday at 9:00" stays 9:00
 * across daylight-saving changes) and each occurrence is then placed in the zone.
 */
export function nextOccurrence(rrule: string, start: LocalDateTime, zone: string, after: Date): Date | null {
  const floatingStart = new Date(Date.UTC(start.year, start.month - 1, start.day, start.hour, start.minute));
  const rule = new RRule({ ...RRule.parseString(rrule), dtstart: floatingStart });
  const w = wallClock(after, zone);
  let cursor = new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second));
  for (let i = 0; i < 5; i++) {
    const next = rule.after(cursor, false);
    if (!next) return null;
    const instant = zonedToUtc(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), next.getUTCHours(), next.getUTCMinutes(), zone);
    if (instant.getTime() > after.getTime()) return instant;
    cursor = next;
  }
  return null;
}
