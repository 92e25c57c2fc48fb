import { invalid } from './errors.js';
import type { PersonRef } from './person.js';

export interface Note {
  id: string;
  body: string;
  about: PersonRef[];
  createdAt: string;
  updatedAt: string;
}

export function normalizeNoteBody(value: string): string {
  const body = value.replace(/\r\n/g, '\n').trim();
  if (!body) throw invalid('note', value, 'a note cannot be empty');
  if (body.length > 100_000) throw invalid('note', value.slice(0, 40) + '…', 'a note is at most 100,000 characters');
  return body;
}
