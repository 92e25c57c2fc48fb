import { KithError, notFound } from '../domain/errors.js';
import { looksLikeId, newId } from '../domain/ids.js';
import { normalizeOrganizationName } from '../domain/organization.js';
import type { Repositories } from '../store/repositories.js';

export async function resolveOrganizationId(repos: Repositories, ref: string): Promise<string> {
  const text = ref.trim();
  if (looksLikeId(text)) {
    const [org] = await repos.organizations.hydrate([text.toLowerCase()]);
    if (!org) throw notFound('organization', ref);
    return org.id;
  }
  for (const mode of ['exact', 'prefix'] as const) {
    const ids = await repos.organizations.idsByName(text, mode);
    if (ids.length === 1) return ids[0]!;
    if (ids.length > 1) {
      const orgs = await repos.organizations.hydrate(ids.slice(0, 10));
      throw new KithError(
        'ambiguous',
        'ambiguous_organization',
        `${JSON.stringify(ref)} matches ${ids.length} organizations; use an id:\n` + orgs.map((o) => `  ${o.name} ${o.id}`).join('\n'),
        { ref, candidates: orgs.map((o) => ({ id: o.id, name: o.name })) },
      );
    }
  }
  if (text.includes('.')) {
    const ids = await repos.organizations.idsByDomain(text.toLowerCase());
    if (ids.length >= 1) return ids[0]!;
  }
  throw notFound('organization', ref);
}

/** The organization with exactly this name (any case), created if there is none. */
export async function findOrCreateOrganization(repos: Repositories, name: string, now: string): Promise<string> {
  const clean = normalizeOrganizationName(name);
  const [existing] = await repos.organizations.idsByName(clean, 'exact');
  if (existing) return existing;
  const id = newId();
  await repos.organizations.insert(id, { name: clean, domain: null, industry: null, location: null }, now);
  return id;
}
