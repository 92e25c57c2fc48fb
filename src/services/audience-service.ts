import { coverage, normalizeAudienceFilter, type AudienceFilter, type AudienceMember, type Coverage } from '../domain/audience.js';
import { invalid, KithError, notFound } from '../domain/errors.js';
import { looksLikeId, newId } from '../domain/ids.js';
import { searchTokens } from '../domain/search.js';
import type { AudienceRow } from '../store/playbook-repository.js';
import { readRepositories, type Repositories } from '../store/repositories.js';
import type { ServiceContext } from './context.js';

export type Audience = AudienceRow;

export interface AudienceDraft {
  name: string;
  description?: string | null;
  filter: Partial<Record<keyof AudienceFilter, unknown>>;
}

const EVERYONE: AudienceFilter = { tags: [], organizations: [], titles: [], industries: [], locations: [], tiers: [], minStrength: null, maxStrength: null, text: null };

export async function resolveAudienceId(repos: Repositories, ref: string): Promise<string> {
  const text = ref.trim();
  if (looksLikeId(text) && (await repos.playbook.audiences([text.toLowerCase()])).length) return text.toLowerCase();
  const ids = await repos.playbook.audienceIdsByName(text);
  if (ids.length === 0) throw notFound('audience', ref);
  return ids[0]!;
}

/**
 * The people an audience holds, with their current tie strength: stored criteria in
 * SQL, then strength (which decays with time), archived people and free text here.
 */
export async function audienceMembers(ctx: ServiceContext, repos: Repositories, filter: AudienceFilter | null): Promise<Array<AudienceMember & { firstAt: string | null; metOn: string | null }>> {
  const f = filter ?? EVERYONE;
  let textIds: Set<string> | undefined;
  if (f.text) {
    const tokens = searchTokens(f.text);
    textIds = new Set((await repos.search.fullText(tokens, 1_000_000)).map((h) => h.personId));
  }
  const matches = (await repos.playbook.memberships(f)).filter((m) => !textIds || textIds.has(m.personId));
  const people = await ctx.strengths.of(repos, matches.map((m) => m.personId));
  const organizationIds = new Set<string>();
  for (const m of matches) if (m.organizationId) organizationIds.add(m.organizationId);
  const organizations = await repos.organizations.names([...organizationIds]);
  const out: Array<AudienceMember & { firstAt: string | null; metOn: string | null }> = [];
  for (const m of matches) {
    const person = people.get(m.personId);
    if (!person) continue; // archived
    const strength = person.strength;
    if (f.minStrength !== null && strength < f.minStrength) continue;
    if (f.maxStrength !== null && strength > f.maxStrength) continue;
    const organization = m.organizationId ? (organizations.get(m.organizationId) ?? null) : null;
    out.push({ personId: m.personId, name: person.name, organizationId: m.organizationId, organization, strength, firstAt: person.firstAt, metOn: person.metOn });
  }
  return out;
}

/** Saved segments of your network, and how well you cover them. */
export class AudienceService {
  constructor(private readonly ctx: ServiceContext) {}

  async add(draft: AudienceDraft): Promise<Audience> {
    const name = typeof draft.name === 'string' ? draft.name.trim() : '';
    if (!name || name.length > 200) throw invalid('name', draft.name, 'an audience needs a name of 1 to 200 characters');
    const filter = normalizeAudienceFilter(draft.filter as never);
    const repos = readRepositories(this.ctx.store);
    if ((await repos.playbook.audienceIdsByName(name)).length) throw new KithError('conflict', 'audience_exists', `an audience is already named ${JSON.stringify(name)}`);
    const id = newId();
    await repos.playbook.insertAudience({ id, name, description: draft.description?.trim() || null, filter, now: this.ctx.now().toISOString() });
    return (await repos.playbook.audiences([id]))[0]!;
  }

  async list(): Promise<Audience[]> {
    return readRepositories(this.ctx.store).playbook.audiences();
  }

  async show(ref: string, limit = 10): Promise<{ audience: Audience; coverage: Coverage }> {
    const repos = readRepositories(this.ctx.store);
    const [audience] = await repos.playbook.audiences([await resolveAudienceId(repos, ref)]);
    const members = await audienceMembers(this.ctx, repos, audience!.filter);
    return { audience: audience!, coverage: coverage(members, limit) };
  }
}
