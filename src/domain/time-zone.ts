import { invalid } from './errors.js';
import { isValidTimeZone } from './settings.js';

export function assertTimeZone(zone: string): string {
  if (!isValidTimeZone(zone)) throw invalid('timezone', zone, 'not an IANA time zone such as Europe/Paris');
  return zone;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock reading in a zone at an instant. */
export function wallClock(instant: Date, zone: string): WallClock {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute'), second: get('second') };
}

/** The calendar day (YYYY-MM-DD) in a zone at an instant. */
export function localDay(instant: Date, zone: string): string {
  const w = wallClock(instant, zone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/**
 * The instant at which a zone's clocks show this wall-clock time. In a gap (spring
 * forward) it gives the instant just after; in an overlap, the first of the two.
 */
export function zonedToUtc(year: number, month: number, day: number, hour: number, minute: number, zone: string): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  let instant = guess;
  for (let i = 0; i < 3; i++) {
    const w = wallClock(new Date(instant), zone);
    const shown = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
    const diff = shown - guess;
    if (diff === 0) break;
    instant -= diff;
  }
  return new Date(instant);
}

/** The start of the local day that holds this instant, as an instant. */
export function startOfLocalDay(instant: Date, zone: string): Date {
  const w = wallClock(instant, zone);
  return zonedToUtc(w.year, w.month, w.day, 0, 0, zone);
}
