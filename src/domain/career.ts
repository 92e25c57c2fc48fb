import { invalid } from './errors.js';

export const OPPORTUNITY_KINDS = ['job', 'client', 'collaboration', 'speaking', 'investment', 'other'] as const;
/** The kanban columns, in order. */
export const OPPORTUNITY_STAGES = ['idea', 'exploring', 'in_progress', 'won', 'lost'] as const;
export const INTRO_STATUSES = ['proposed', 'asked', 'accepted', 'made', 'declined'] as const;
export const MENTOR_ROLES = ['mentor', 'mentee'] as const;
export const BRAND_KINDS = ['pitch', 'offer', 'ask', 'content'] as const;
export const SUPPORT_TAG = 'support-circle';

export function oneOf<T extends string>(list: readonly T[], value: string | null | undefined, field: string, fallback?: T): T {
  const v = (value ?? fallback ?? '').trim().toLowerCase().replace(/[\s-]+/g, '_');
  if (!(list as readonly string[]).includes(v)) throw invalid(field, value ?? '', `expected one of ${list.join(', ')}`);
  return v as T;
}

export interface IntroDraftInput {
  a: { first: string; name: string; company: string | null };
  b: { first: string; name: string; company: string | null };
  why: string | null;
  me: string;
}

/** The double opt-in ask to one side, and the introduction itself once both agree. */
export function introMessages(i: IntroDraftInput): { askA: string; introduction: string } {
  const who = (p: IntroDraftInput['a']) => `${p.name}${p.company ? ` (${p.company})` : ''}`;
  const because = i.why ? ` ${i.why.replace(/\.?$/, '.')}` : '';
  return {
    askA: `Hi ${i.a.first},\n\nWould you be open to an introduction to ${who(i.b)}?${because} Happy to connect you if you are; no pressure if not.\n\nBest,\n${i.me}`,
    introduction: `Hi ${i.a.first} and ${i.b.first},\n\nI would like to introduce you: ${who(i.a)}, meet ${who(i.b)}.${because} I will let you take it from here.\n\nBest,\n${i.me}`,
  };
}
