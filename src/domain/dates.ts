import { invalid } from './errors.js';

const DAY_MS = 86_400_000;

/**
 * Whether an instant is still ahead of now, two days of slack aside: a bare date
 * means noon UTC, which is 26 hours ahead for someone in UTC+14 at the start of that
 * very day. What has happened (an interaction, an event met at) is never ahead; a
 * typo such as 2062 for 2026 would otherwise count as the last contact for decades.
 */
export function isAhead(instant: string, now: Date): boolean {
  return Date.parse(instant) > now.getTime() + 2 * DAY_MS;
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

/**
 * A calendar date as YYYY-MM-DD. Also takes "today", "yesterday", "tomorrow" and
 * "N days ago", which is how people log things after the fact.
 */
export function parseDate(value: string, field: string, now: Date = new Date()): string {
  const text = value.trim().toLowerCase();
  const relative = parseRelative(text, now);
  if (relative) return isoDay(relative);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match || !validDay(Number(match[1]), Number(match[2]), Number(match[3]))) {
    throw invalid(field, value, 'expected a date as YYYY-MM-DD');
  }
  return text;
}

/** A point in time, stored as UTC ISO-8601 with milliseconds. */
export function parseDateTime(value: string, field: string, now: Date = new Date()): string {
  const text = value.trim();
  const relative = parseRelative(text.toLowerCase(), now);
  if (relative) return relative.toISOString();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    parseDate(text, field);
    return new Date(text + 'T12:00:00.000Z').toISOString();
  }
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i.test(text)) {
    throw invalid(field, value, 'expected a date or time as YYYY-MM-DD or YYYY-MM-DDTHH:MM[Z]');
  }
  const parsed = new Date(text.replace(' ', 'T'));
  if (Number.isNaN(parsed.getTime())) throw invalid(field, value, 'not a real date and time');
  return parsed.toISOString();
}

function parseRelative(text: string, now: Date): Date | undefined {
  if (text === 'now') return new Date(now);
  if (text === 'today') return new Date(now);
  if (text === 'yesterday') return new Date(now.getTime() - DAY_MS);
  if (text === 'tomorrow') return new Date(now.getTime() + DAY_MS);
  const ago = /^(\d+)\s*(d|days?|w|weeks?)\s+ago$/.exec(text);
  if (ago) {
    const unit = ago[2]!.startsWith('w') ? 7 : 1;
    return new Date(now.getTime() - Number(ago[1]) * unit * DAY_MS);
  }
  return undefined;
}

/** A birthday, with or without the year: YYYY-MM-DD or --MM-DD (the vCard form). */
export function parseBirthday(value: string, field = 'birthday'): string {
  const text = value.trim();
  const noYear = /^--(\d{2})-?(\d{2})$/.exec(text);
  if (noYear) {
    if (!validDay(2000, Number(noYear[1]), Number(noYear[2]))) throw invalid(field, value, 'not a real day of the year');
    return `--${noYear[1]}-${noYear[2]}`;
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw invalid(field, value, 'expected YYYY-MM-DD or --MM-DD');
  return parseDate(text, field);
}

export function daysBetween(fromIso: string, to: Date): number {
  return Math.floor((to.getTime() - new Date(fromIso).getTime()) / DAY_MS);
}
