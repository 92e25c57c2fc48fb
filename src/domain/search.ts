import { foldText } from './names.js';
import type { Person } from './person.js';

export interface SearchHit {
  person: Person;
  score: number;
  /** How the person was found: by its text, or by a name close to the one typed. */
  match: 'text' | 'fuzzy';
}

/** Words of a query, folded and stripped of search syntax so that any input is safe. */
export function searchTokens(query: string): string[] {
  return [...new Set(foldText(query).split(/[^\p{L}\p{N}]+/u).filter((t) => t.length > 0))].slice(0, 12);
}

/** The folded text a person is found by: names weigh more than the rest. */
export interface SearchDocument {
  names: string;
  body: string;
}
