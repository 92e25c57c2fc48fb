import { z } from 'zod';
import { parseBirthday, parseDate } from './dates.js';
import { normalizeEmail } from './email.js';
import { invalid } from './errors.js';
import { splitName } from './names.js';
import { normalizePhone } from './phone.js';
import { normalizeTag } from './tags.js';
import { normalizeUrl, urlKind } from './urls.js';
import { TIERS, type Tier, type UrlKind } from './vocabulary.js';

export interface LabelledValue {
  value: string;
  label: string | null;
}

export interface PersonUrl {
  url: string;
  kind: UrlKind;
}

export interface PersonRef {
  id: string;
  name: string;
}

/** A person as every reader sees it: the CLI's --json, the API and the services. */
export interface Person {
  id: string;
  name: string;
  givenName: string | null;
  familyName: string | null;
  nickname: string | null;
  pronouns: string | null;
  emails: string[];
  phones: string[];
  contacts: { emails: LabelledValue[]; phones: LabelledValue[] };
  urls: PersonUrl[];
  company: string | null;
  title: string | null;
  organizationId: string | null;
  location: string | null;
  birthday: string | null;
  howMet: string | null;
  metOn: string | null;
  introducedBy: PersonRef | null;
  tier: Tier | null;
  tags: string[];
  customFields: Record<string, string>;
  archived: boolean;
  lastContactAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The shape a person is written in, once every value has been checked and normalised. */
export interface PersonFields {
  name: string;
  givenName: string | null;
  familyName: string | null;
  nickname: string | null;
  pronouns: string | null;
  location: string | null;
  birthday: string | null;
  howMet: string | null;
  metOn: string | null;
  introducedById: string | null;
  tier: Tier | null;
  customFields: Record<string, string>;
}

const optionalText = z.string().trim().max(2000).nullish();

/** What callers may send to create a person. Values are raw; normalisePersonDraft checks them. */
export const personDraftSchema = z.object({
  name: z.string(),
  givenName: optionalText,
  familyName: optionalText,
  nickname: optionalText,
  pronouns: optionalText,
  emails: z.array(z.union([z.string(), z.object({ value: z.string(), label: z.string().nullish() })])).optional(),
  phones: z.array(z.union([z.string(), z.object({ value: z.string(), label: z.string().nullish() })])).optional(),
  urls: z.array(z.string()).optional(),
  location: optionalText,
  birthday: z.string().nullish(),
  howMet: optionalText,
  metOn: z.string().nullish(),
  introducedById: z.string().nullish(),
  tier: z.string().nullish(),
  tags: z.array(z.string()).optional(),
  customFields: z.record(z.string(), z.string()).optional(),
  company: optionalText,
  title: optionalText,
});
export type PersonDraft = z.infer<typeof personDraftSchema>;

export interface NormalizedPerson {
  fields: PersonFields;
  emails: LabelledValue[];
  phones: LabelledValue[];
  urls: PersonUrl[];
  tags: string[];
  company: string | null;
  title: string | null;
}

export function parseTier(value: string | null | undefined): Tier | null {
  if (value === null || value === undefined || value === '' || value === 'none') return null;
  const tier = value.trim().toLowerCase();
  if (!(TIERS as readonly string[]).includes(tier)) {
    throw invalid('tier', value, `expected one of ${TIERS.join(', ')} (or none)`);
  }
  return tier as Tier;
}

/** "work:ada@example.com" carries a label; a bare value has none. */
export function splitLabel(entry: string | { value: string; label?: string | null | undefined }): LabelledValue {
  if (typeof entry !== 'string') return { value: entry.value, label: entry.label?.trim() || null };
  const match = /^([a-z][a-z _-]{0,23}):(?!\/\/)(.+)$/i.exec(entry.trim());
  if (match && !match[2]!.startsWith('//')) return { value: match[2]!.trim(), label: match[1]!.trim().toLowerCase() };
  return { value: entry.trim(), label: null };
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function normalizeEmails(entries: PersonDraft['emails']): LabelledValue[] {
  return uniqueBy(
    (entries ?? []).map(splitLabel).map((e) => ({ value: normalizeEmail(e.value), label: e.label })),
    (e) => e.value,
  );
}

export function normalizePhones(entries: PersonDraft['phones'], region: string): LabelledValue[] {
  return uniqueBy(
    (entries ?? []).map(splitLabel).map((e) => ({ value: normalizePhone(e.value, region), label: e.label })),
    (e) => e.value,
  );
}

export function normalizeUrls(entries: string[] | undefined): PersonUrl[] {
  return uniqueBy(
    (entries ?? []).map((u) => {
      const url = normalizeUrl(u);
      return { url, kind: urlKind(url) };
    }),
    (u) => u.url,
  );
}

function text(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

export function normalizePersonDraft(draft: PersonDraft, region: string): NormalizedPerson {
  const parsed = personDraftSchema.safeParse(draft);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw invalid(issue.path.join('.') || 'person', '', issue.message);
  }
  const d = parsed.data;
  const name = splitName(d.name);
  return {
    fields: {
      name: name.displayName,
      givenName: text(d.givenName) ?? name.givenName,
      familyName: text(d.familyName) ?? name.familyName,
      nickname: text(d.nickname),
      pronouns: text(d.pronouns),
      location: text(d.location),
      birthday: d.birthday ? parseBirthday(d.birthday) : null,
      howMet: text(d.howMet),
      metOn: d.metOn ? parseDate(d.metOn, 'met-on') : null,
      introducedById: d.introducedById ?? null,
      tier: parseTier(d.tier),
      customFields: d.customFields ?? {},
    },
    emails: normalizeEmails(d.emails),
    phones: normalizePhones(d.phones, region),
    urls: normalizeUrls(d.urls),
    tags: [...new Set((d.tags ?? []).map(normalizeTag))],
    company: text(d.company),
    title: text(d.title),
  };
}

/** "key=value" pairs, as given on the command line with --field. */
export function parseCustomField(entry: string): [string, string] {
  const eq = entry.indexOf('=');
  if (eq <= 0) throw invalid('field', entry, 'expected key=value');
  return [entry.slice(0, eq).trim(), entry.slice(eq + 1).trim()];
}
