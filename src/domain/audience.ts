import { z } from 'zod';
import { invalid } from './errors.js';
import { normalizeTag } from './tags.js';
import { topK } from './top-k.js';
import { TIERS, type Tier } from './vocabulary.js';

/** Who a goal is about: people matching every given criterion (each list matches any of its values). */
export interface AudienceFilter {
  tags: string[];
  organizations: string[];
  /** Parts of a current job title, such as "product" or "VP". */
  titles: string[];
  industries: string[];
  locations: string[];
  tiers: Tier[];
  minStrength: number | null;
  maxStrength: number | null;
  /** Words that must appear in the person's search document. */
  text: string | null;
}

export const audienceFilterSchema = z.object({
  tags: z.array(z.string()).default([]),
  organizations: z.array(z.string()).default([]),
  titles: z.array(z.string()).default([]),
  industries: z.array(z.string()).default([]),
  locations: z.array(z.string()).default([]),
  tiers: z.array(z.string()).default([]),
  minStrength: z.number().min(0).max(100).nullish(),
  maxStrength: z.number().min(0).max(100).nullish(),
  text: z.string().nullish(),
});

export function normalizeAudienceFilter(raw: z.input<typeof audienceFilterSchema>): AudienceFilter {
  const parsed = audienceFilterSchema.safeParse(raw);
  if (!parsed.success) throw invalid('audience', JSON.stringify(raw), parsed.error.issues[0]?.message ?? 'not a filter');
  const f = parsed.data;
  const clean = (list: string[]) => [...new Set(list.map((x) => x.trim()).filter(Boolean))];
  const tiers = clean(f.tiers).map((t) => {
    if (!(TIERS as readonly string[]).includes(t.toLowerCase())) throw invalid('tier', t, `expected one of ${TIERS.join(', ')}`);
    return t.toLowerCase() as Tier;
  });
  const min = f.minStrength ?? null;
  const max = f.maxStrength ?? null;
  if (min !== null && max !== null && min > max) throw invalid('strength', `${min}-${max}`, 'the minimum is above the maximum');
  const filter: AudienceFilter = {
    tags: [...new Set(clean(f.tags).map((t) => normalizeTag(t)))],
    organizations: clean(f.organizations),
    titles: clean(f.titles),
    industries: clean(f.industries),
    locations: clean(f.locations),
    tiers,
    minStrength: min,
    maxStrength: max,
    text: f.text?.trim() || null,
  };
  const criteria = [filter.tags, filter.organizations, filter.titles, filter.industries, filter.locations, filter.tiers].some((l) => l.length > 0) || filter.text || min !== null || max !== null;
  if (!criteria) throw invalid('audience', '{}', 'give at least one criterion (tag, organization, title, industry, location, tier, strength or text)');
  return filter;
}

export type StrengthBand = 'strong' | 'medium' | 'weak' | 'none';

/** The bands coverage is reported in: strong 60+, medium 30 to 59, weak above 0, none at 0. */
export function strengthBand(score: number): StrengthBand {
  if (score >= 60) return 'strong';
  if (score >= 30) return 'medium';
  if (score > 0) return 'weak';
  return 'none';
}

export interface AudienceMember {
  personId: string;
  name: string;
  organizationId: string | null;
  organization: string | null;
  strength: number;
}

export interface Coverage {
  people: number;
  bands: Record<StrengthBand, number>;
  /** Organizations in the audience where your best tie is not strong: where to build a bridge. */
  organizationsWithoutStrongTie: Array<{ organizationId: string; name: string; people: number; bestStrength: number }>;
  /** Whom to meet next: the best-connected weak ties at those organizations first, then other weak ties. */
  meetNext: Array<{ personId: string; name: string; organization: string | null; strength: number }>;
}

export function coverage(members: AudienceMember[], limit = 10): Coverage {
  const bands: Record<StrengthBand, number> = { strong: 0, medium: 0, weak: 0, none: 0 };
  const orgs = new Map<string, { name: string; people: number; best: number }>();
  for (const m of members) {
    bands[strengthBand(m.strength)]++;
    if (!m.organizationId) continue;
    const o = orgs.get(m.organizationId) ?? { name: m.organization ?? '', people: 0, best: 0 };
    o.people++;
    o.best = Math.max(o.best, m.strength);
    orgs.set(m.organizationId, o);
  }
  const gaps = [...orgs]
    .filter(([, o]) => strengthBand(o.best) !== 'strong')
    .map(([organizationId, o]) => ({ organizationId, name: o.name, people: o.people, bestStrength: o.best }))
    .sort((a, b) => b.people - a.people || a.name.localeCompare(b.name));
  const gapIds = new Set(gaps.map((g) => g.organizationId));
  // A weak tie is a door already ajar: warmer than a stranger, and it needs you.
  const inGap = (m: AudienceMember) => gapIds.has(m.organizationId ?? '');
  const before = (a: AudienceMember, b: AudienceMember) =>
    inGap(a) !== inGap(b) ? inGap(a) : a.strength !== b.strength ? a.strength > b.strength : a.name.localeCompare(b.name) < 0;
  const meetNext = topK(
    members.filter((m) => strengthBand(m.strength) !== 'strong'),
    limit,
    before,
  ).map((m) => ({ personId: m.personId, name: m.name, organization: m.organization, strength: m.strength }));
  return { people: members.length, bands, organizationsWithoutStrongTie: gaps.slice(0, limit), meetNext };
}
