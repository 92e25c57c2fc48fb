import { z } from 'zod';

/** Dunbar's layers, closest first: about 5, 15, 50, 150 and 500 people. */
export const TIERS = ['inner', 'close', 'active', 'wider', 'acquaintance'] as const;
export type Tier = (typeof TIERS)[number];
export const tierSchema = z.enum(TIERS);

export const INTERACTION_KINDS = ['meeting', 'call', 'video', 'message', 'email', 'event', 'intro', 'other'] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

export const DIRECTIONS = ['outbound', 'inbound', 'mutual'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const RELATIONSHIP_KINDS = [
  'knows',
  'colleague',
  'mentor_of',
  'introduced',
  'reports_to',
  'family',
  'friend',
  'other',
] as const;
export type RelationshipKind = (typeof RELATIONSHIP_KINDS)[number];

export const URL_KINDS = ['linkedin', 'website', 'twitter', 'github', 'other'] as const;
export type UrlKind = (typeof URL_KINDS)[number];

/** Accepts "mentor of", "mentor-of" and "Mentor_Of" alike. */
export function canonicalKeyword(value: string): string {
  return value.trim().toLowerCase().replace(/[\s-]+/g, '_');
}
