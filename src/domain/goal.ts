import { invalid } from './errors.js';

export const KEY_RESULT_METRICS = ['meet', 'interactions', 'introductions'] as const;
export type KeyResultMetric = (typeof KEY_RESULT_METRICS)[number];
export type KeyResultPeriod = 'total' | 'month';

/**
 * A measurable key result. Progress is always counted from the data: people met
 * (first contact or met-on date since the goal began), interactions, or introductions
 * (interactions of kind intro), with the goal's audience when it has one.
 */
export interface KeyResultSpec {
  metric: KeyResultMetric;
  target: number;
  period: KeyResultPeriod;
}

/** "meet:10", "interactions:3/month", "introductions:2". */
export function parseKeyResult(text: string): KeyResultSpec {
  const m = /^\s*(meet|interactions|introductions)\s*:\s*(\d{1,6})\s*(?:\/\s*(month|total))?\s*$/i.exec(text);
  if (!m) throw invalid('key-result', text, 'expected METRIC:TARGET[/month], with METRIC one of meet, interactions, introductions (e.g. meet:10 or interactions:3/month)');
  const target = Number(m[2]);
  if (target < 1) throw invalid('key-result', text, 'the target must be at least 1');
  return { metric: m[1]!.toLowerCase() as KeyResultMetric, target, period: (m[3]?.toLowerCase() as KeyResultPeriod | undefined) ?? 'total' };
}

export function describeKeyResult(kr: KeyResultSpec): string {
  const what = { meet: 'people met', interactions: 'interactions', introductions: 'introductions received' }[kr.metric];
  return `${kr.target} ${what}${kr.period === 'month' ? ' a month' : ''}`;
}

export interface KeyResultProgress extends KeyResultSpec {
  id: string;
  label: string;
  current: number;
  /** 0 to 1. */
  fraction: number;
  done: boolean;
}

export function keyResultProgress(id: string, kr: KeyResultSpec, current: number): KeyResultProgress {
  const fraction = Math.min(1, current / kr.target);
  return { ...kr, id, label: describeKeyResult(kr), current, fraction: Math.round(fraction * 100) / 100, done: current >= kr.target };
}

/** Where counting starts: the goal's start, or for a monthly result the first day of this month (UTC). */
export function periodStart(kr: KeyResultSpec, goalStart: string, now: Date): string {
  if (kr.period === 'total') return goalStart;
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString();
  return month > goalStart ? month : goalStart;
}
