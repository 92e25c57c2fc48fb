import { tieStrength, type ContactStats } from './tie-strength.js';

/**
 * Dormant ties worth reconnecting, after Levin, Walter and Murnighan (2011):
 * reconnected dormant ties give advice as valuable as active ties and more novel,
 * and the weaker ties of the past give the most novel advice. A tie ranks high when
 * it was weak-to-moderate, when its field matches your interests, and when there
 * was real interaction to build on.
 */
export interface DormantInput {
  personId: string;
  stats: ContactStats;
  metOn: string | null;
  /** The person's tags and industries, lower case. */
  fields: string[];
}

export interface DormantTie {
  personId: string;
  score: number;
  yearsSilent: number;
  pastStrength: number;
  matchedInterests: string[];
  why: string;
}

export const DORMANT_WEIGHTS = { weakness: 0.4, interest: 0.4, history: 0.2 } as const;

export function rankDormant(inputs: DormantInput[], interests: string[], now: Date): DormantTie[] {
  const wanted = new Set(interests.map((i) => i.toLowerCase()));
  return inputs
    .filter((i) => i.stats.lastAt)
    .map((i) => {
      // Strength as it stood at the last contact: recency is full then.
      const past = tieStrength(i.stats, new Date(i.stats.lastAt!), i.metOn).score;
      const matched = [...new Set(i.fields.filter((f) => wanted.has(f)))];
      const weakness = 1 - past / 100;
      const interest = matched.length > 0 ? 1 : 0;
      const history = Math.min(1, i.stats.interactions / 10);
      const score = Math.round(100 * (DORMANT_WEIGHTS.weakness * weakness + DORMANT_WEIGHTS.interest * interest + DORMANT_WEIGHTS.history * history));
      const yearsSilent = (now.getTime() - Date.parse(i.stats.lastAt!)) / (365.25 * 86_400_000);
      const why = [matched.length ? `works in ${matched.join(', ')}` : '', `${i.stats.interactions} past interactions`].filter(Boolean).join('; ');
      return { personId: i.personId, score, yearsSilent: Math.round(yearsSilent * 10) / 10, pastStrength: past, matchedInterests: matched, why };
    })
    .sort((a, b) => b.score - a.score || a.personId.localeCompare(b.personId));
}
