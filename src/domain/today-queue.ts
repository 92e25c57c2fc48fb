import type { CadenceState } from './cadence.js';
import type { Tier } from './vocabulary.js';

/**
 * Today's queue: whom to contact and why. Each reason carries a score; a person's
 * score is their strongest reason plus a quarter of the others, plus a little for
 * tie strength, so several small reasons add up but never outrank one urgent one.
 * Ties break by id, so the order is stable from one call to the next.
 */
export type ReasonKind = 'follow_up' | 'birthday' | 'reminder' | 'overdue' | 'due' | 'new_job' | 'anniversary' | 'dormant' | 'goal' | 'give';

export interface Reason {
  kind: ReasonKind;
  text: string;
  score: number;
}

export interface QueueCandidate {
  personId: string;
  name: string;
  company: string | null;
  tier: Tier | null;
  strength: number;
  reasons: Reason[];
}

export interface QueueEntry extends QueueCandidate {
  score: number;
  action: string;
}

export function entryScore(reasons: Reason[], strength: number): number {
  if (reasons.length === 0) return 0;
  const scores = reasons.map((r) => r.score).sort((a, b) => b - a);
  const rest = scores.slice(1).reduce((s, x) => s + x, 0);
  return Math.round((scores[0]! + 0.25 * rest + strength / 20) * 10) / 10;
}

export function rankQueue(candidates: QueueCandidate[], limit: number): QueueEntry[] {
  return candidates
    .filter((c) => c.reasons.length > 0)
    .map((c) => {
      const reasons = [...c.reasons].sort((a, b) => b.score - a.score);
      const give = reasons[0]!.kind !== 'give' && reasons.some((r) => r.kind === 'give');
      return { ...c, reasons, score: entryScore(reasons, c.strength), action: suggestAction(reasons[0]!, c) + (give ? '; offer help before asking for any' : '') };
    })
    .sort((a, b) => b.score - a.score || a.personId.localeCompare(b.personId))
    .slice(0, limit);
}

export function suggestAction(top: Reason, c: QueueCandidate): string {
  switch (top.kind) {
    case 'birthday':
      return 'Send birthday wishes';
    case 'follow_up':
    case 'reminder':
      return top.text.replace(/^(follow-up|reminder)( due| overdue[^:]*)?: /, '');
    case 'new_job':
      return `Congratulate them on the new role${c.company ? ` at ${c.company}` : ''}`;
    case 'anniversary':
      return 'Congratulate them on the work anniversary';
    case 'dormant':
      return 'Reconnect: recall something you did together and ask what they are working on';
    case 'give':
      return 'Offer help before asking for any: share an intro, a resource or advice';
    case 'goal':
      return 'Reach out about your goal: ask for advice, not a favour';
    case 'overdue':
    case 'due':
      return c.tier === 'inner' || c.tier === 'close' ? 'Call or meet up' : c.tier === 'active' ? 'Send a message or set up a call' : 'Send a short note';
  }
}

/**
 * Closer ties keep shorter cadences, so a shorter cadence weighs more: weekly
 * counts fully, monthly 0.9, quarterly 0.82, yearly 0.72.
 */
export function closenessFactor(idealDays: number): number {
  return Math.max(0.6, 1 - 0.05 * Math.log2(Math.max(1, idealDays / 7)));
}

export function cadenceReason(state: CadenceState): Reason | undefined {
  if (!state.cadence || state.daysSince === null) return undefined;
  const { idealDays, maxDays, source } = state.cadence;
  const factor = closenessFactor(idealDays);
  if (state.status === 'overdue') {
    const score = (55 + Math.min(25, (25 * state.overdueByDays) / idealDays)) * factor;
    return { kind: 'overdue', text: `overdue by ${state.overdueByDays} days (every ${idealDays} days, ${source})`, score };
  }
  if (state.status === 'due') {
    const progress = maxDays > idealDays ? (state.daysSince - idealDays) / (maxDays - idealDays) : 1;
    return { kind: 'due', text: `due: ${state.daysSince} days since last contact (every ${idealDays} days, ${source})`, score: (40 + 15 * progress) * factor };
  }
  return undefined;
}

/**
 * Looking ahead (the weekly digest): the reason as it stands now, or, for someone not
 * yet due who will be by the horizon, the day they come due. Described as of now: a
 * digest written today that said "overdue by 35 days" of someone overdue by 28 was
 * describing next week.
 */
export function cadenceReasonAhead(current: CadenceState, ahead: CadenceState): Reason | undefined {
  const reason = cadenceReason(current);
  if (reason) return reason;
  const later = cadenceReason(ahead);
  if (!later || !ahead.cadence || current.dueInDays === null) return undefined;
  const days = current.dueInDays;
  return { kind: 'due', text: `due in ${days} ${days === 1 ? 'day' : 'days'} (every ${ahead.cadence.idealDays} days, ${ahead.cadence.source})`, score: later.score };
}

/** Days from a local day (YYYY-MM-DD) to the next birthday, 0 if it is today. */
export function daysUntilBirthday(birthday: string, today: string): number {
  const md = birthday.slice(-5);
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const [bm, bd] = md.split('-').map(Number) as [number, number];
  const on = (y: number) => {
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    // Someone born on 29 February celebrates on the 28th in other years.
    return Date.UTC(y, bm - 1, bm === 2 && bd === 29 && !leap ? 28 : bd);
  };
  const base = Date.UTC(year, month - 1, day);
  let next = on(year);
  if (next < base) next = on(year + 1);
  return Math.round((next - base) / 86_400_000);
}

export function birthdayReason(birthday: string | null, today: string, withinDays = 7): Reason | undefined {
  if (!birthday) return undefined;
  const days = daysUntilBirthday(birthday, today);
  if (days > withinDays) return undefined;
  const age = /^\d{4}/.test(birthday) ? Number(today.slice(0, 4)) + (Number(today.slice(5, 7)) * 100 + Number(today.slice(8, 10)) > Number(birthday.slice(5, 7)) * 100 + Number(birthday.slice(8, 10)) ? 1 : 0) - Number(birthday.slice(0, 4)) : null;
  const turning = age !== null ? ` (turning ${age})` : '';
  const text = days === 0 ? `birthday today${turning}` : days === 1 ? `birthday tomorrow${turning}` : `birthday in ${days} days${turning}`;
  return { kind: 'birthday', text, score: days === 0 ? 95 : days === 1 ? 80 : 70 - 3 * days };
}

export function reminderReason(title: string, dueAt: string, followUp: boolean, now: Date): Reason {
  const overdueDays = Math.floor((now.getTime() - Date.parse(dueAt)) / 86_400_000);
  const label = followUp ? 'follow-up' : 'reminder';
  const when = overdueDays >= 1 ? ` overdue by ${overdueDays} days` : ' due';
  return { kind: followUp ? 'follow_up' : 'reminder', text: `${label}${when}: ${title}`, score: (followUp ? 85 : 75) + Math.min(10, Math.max(0, overdueDays)) };
}

export function newJobReason(company: string, daysAgo: number): Reason | undefined {
  if (daysAgo > 30) return undefined;
  return { kind: 'new_job', text: `new job at ${company} ${daysAgo <= 0 ? 'today' : `${daysAgo} days ago`}`, score: 65 - daysAgo / 2 };
}

export function anniversaryReason(company: string, years: number, days: number): Reason {
  return { kind: 'anniversary', text: `${years} year${years === 1 ? '' : 's'} at ${company} ${days === 0 ? 'today' : `in ${days} days`}`, score: 45 - days };
}

export function dormantReason(yearsSilent: number, why: string): Reason {
  return { kind: 'dormant', text: `dormant for ${Math.floor(yearsSilent)} years but worth reconnecting${why ? ` (${why})` : ''}`, score: 30 };
}

/** Someone in the audience of an active goal whom you have not met yet or barely know. */
export function goalReason(goal: string, strength: number): Reason {
  return { kind: 'goal', text: `in the audience of your goal "${goal}"${strength === 0 ? ': not met yet' : ': a weak tie so far'}`, score: 28 };
}

/** They have given more than they got: offer something before the next ask. */
export function giveReason(gave: number, took: number): Reason {
  return { kind: 'give', text: `give before you ask: you gave ${gave}, asked or received ${took}`, score: 8 };
}
