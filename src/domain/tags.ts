import { invalid } from './errors.js';

/** Tags are compared without case or surrounding space; "Fintech " and "fintech" are one tag. */
export function normalizeTag(value: string): string {
  const tag = value.trim().toLowerCase().replace(/\s+/g, '-');
  if (!tag) throw invalid('tag', value, 'a tag cannot be empty');
  if (tag.length > 64) throw invalid('tag', value, 'a tag is at most 64 characters');
  if (/[,#]/.test(tag)) throw invalid('tag', value, 'a tag cannot contain "," or "#"');
  return tag;
}
