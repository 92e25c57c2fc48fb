import type { Direction, InteractionKind } from './vocabulary.js';

/**
 * Tie strength, 0 to 100, explained by its parts. The formula and its sources are
 * in docs/scoring.md; change both together.
 */
const DAY = 86_400_000;
export const RECENCY_DAYS = 90;
export const SHORT_WINDOW_DAYS = 90;
export const LONG_WINDOW_DAYS = 365;
/** Interactions that saturate the frequency parts: weekly over 90 days, weekly over a year. */
const SHORT_SATURATION = 12;
const LONG_SATURATION = 52;
const YEARS_TO_FULL_DURATION = 5;

export const RICHNESS: Record<InteractionKind, number> = {
  meeting: 1,
  video: 0.8,
  call: 0.7,
  event: 0.6,
  intro: 0.5,
  message: 0.4,
  email: 0.3,
  other: 0.3,
};
/** Being only copied on a message says little about a tie. */
export const CC_FACTOR = 0.2;

export const WEIGHTS = { recency: 0.35, frequency: 0.25, reciprocity: 0.15, richness: 0.15, duration: 0.1 } as const;
export type Component = keyof typeof WEIGHTS;

/** Running totals per person, updated one interaction at a time. */
export interface ContactStats {
  interactions: number;
  firstAt: string | null;
  lastAt: string | null;
  outbound: number;
  inbound: number;
  mutual: number;
  richnessSum: number;
  /** Exponentially decayed counts (time constants of 90 and 365 days) as of refAt. */
  decayedShort: number;
  decayedLong: number;
  refAt: string | null;
}

export const EMPTY_STATS: ContactStats = {
  interactions: 0,
  firstAt: null,
  lastAt: null,
  outbound: 0,
  inbound: 0,
  mutual: 0,
  richnessSum: 0,
  decayedShort: 0,
  decayedLong: 0,
  refAt: null,
};

export interface ObservedInteraction {
  kind: InteractionKind;
  occurredAt: string;
  direction: Direction;
  role: string;
}

/**
 * Mutable running totals, for folding many interactions without allocating per
 * interaction (a full recompute folds millions). Decayed counts are kept at the
 * latest time seen, so adding an old interaction (an import) weighs it by its age:
 * the result does not depend on the order interactions arrive in.
 */
export class StatsAccumulator {
  interactions = 0;
  firstAt: string | null = null;
  lastAt: string | null = null;
  outbound = 0;
  inbound = 0;
  mutual = 0;
  richnessSum = 0;
  decayedShort = 0;
  decayedLong = 0;
  refMs = Number.NaN;

  static from(stats: ContactStats): StatsAccumulator {
    const a = new StatsAccumulator();
    a.interactions = stats.interactions;
    a.firstAt = stats.firstAt;
    a.lastAt = stats.lastAt;
    a.outbound = stats.outbound;
    a.inbound = stats.inbound;
    a.mutual = stats.mutual;
    a.richnessSum = stats.richnessSum;
    a.decayedShort = stats.decayedShort;
    a.decayedLong = stats.decayedLong;
    a.refMs = stats.refAt ? Date.parse(stats.refAt) : Number.NaN;
    return a;
  }

  add(i: ObservedInteraction): this {
    const at = Date.parse(i.occurredAt);
    const ref = Number.isNaN(this.refMs) ? at : this.refMs;
    const newRef = Math.max(ref, at);
    const weight = i.role === 'cc' ? CC_FACTOR : 1;
    const age = newRef - at;
    this.decayedShort = this.decayedShort * Math.exp(-(newRef - ref) / (SHORT_WINDOW_DAYS * DAY)) + weight * Math.exp(-age / (SHORT_WINDOW_DAYS * DAY));
    this.decayedLong = this.decayedLong * Math.exp(-(newRef - ref) / (LONG_WINDOW_DAYS * DAY)) + weight * Math.exp(-age / (LONG_WINDOW_DAYS * DAY));
    this.refMs = newRef;
    this.interactions += 1;
    if (!this.firstAt || i.occurredAt < this.firstAt) this.firstAt = i.occurredAt;
    if (!this.lastAt || i.occurredAt > this.lastAt) this.lastAt = i.occurredAt;
    if (i.direction === 'outbound') this.outbound += 1;
    else if (i.direction === 'inbound') this.inbound += 1;
    else this.mutual += 1;
    this.richnessSum += RICHNESS[i.kind] * weight;
    return this;
  }

  toStats(): ContactStats {
    return {
      interactions: this.interactions,
      firstAt: this.firstAt,
      lastAt: this.lastAt,
      outbound: this.outbound,
      inbound: this.inbound,
      mutual: this.mutual,
      richnessSum: this.richnessSum,
      decayedShort: this.decayedShort,
      decayedLong: this.decayedLong,
      refAt: Number.isNaN(this.refMs) ? null : new Date(this.refMs).toISOString(),
    };
  }
}

/** Folds one interaction into the totals, returning new totals. */
export function addInteraction(stats: ContactStats, i: ObservedInteraction): ContactStats {
  return StatsAccumulator.from(stats).add(i).toStats();
}

export interface StrengthPart {
  component: Component;
  /** 0 to 1. */
  value: number;
  weight: number;
  /** value × weight × 100, the points this part adds to the score. */
  points: number;
  explanation: string;
}

export interface TieStrength {
  score: number;
  parts: StrengthPart[];
}

function saturating(count: number, saturation: number): number {
  return Math.min(1, Math.log1p(Math.max(0, count)) / Math.log1p(saturation));
}

export function decayedCountsAt(stats: ContactStats, now: Date): { short: number; long: number } {
  if (!stats.refAt) return { short: 0, long: 0 };
  const elapsed = Math.max(0, now.getTime() - Date.parse(stats.refAt));
  return {
    short: stats.decayedShort * Math.exp(-elapsed / (SHORT_WINDOW_DAYS * DAY)),
    long: stats.decayedLong * Math.exp(-elapsed / (LONG_WINDOW_DAYS * DAY)),
  };
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

interface ComponentValues {
  values: Record<Component, number>;
  daysSince: number;
  counts: { short: number; long: number };
  years: number;
}

function componentValues(stats: ContactStats, now: Date, knownSince: string | null): ComponentValues | null {
  if (stats.interactions === 0 || !stats.lastAt) return null;
  const daysSince = Math.max(0, (now.getTime() - Date.parse(stats.lastAt)) / DAY);
  const counts = decayedCountsAt(stats, now);
  const out = stats.outbound + stats.mutual;
  const inn = stats.inbound + stats.mutual;
  const since = [knownSince, stats.firstAt].filter((x): x is string => !!x).sort()[0]!;
  const years = Math.max(0, (now.getTime() - Date.parse(since)) / (365 * DAY));
  return {
    values: {
      recency: Math.exp(-daysSince / RECENCY_DAYS),
      frequency: 0.5 * saturating(counts.short, SHORT_SATURATION) + 0.5 * saturating(counts.long, LONG_SATURATION),
      reciprocity: out + inn === 0 ? 0 : 1 - Math.abs(out - inn) / (out + inn),
      richness: Math.min(1, stats.richnessSum / stats.interactions),
      duration: Math.min(1, years / YEARS_TO_FULL_DURATION),
    },
    daysSince,
    counts,
    years,
  };
}

function scoreOf(values: Record<Component, number>): number {
  let sum = 0;
  for (const component of Object.keys(WEIGHTS) as Component[]) sum += round(values[component], 3) * WEIGHTS[component];
  return Math.max(0, Math.min(100, Math.round(sum * 100)));
}

/** The score alone, without the explanations: for ranking and filtering many people at once. */
export function tieStrengthScore(stats: ContactStats, now: Date, knownSince: string | null = null): number {
  const c = componentValues(stats, now, knownSince);
  return c ? scoreOf(c.values) : 0;
}

export function tieStrength(stats: ContactStats, now: Date, knownSince: string | null = null): TieStrength {
  const c = componentValues(stats, now, knownSince);
  if (!c) {
    return { score: 0, parts: (Object.keys(WEIGHTS) as Component[]).map((component) => ({ component, value: 0, weight: WEIGHTS[component], points: 0, explanation: 'no interactions yet' })) };
  }
  const { values, daysSince, counts, years } = c;
  const explanations: Record<Component, string> = {
    recency: `last contact ${Math.round(daysSince)} days ago`,
    frequency: `about ${round(counts.short, 1)} interactions in the last 90 days, ${round(counts.long, 1)} in the last year`,
    reciprocity: `${stats.outbound} by you, ${stats.inbound} by them, ${stats.mutual} together`,
    richness: `mean channel richness ${round(values.richness)} (meeting 1, email 0.3)`,
    duration: `known for ${round(years, 1)} years`,
  };
  const parts = (Object.keys(WEIGHTS) as Component[]).map((component) => ({
    component,
    value: round(values[component], 3),
    weight: WEIGHTS[component],
    points: round(values[component] * WEIGHTS[component] * 100, 1),
    explanation: explanations[component],
  }));
  return { score: scoreOf(values), parts };
}
