import { invalid } from './errors.js';

const UNIT_MS: Record<string, number> = {
  m: 60_000,
  min: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
  mo: 30 * 86_400_000,
  y: 365 * 86_400_000,
};

/** "30m", "4h", "3d", "2w", "1mo", "1y" or "3 days": a span of time in milliseconds. */
export function parseSpan(value: string, field = 'duration'): number {
  const text = value.trim().toLowerCase();
  const match = /^(\d+(?:\.\d+)?)\s*(m|min|mins|minutes?|h|hours?|d|days?|w|weeks?|mo|months?|y|years?)$/.exec(text);
  if (!match) throw invalid(field, value, 'expected a duration such as 30m, 4h, 3d, 2w, 1mo or 1y');
  const unit = match[2]!;
  const key = unit.startsWith('mo') ? 'mo' : unit.startsWith('mi') || unit === 'm' ? 'm' : unit[0]!;
  const ms = Number(match[1]) * UNIT_MS[key]!;
  if (ms <= 0 || ms > 10 * 365 * 86_400_000) throw invalid(field, value, 'must be more than zero and at most 10 years');
  return ms;
}
