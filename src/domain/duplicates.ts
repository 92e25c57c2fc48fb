import { editDistance } from './fuzzy-match.js';
import { foldText } from './names.js';

/**
 * Probable duplicates: people with similar names at the same organization or mail
 * domain, who share no email, phone or profile URL (those are merged on import). Candidates are grouped by name keys
 * (blocking) so that nobody is compared with everybody; pairs are then scored on
 * name similarity, nicknames, initials, employer and mail domain.
 */
export interface DuplicateCandidate {
  id: string;
  name: string;
  givenName: string | null;
  familyName: string | null;
  organizationId: string | null;
  emailDomains: string[];
}

export interface DuplicatePair {
  a: string;
  b: string;
  score: number;
  evidence: string[];
}

const NICKNAMES: Record<string, string> = {
  bob: 'robert', rob: 'robert', robbie: 'robert', bill: 'william', will: 'william', billy: 'william', liz: 'elizabeth', beth: 'elizabeth', betty: 'elizabeth',
  jim: 'james', jimmy: 'james', mike: 'michael', mick: 'michael', dan: 'daniel', danny: 'daniel', dave: 'david', tom: 'thomas', tommy: 'thomas',
  joe: 'joseph', joey: 'joseph', jen: 'jennifer', jenny: 'jennifer', kate: 'katherine', katie: 'katherine', kathy: 'katherine', chris: 'christopher',
  matt: 'matthew', tony: 'anthony', ken: 'kenneth', tim: 'timothy', steve: 'steven', sam: 'samuel', alex: 'alexander', andy: 'andrew', drew: 'andrew',
  nick: 'nicholas', pat: 'patricia', peggy: 'margaret', maggie: 'margaret', meg: 'margaret', rick: 'richard', dick: 'richard', rich: 'richard',
  ben: 'benjamin', ed: 'edward', eddie: 'edward', ted: 'edward', greg: 'gregory', jon: 'jonathan', johnny: 'john', jack: 'john', deb: 'deborah',
  sue: 'susan', steph: 'stephanie', vicky: 'victoria', abby: 'abigail', gabe: 'gabriel', fred: 'frederick', hank: 'henry', harry: 'henry',
};

export const FREE_MAIL = new Set(['gmail.com', 'googlemail.com', 'yahoo.com', 'hotmail.com', 'outlook.com', 'live.com', 'icloud.com', 'me.com', 'aol.com', 'proton.me', 'protonmail.com', 'gmx.de', 'web.de', 'yandex.ru', 'mail.ru', 'qq.com']);

export function canonicalGiven(given: string): string {
  const g = foldText(given).replace(/[^a-z]/g, '');
  return NICKNAMES[g] ?? g;
}

const partsCache = new WeakMap<DuplicateCandidate, { given: string; family: string }>();

function parts(c: DuplicateCandidate): { given: string; family: string } {
  const cached = partsCache.get(c);
  if (cached) return cached;
  const computed = computeParts(c);
  partsCache.set(c, computed);
  return computed;
}

function computeParts(c: DuplicateCandidate): { given: string; family: string } {
  const words = foldText(c.name).split(/[^\p{L}]+/u).filter(Boolean);
  const given = foldText(c.givenName ?? words[0] ?? '').replace(/[^a-z]/g, '');
  const family = foldText(c.familyName ?? (words.length > 1 ? words[words.length - 1]! : '')).replace(/[^a-z]/g, '');
  return { given, family };
}

/**
 * Keys that put probable duplicates in the same block: the same family name and
 * given name (nicknames folded), the same given name and family-name start (a typo
 * late in the family name), the same family name and given-name start (a typo late
 * in the given name), and the same given name and family-name letters in any order
 * (two letters swapped, even at the start). Initials get their own blocks, see
 * findDuplicates.
 */
export function blockingKeys(c: DuplicateCandidate): string[] {
  const { given, family } = parts(c);
  if (!family) return given ? [`g:${canonicalGiven(given)}`] : [];
  const canonical = canonicalGiven(given);
  return [`e:${family}|${canonical}`, `p:${canonical}|${family.slice(0, 4)}`, `q:${family}|${given.slice(0, 2)}`, `s:${canonical}|${[...family].sort().join('')}`];
}

/** Same family and given name (0.45 + 0.35), same organization (0.25) and same mail domain (0.2). */
const STRONGEST = 1.25;

/**
 * A similar name alone is weak evidence (common names repeat); a pair needs the same
 * organization or the same (non-free) mail domain too.
 */
export function scorePair(first: DuplicateCandidate, second: DuplicateCandidate): DuplicatePair | undefined {
  // Evidence reads in id order, so the same pair is always described the same way.
  const [x, y] = first.id < second.id ? [first, second] : [second, first];
  const sameOrg = !!x.organizationId && x.organizationId === y.organizationId;
  const shared = x.emailDomains.filter((d) => !FREE_MAIL.has(d) && y.emailDomains.includes(d));
  if (!sameOrg && shared.length === 0) return undefined;
  const px = parts(x);
  const py = parts(y);
  const evidence: string[] = [];
  let name = 0;
  if (px.family && px.family === py.family) {
    name += 0.45;
    evidence.push(`same family name "${px.family}"`);
  } else if (px.family && py.family && editDistance(px.family, py.family) === 1) {
    name += 0.35;
    evidence.push(`family names one letter apart (${px.family}/${py.family})`);
  } else return undefined;
  if (px.given === py.given) {
    name += 0.35;
    evidence.push('same given name');
  } else if (canonicalGiven(px.given) === canonicalGiven(py.given)) {
    name += 0.3;
    evidence.push(`nickname of the same name (${px.given}/${py.given})`);
  } else if ((px.given.length === 1 || py.given.length === 1) && px.given[0] === py.given[0]) {
    name += 0.2;
    evidence.push(`initial matches (${px.given}/${py.given})`);
  } else if (px.given && py.given && editDistance(px.given, py.given) === 1) {
    name += 0.25;
    evidence.push(`given names one letter apart (${px.given}/${py.given})`);
  } else return undefined;
  let context = 0;
  if (sameOrg) {
    context += 0.25;
    evidence.push('same organization');
  }
  if (shared.length) {
    context += 0.2;
    evidence.push(`same mail domain ${shared[0]}`);
  }
  // Out of the most a pair can have, so that the strongest evidence alone scores 1
  // and weaker pairs rank below it (a cap at 1 gave Mary/Mark King the same score as
  // two Mary Kings).
  const score = Math.round(((name + context) / STRONGEST) * 100) / 100;
  return { a: x.id, b: y.id, score, evidence };
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** Pairs within each block, best first. Oversized blocks (common names) are compared only within their organization. */
export function findDuplicates(candidates: DuplicateCandidate[], dismissed: Set<string>, minScore = 0.6, maxBlock = 200): DuplicatePair[] {
  const blocks = new Map<string, DuplicateCandidate[]>();
  const add = (key: string, c: DuplicateCandidate) => {
    const block = blocks.get(key);
    if (block) block.push(c);
    else blocks.set(key, [c]);
  };
  for (const c of candidates) for (const key of blockingKeys(c)) add(key, c);
  // "J. Smith" is compared with every Smith whose name starts with J, but those
  // Smiths are not compared with each other here (their own blocks do that).
  const initials = new Map<string, DuplicateCandidate[]>();
  for (const c of candidates) {
    const { given, family } = parts(c);
    if (family && given.length === 1) initials.set(`${family}|${given}`, [...(initials.get(`${family}|${given}`) ?? []), c]);
  }
  const pairs = new Map<string, DuplicatePair>();
  const consider = (x: DuplicateCandidate, y: DuplicateCandidate) => {
    const pair = scorePair(x, y);
    if (!pair || pair.score < minScore) return;
    const key = `${pair.a}|${pair.b}`;
    if (!dismissed.has(key) && !pairs.has(key)) pairs.set(key, pair);
  };
  if (initials.size > 0) {
    for (const c of candidates) {
      const { given, family } = parts(c);
      if (given.length < 2) continue;
      for (const short of initials.get(`${family}|${given[0]}`) ?? []) consider(short, c);
    }
  }
  for (const block of blocks.values()) {
    if (block.length < 2) continue;
    const groups = block.length > maxBlock ? [...groupBy(block, (c) => c.organizationId ?? '').values()].filter((g) => g.length <= maxBlock) : [block];
    for (const group of groups) {
      for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) consider(group[i]!, group[j]!);
    }
  }
  return [...pairs.values()].sort((p, q) => q.score - p.score || p.a.localeCompare(q.a) || p.b.localeCompare(q.b));
}
