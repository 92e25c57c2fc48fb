import type { Tier } from './vocabulary.js';

/** Dunbar's layers as cumulative sizes: the 5 strongest ties are inner, the next 10 close... */
export const LAYER_SIZES: Array<[Tier, number]> = [
  ['inner', 5],
  ['close', 15],
  ['active', 50],
  ['wider', 150],
  ['acquaintance', 500],
];

/** Below this strength a tie is too faint to place in a layer. */
export const MIN_STRENGTH_FOR_TIER = 5;

export interface TierSuggestion {
  personId: string;
  strength: number;
  current: Tier | null;
  suggested: Tier | null;
}

/**
 * Places people in layers by observed tie strength, strongest first; ties break by
 * id so the proposal is stable. Only people whose tier would change are returned.
 */
export function suggestTiers(people: Array<{ personId: string; strength: number; current: Tier | null }>): TierSuggestion[] {
  const ranked = [...people].sort((a, b) => b.strength - a.strength || a.personId.localeCompare(b.personId));
  const out: TierSuggestion[] = [];
  ranked.forEach((p, rank) => {
    const layer = p.strength < MIN_STRENGTH_FOR_TIER ? undefined : LAYER_SIZES.find(([, size]) => rank < size);
    const suggested = layer ? layer[0] : null;
    if (suggested !== p.current) out.push({ ...p, suggested });
  });
  return out;
}
