import { invalid } from './errors.js';
import type { PersonRef } from './person.js';
import { canonicalKeyword, RELATIONSHIP_KINDS, type RelationshipKind } from './vocabulary.js';

export interface Relationship {
  id: string;
  from: PersonRef;
  kind: RelationshipKind;
  to: PersonRef;
  createdAt: string;
}

export function parseRelationshipKind(value: string): RelationshipKind {
  const kind = canonicalKeyword(value);
  if (!(RELATIONSHIP_KINDS as readonly string[]).includes(kind)) {
    throw invalid('relationship', value, `expected one of ${RELATIONSHIP_KINDS.map((k) => k.replace('_', '-')).join(', ')}`);
  }
  return kind as RelationshipKind;
}

/** Kinds that read the same both ways; stored once, with the smaller id first. */
export const SYMMETRIC_KINDS: readonly RelationshipKind[] = ['knows', 'colleague', 'family', 'friend', 'other'];

export function isSymmetric(kind: RelationshipKind): boolean {
  return SYMMETRIC_KINDS.includes(kind);
}
