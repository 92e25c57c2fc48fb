import { invalid } from './errors.js';
import type { Tier } from './vocabulary.js';

/** Days between contacts by tier, after Dunbar's layers: weekly, monthly, quarterly, yearly. */
export const DEFAULT_CADENCE_DAYS: Record<Tier, number | null> = {
  inner: 7,
  close: 30,
  active: 90,
  wider: 365,
  acquaintance: null,
};
export const MAX_FACTOR = 1.5;

export interface Cadence {
  idealDays: number;
  maxDays: number;
  /** Where it came from: "tier close", "tag investors", "person". */
  source: string;
}

export type CadenceStatus = 'ok' | 'due' | 'overdue' | 'none';

export interface CadenceOverride {
  scope: 'tier' | 'tag' | 'person';
  target: string;
  idealDays: number | null;
  maxDays: number | null;
}

export function parseCadenceDays(value: string | number, field = 'cadence'): number | null {
  if (value === 'none' || value === 'off') return null;
  const text = String(value).trim().toLowerCase();
  const match = /^(\d+)\s*(d|days?|w|weeks?|mo|months?|y|years?)?$/.exec(text);
  if (!match) throw invalid(field, value, 'expected days such as 30, 2w, 3mo or 1y, or none');
  const unit = match[2] ?? 'd';
  const factor = unit.startsWith('w') ? 7 : unit.startsWith('mo') ? 30 : unit.startsWith('y') ? 365 : 1;
  const days = Number(match[1]) * factor;
  if (days < 1 || days > 3650) throw invalid(field, value, 'must be between 1 day and 10 years');
  return days;
}

/**
 * The cadence that applies to a person: their own override, else the shortest of
 * their tags' overrides, else their tier's (overridden or default).
 */
export function effectiveCadence(tier: Tier | null, tags: string[], personOverride: CadenceOverride | undefined, overrides: CadenceOverride[]): Cadence | null {
  const make = (o: CadenceOverride, source: string): Cadence | null =>
    o.idealDays === null ? null : { idealDays: o.idealDays, maxDays: o.maxDays ?? Math.round(o.idealDays * MAX_FACTOR), source };
  if (personOverride) return make(personOverride, 'person');
  const tagRules = overrides.filter((o) => o.scope === 'tag' && tags.includes(o.target) && o.idealDays !== null);
  if (tagRules.length > 0) {
    const shortest = tagRules.sort((a, b) => a.idealDays! - b.idealDays!)[0]!;
    return make(shortest, `tag ${shortest.target}`);
  }
  if (!tier) return null;
  const tierRule = overrides.find((o) => o.scope === 'tier' && o.target === tier);
  if (tierRule) return make(tierRule, `tier ${tier}`);
  const ideal = DEFAULT_CADENCE_DAYS[tier];
  return ideal === null ? null : { idealDays: ideal, maxDays: Math.round(ideal * MAX_FACTOR), source: `tier ${tier}` };
}

export interface CadenceState {
  status: CadenceStatus;
  cadence: Cadence | null;
  daysSince: number | null;
  /** Days until due (negative once due). */
  dueInDays: number | null;
  overdueByDays: number;
}

/** The clock starts at the last contact, or when you met or added them if never contacted. */
export function cadenceState(cadence: Cadence | null, lastContactAt: string | null, startedAt: string, now: Date): CadenceState {
  if (!cadence) return { status: 'none', cadence: null, daysSince: null, dueInDays: null, overdueByDays: 0 };
  const from = lastContactAt ?? startedAt;
  const daysSince = Math.floor((now.getTime() - Date.parse(from)) / 86_400_000);
  const status: CadenceStatus = daysSince >= cadence.maxDays ? 'overdue' : daysSince >= cadence.idealDays ? 'due' : 'ok';
  return { status, cadence, daysSince, dueInDays: cadence.idealDays - daysSince, overdueByDays: Math.max(0, daysSince - cadence.idealDays) };
}
