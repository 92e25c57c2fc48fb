import { normalizeEmail } from '../domain/email.js';
import { KithError, notFound } from '../domain/errors.js';
import { looksLikeId } from '../domain/ids.js';
import type { Person } from '../domain/person.js';
import { nameKeyOf } from '../store/person-repository.js';
import type { Repositories } from '../store/repositories.js';

export interface ResolveOptions {
  includeArchived?: boolean;
}

function describe(p: Person): string {
  const extra = [p.company, p.emails[0]].filter(Boolean).join(', ');
  return `${p.name}${extra ? ` (${extra})` : ''} ${p.id}`;
}

/**
 * Turns what a user typed into one person: an id, an exact email, or a name (whole,
 * then as a prefix). More than one match is an error that lists the candidates.
 */
export async function resolvePersonId(repos: Repositories, ref: string, options: ResolveOptions = {}): Promise<string> {
  const text = ref.trim();
  if (!text) throw new KithError('validation', 'invalid_ref', 'a person reference cannot be empty');
  if (looksLikeId(text)) {
    const found = await repos.people.existingIds([text.toLowerCase()]);
    if (found.size === 0) throw notFound('person', ref);
    return text.toLowerCase();
  }
  if (text.includes('@')) {
    const ids = await repos.people.idsByEmail(normalizeEmail(text, 'ref'));
    if (ids.length === 0) throw notFound('person', ref);
    return ids[0]!;
  }
  const includeArchived = options.includeArchived ?? false;
  const key = nameKeyOf(text.replace(/\s+/g, ' '));
  for (const mode of ['exact', 'prefix'] as const) {
    const ids = await repos.people.idsByName(key, mode, includeArchived, 11);
    if (ids.length === 1) return ids[0]!;
    if (ids.length > 1) {
      const candidates = await repos.people.hydrate(ids.slice(0, 10));
      throw new KithError(
        'ambiguous',
        'ambiguous_person',
        `${JSON.stringify(ref)} matches ${ids.length > 10 ? 'more than 10' : ids.length} people; use an id or an email:\n` +
          candidates.map((c) => '  ' + describe(c)).join('\n'),
        { ref, candidates: candidates.map((c) => ({ id: c.id, name: c.name, company: c.company, emails: c.emails })) },
      );
    }
  }
  throw notFound('person', ref);
}

export async function resolvePersonIds(repos: Repositories, refs: string[], options: ResolveOptions = {}): Promise<string[]> {
  const ids: string[] = [];
  for (const ref of refs) ids.push(await resolvePersonId(repos, ref, options));
  return [...new Set(ids)];
}
