import { Random } from './random.js';
import { StatsAccumulator, type ContactStats } from './tie-strength.js';
import type { Direction, InteractionKind, RelationshipKind, Tier } from './vocabulary.js';

/**
 * A realistic, reproducible professional network for trying Kith and for
 * benchmarks: organizations in several industries grouped into communities,
 * titles by seniority, power-law interaction frequency over five years, tiers
 * consistent with that frequency, dormant ties, notes, tags and birthdays.
 */
export interface DemoOptions {
  people: number;
  interactions: number;
  seed: string;
  now: Date;
}

export interface DemoOrganization { id: string; name: string; domain: string; industry: string; location: string }
export interface DemoPerson {
  id: string;
  name: string;
  givenName: string;
  familyName: string;
  nickname: string | null;
  location: string;
  birthday: string | null;
  howMet: string | null;
  metOn: string | null;
  tier: Tier | null;
  email: string;
  phone: string | null;
  linkedin: string | null;
  tags: string[];
  positions: Array<{ id: string; organizationId: string; title: string; startDate: string; endDate: string | null }>;
}
export interface DemoInteraction {
  id: string;
  kind: InteractionKind;
  occurredAt: string;
  durationMinutes: number | null;
  direction: Direction;
  summary: string | null;
  participantIds: string[];
}
export interface DemoNote { id: string; body: string; createdAt: string; aboutIds: string[] }
export interface DemoRelationship { id: string; fromId: string; kind: RelationshipKind; toId: string }

export type DemoBatch =
  | { type: 'organizations'; rows: DemoOrganization[] }
  | { type: 'people'; rows: DemoPerson[] }
  | { type: 'interactions'; rows: DemoInteraction[] }
  | { type: 'notes'; rows: DemoNote[] }
  | { type: 'relationships'; rows: DemoRelationship[] }
  | { type: 'lastContacts'; rows: Array<{ personId: string; at: string }> }
  | { type: 'contactStats'; rows: Array<{ personId: string; stats: ContactStats }> };

const GIVEN = ['James', 'Mary', 'John', 'Patricia', 'Robert', 'Jennifer', 'Michael', 'Linda', 'William', 'Elizabeth', 'David', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen', 'Daniel', 'Nancy', 'Matthew', 'Lisa', 'Anthony', 'Betty', 'Mark', 'Margaret', 'Donald', 'Sandra', 'Steven', 'Ashley', 'Paul', 'Kimberly', 'Andrew', 'Emily', 'Joshua', 'Donna', 'Kenneth', 'Michelle', 'Kevin', 'Carol', 'Brian', 'Amanda', 'George', 'Melissa', 'Timothy', 'Deborah', 'Ronald', 'Stephanie', 'Aisha', 'Wei', 'Priya', 'Arjun', 'Mei', 'Hiroshi', 'Yuki', 'Fatima', 'Omar', 'Lucia', 'Mateo', 'Sofia', 'Lars', 'Ingrid', 'Olga', 'Dmitri', 'Chidi', 'Amara', 'Kwame', 'Ana', 'Carlos', 'Elena', 'Noah', 'Emma', 'Liam', 'Olivia', 'Zoe', 'Lea', 'Hugo', 'Camille', 'Jonas', 'Mia', 'Felix', 'Nora', 'Ravi', 'Ananya', 'Jin', 'Seo-yeon', 'Tariq', 'Leila'];
const FAMILY = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores', 'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts', 'Chen', 'Wang', 'Kumar', 'Patel', 'Singh', 'Kim', 'Park', 'Tanaka', 'Sato', 'Müller', 'Schmidt', 'Dubois', 'Rossi', 'Bianchi', 'Novak', 'Kowalski', 'Ivanova', 'Okafor', 'Mensah', 'Haddad', 'Khan', 'Silva', 'Santos', 'Costa', 'Jensen', 'Larsen', 'Berg', 'Lindqvist', 'van der Berg', 'OConnor'];
const NICK: Record<string, string> = { James: 'Jim', Robert: 'Bob', William: 'Bill', Elizabeth: 'Liz', Richard: 'Rick', Joseph: 'Joe', Thomas: 'Tom', Michael: 'Mike', Daniel: 'Dan', Matthew: 'Matt', Anthony: 'Tony', Kenneth: 'Ken', Timothy: 'Tim', Jennifer: 'Jen', Patricia: 'Pat', Margaret: 'Maggie', Deborah: 'Deb', Stephanie: 'Steph' };
const INDUSTRIES = ['fintech', 'healthcare', 'climate', 'ai', 'media', 'education', 'retail', 'logistics', 'security', 'gaming', 'biotech', 'consulting'];
const ORG_WORDS = ['North', 'Blue', 'Bright', 'Atlas', 'Nova', 'Vertex', 'Harbor', 'Summit', 'Quantum', 'Cedar', 'Orbit', 'Lumen', 'Pioneer', 'Crescent', 'Granite', 'Signal', 'Maple', 'Beacon', 'Falcon', 'Meridian', 'Polar', 'Ember', 'Tidal', 'Juniper'];
const ORG_SUFFIX: Record<string, string[]> = {
  fintech: ['Pay', 'Capital', 'Ledger', 'Bank'], healthcare: ['Health', 'Care', 'Clinics', 'Medical'], climate: ['Energy', 'Solar', 'Carbon', 'Grid'],
  ai: ['AI', 'Labs', 'Intelligence', 'Robotics'], media: ['Media', 'Studios', 'Press', 'News'], education: ['Learning', 'Academy', 'Edu', 'School'],
  retail: ['Goods', 'Market', 'Stores', 'Commerce'], logistics: ['Freight', 'Logistics', 'Shipping', 'Fleet'], security: ['Security', 'Shield', 'Secure', 'Guard'],
  gaming: ['Games', 'Play', 'Interactive', 'Arcade'], biotech: ['Bio', 'Genomics', 'Therapeutics', 'Pharma'], consulting: ['Partners', 'Advisory', 'Group', 'Consulting'],
};
const CITIES = ['New York', 'San Francisco', 'London', 'Paris', 'Berlin', 'Amsterdam', 'Toronto', 'Singapore', 'Bangalore', 'Sydney', 'Austin', 'Boston', 'Lisbon', 'Stockholm', 'Tokyo', 'Nairobi', 'São Paulo', 'Chicago', 'Seattle', 'Madrid'];
const FUNCTIONS = ['Software Engineer', 'Product Manager', 'Designer', 'Data Scientist', 'Account Executive', 'Marketing Manager', 'Recruiter', 'Operations Manager', 'Analyst', 'Researcher', 'Consultant', 'Investor'];
const SENIORITY: Array<[string, number]> = [['Junior', 0.12], ['', 0.38], ['Senior', 0.25], ['Lead', 0.1], ['Head of', 0.06], ['Director of', 0.05], ['VP of', 0.025], ['Chief', 0.015]];
const LEADER_AREAS = ['Engineering', 'Product', 'Design', 'Data', 'Sales', 'Marketing', 'Talent', 'Operations', 'Research', 'Strategy'];
const ROLE_TAGS = ['mentor', 'investor', 'recruiter', 'alumni', 'friend', 'speaker', 'founder', 'advisor'];
const HOW_MET = ['Conference', 'Through a friend', 'Former colleague', 'University', 'Meetup', 'LinkedIn', 'Client project', 'Online community'];
const TOPICS = ['hiring plans', 'a product launch', 'fundraising', 'career moves', 'a conference talk', 'market trends', 'an open role', 'pricing strategy', 'team growth', 'a side project', 'remote work', 'a partnership idea'];
const SUMMARY: Record<InteractionKind, string[]> = {
  meeting: ['Coffee about {t}', 'Lunch, talked about {t}', 'Met at the office about {t}'],
  call: ['Quick call about {t}', 'Phone catch-up on {t}'],
  video: ['Video call about {t}', 'Zoom on {t}'],
  message: ['Messaged about {t}', 'Chat about {t}'],
  email: ['Email thread on {t}', 'Sent notes on {t}'],
  event: ['Saw each other at a meetup on {t}', 'Panel on {t}'],
  intro: ['Introduction about {t}'],
  other: ['Caught up about {t}'],
};
const KIND_WEIGHTS: Array<[InteractionKind, number]> = [['email', 0.3], ['message', 0.25], ['meeting', 0.14], ['call', 0.12], ['video', 0.1], ['event', 0.06], ['intro', 0.02], ['other', 0.01]];
const NOTE_TEMPLATES = ['Interested in {t}. Follow up next quarter.', 'Great advice on {t}; offered to help with intros.', 'Working on {t}. Ask how it went.', 'Prefers email over calls. Knows a lot about {t}.', 'Kids: two. Loves hiking. Discussed {t}.'];

const DAY = 86_400_000;
const YEAR = 365 * DAY;

function weighted<T>(rng: Random, table: Array<[T, number]>): T {
  let r = rng.next();
  for (const [value, weight] of table) {
    if (r < weight) return value;
    r -= weight;
  }
  return table[table.length - 1]![0];
}

function tierForRank(rank: number): Tier | null {
  if (rank < 5) return 'inner';
  if (rank < 20) return 'close';
  if (rank < 70) return 'active';
  if (rank < 220) return 'wider';
  if (rank < 720) return 'acquaintance';
  return null;
}

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function* generateDemoNetwork(options: DemoOptions, batchSize = 5000): Generator<DemoBatch> {
  const rng = new Random(options.seed);
  const now = Date.UTC(options.now.getUTCFullYear(), options.now.getUTCMonth(), options.now.getUTCDate(), 12);
  const idBase = Date.UTC(2024, 0, 1);
  let idCounter = 0;
  const id = () => rng.uuid7(idBase + idCounter++);
  const n = options.people;

  // Communities: groups of about 60 people sharing an industry, a few employers and tags.
  const communityCount = Math.max(3, Math.round(n / 60));
  const orgCount = Math.max(10, Math.round(n / 40));
  const organizations: DemoOrganization[] = [];
  const orgNames = new Set<string>();
  for (let i = 0; i < orgCount; i++) {
    const industry = INDUSTRIES[i % INDUSTRIES.length]!;
    let name = `${rng.pick(ORG_WORDS)} ${rng.pick(ORG_SUFFIX[industry]!)}`;
    if (orgNames.has(name)) name = `${name} ${Math.floor(i / 100) + 2}${String.fromCharCode(65 + (i % 26))}`;
    if (orgNames.has(name)) name = `${name}-${i}`;
    orgNames.add(name);
    const domain = name.toLowerCase().replace(/[^a-z0-9]+/g, '') + '.example';
    organizations.push({ id: id(), name, domain, industry, location: rng.pick(CITIES) });
  }
  for (let i = 0; i < organizations.length; i += batchSize) yield { type: 'organizations', rows: organizations.slice(i, i + batchSize) };

  const communities = Array.from({ length: communityCount }, (_, c) => {
    const industry = INDUSTRIES[c % INDUSTRIES.length]!;
    const orgs = organizations.filter((o) => o.industry === industry);
    const employers = Array.from({ length: 3 }, () => rng.pick(orgs));
    return { industry, employers, city: rng.pick(CITIES), tags: [industry, rng.pick(ROLE_TAGS)] };
  });

  // A random order of people gives each one a rank; interaction frequency follows
  // a shifted Zipf law of that rank, and tiers follow the rank.
  const rankOf = new Uint32Array(n);
  for (let i = 0; i < n; i++) rankOf[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = rankOf[i]!;
    rankOf[i] = rankOf[j]!;
    rankOf[j] = t;
  }
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += 1 / (rankOf[i]! + 20);
    cumulative[i] = total;
  }
  const communityOf = new Uint32Array(n);
  const members: number[][] = communities.map(() => []);
  // Each person's active window: most are current, some went dormant years ago.
  const windowStart = new Float64Array(n);
  const windowEnd = new Float64Array(n);
  const personIds: string[] = new Array(n);
  const usedEmails = new Set<string>();

  let batch: DemoPerson[] = [];
  for (let i = 0; i < n; i++) {
    const c = Math.min(communityCount - 1, Math.floor((i / n) * communityCount + (rng.next() - 0.5) * 0.6));
    const community = communities[Math.max(0, c)]!;
    communityOf[i] = Math.max(0, c);
    members[communityOf[i]!]!.push(i);
    const given = rng.pick(GIVEN);
    const family = rng.pick(FAMILY);
    const name = `${given} ${family}`;
    const employer = rng.chance(0.75) ? rng.pick(community.employers) : rng.pick(organizations);
    const seniority = weighted(rng, SENIORITY);
    const title = seniority === 'Head of' || seniority === 'Director of' || seniority === 'VP of' || seniority === 'Chief'
      ? `${seniority === 'Chief' ? 'Chief' : seniority} ${seniority === 'Chief' ? rng.pick(['Technology', 'Product', 'Operating', 'Marketing']) + ' Officer' : rng.pick(LEADER_AREAS)}`
      : `${seniority ? seniority + ' ' : ''}${rng.pick(FUNCTIONS)}`;
    const local = `${given}.${family}`.toLowerCase().normalize('NFKD').replace(/[^a-z.]/g, '');
    let email = `${local}@${employer.domain}`;
    for (let k = 2; usedEmails.has(email); k++) email = `${local}${k}@${employer.domain}`;
    usedEmails.add(email);
    const rank = rankOf[i]!;
    const dormant = rank >= 70 && rng.chance(0.15);
    const known = (0.5 + rng.next() * 9.5) * YEAR;
    windowStart[i] = now - known;
    windowEnd[i] = dormant ? now - (3 + rng.next() * 2) * YEAR : now;
    if (windowEnd[i]! < windowStart[i]!) windowStart[i] = windowEnd[i]! - YEAR;
    const start = now - known - rng.next() * 2 * YEAR;
    const positions: DemoPerson['positions'] = [];
    if (rng.chance(0.3)) {
      const past = rng.pick(organizations);
      if (past.id !== employer.id) {
        const pastStart = start - (1 + rng.next() * 4) * YEAR;
        positions.push({ id: id(), organizationId: past.id, title: rng.pick(FUNCTIONS), startDate: day(pastStart), endDate: day(start) });
      }
    }
    positions.push({ id: id(), organizationId: employer.id, title, startDate: day(start), endDate: null });
    const tags = [community.tags[0]!];
    if (rng.chance(0.3)) tags.push(community.tags[1]!);
    if (rng.chance(0.1)) tags.push(rng.pick(ROLE_TAGS));
    const birthYear = 1960 + rng.int(40);
    const month = 1 + rng.int(12);
    const dom = 1 + rng.int(28);
    const hasBirthday = rng.chance(0.7);
    const birthday = hasBirthday
      ? rng.chance(0.5)
        ? `${birthYear}-${String(month).padStart(2, '0')}-${String(dom).padStart(2, '0')}`
        : `--${String(month).padStart(2, '0')}-${String(dom).padStart(2, '0')}`
      : null;
    const personId = id();
    personIds[i] = personId;
    batch.push({
      id: personId,
      name,
      givenName: given,
      familyName: family,
      nickname: NICK[given] && rng.chance(0.4) ? NICK[given]! : null,
      location: rng.chance(0.8) ? community.city : rng.pick(CITIES),
      birthday,
      howMet: rng.chance(0.6) ? rng.pick(HOW_MET) : null,
      metOn: day(windowStart[i]!),
      tier: tierForRank(rank),
      email,
      phone: rng.chance(0.5) ? `+1${212 + rng.int(700)}555${String(rng.int(10000)).padStart(4, '0')}` : null,
      linkedin: rng.chance(0.6) ? `https://linkedin.com/in/${local.replace(/\./g, '-')}-${personId.slice(-6)}` : null,
      tags: [...new Set(tags)],
      positions,
    });
    if (batch.length >= batchSize) {
      yield { type: 'people', rows: batch };
      batch = [];
    }
  }
  if (batch.length > 0) yield { type: 'people', rows: batch };

  const lastContact = new Float64Array(n);
  const stats: StatsAccumulator[] = Array.from({ length: n }, () => new StatsAccumulator());
  const pickPerson = () => {
    const r = rng.next() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  let interactions: DemoInteraction[] = [];
  for (let k = 0; k < options.interactions; k++) {
    const p = pickPerson();
    const kind = weighted(rng, KIND_WEIGHTS);
    const at = windowStart[p]! + rng.next() * (windowEnd[p]! - windowStart[p]!);
    const participants = [p];
    if ((kind === 'meeting' || kind === 'event' || kind === 'video') && rng.chance(0.35)) {
      const group = members[communityOf[p]!]!;
      const extra = 1 + rng.int(kind === 'event' ? 4 : 2);
      for (let e = 0; e < extra; e++) {
        const q = group[rng.int(group.length)]!;
        if (!participants.includes(q)) participants.push(q);
      }
    }
    for (const q of participants) if (at > lastContact[q]!) lastContact[q] = at;
    const direction: Direction = kind === 'meeting' || kind === 'event' || kind === 'video' ? 'mutual' : rng.chance(0.55) ? 'outbound' : 'inbound';
    const occurredAt = new Date(Math.floor(at / 60_000) * 60_000).toISOString();
    const observed = { kind, occurredAt, direction, role: 'participant' };
    for (const q of participants) stats[q]!.add(observed);
    interactions.push({
      id: id(),
      kind,
      occurredAt,
      durationMinutes: kind === 'meeting' || kind === 'call' || kind === 'video' ? 15 * (1 + rng.int(6)) : null,
      direction,
      summary: rng.chance(0.6) ? rng.pick(SUMMARY[kind]).replace('{t}', rng.pick(TOPICS)) : null,
      participantIds: participants.map((q) => personIds[q]!),
    });
    if (interactions.length >= batchSize * 4) {
      yield { type: 'interactions', rows: interactions };
      interactions = [];
    }
  }
  if (interactions.length > 0) yield { type: 'interactions', rows: interactions };

  let notes: DemoNote[] = [];
  for (let k = 0; k < Math.round(n / 4); k++) {
    const p = pickPerson();
    const about = [personIds[p]!];
    if (rng.chance(0.1)) {
      const group = members[communityOf[p]!]!;
      const q = personIds[group[rng.int(group.length)]!]!;
      if (q !== about[0]) about.push(q);
    }
    const at = windowStart[p]! + rng.next() * (windowEnd[p]! - windowStart[p]!);
    notes.push({ id: id(), body: rng.pick(NOTE_TEMPLATES).replace('{t}', rng.pick(TOPICS)), createdAt: new Date(Math.floor(at)).toISOString(), aboutIds: about });
    if (notes.length >= batchSize) {
      yield { type: 'notes', rows: notes };
      notes = [];
    }
  }
  if (notes.length > 0) yield { type: 'notes', rows: notes };

  const relationships: DemoRelationship[] = [];
  const seenLinks = new Set<string>();
  for (let k = 0; k < Math.round(n / 8); k++) {
    const p = rng.int(n);
    const group = members[communityOf[p]!]!;
    const q = group[rng.int(group.length)]!;
    if (q === p) continue;
    const kind = weighted<RelationshipKind>(rng, [['colleague', 0.45], ['knows', 0.35], ['mentor_of', 0.1], ['friend', 0.07], ['family', 0.03]]);
    let [from, to] = [personIds[p]!, personIds[q]!];
    if (kind !== 'mentor_of' && to < from) [from, to] = [to, from];
    const key = `${from}|${kind}|${to}`;
    if (seenLinks.has(key)) continue;
    seenLinks.add(key);
    relationships.push({ id: id(), fromId: from, kind, toId: to });
  }
  for (let i = 0; i < relationships.length; i += batchSize) yield { type: 'relationships', rows: relationships.slice(i, i + batchSize) };

  let contacts: Array<{ personId: string; at: string }> = [];
  for (let i = 0; i < n; i++) {
    if (lastContact[i]! > 0) contacts.push({ personId: personIds[i]!, at: new Date(Math.floor(lastContact[i]! / 60_000) * 60_000).toISOString() });
    if (contacts.length >= batchSize * 4) {
      yield { type: 'lastContacts', rows: contacts };
      contacts = [];
    }
  }
  if (contacts.length > 0) yield { type: 'lastContacts', rows: contacts };

  let totals: Array<{ personId: string; stats: ContactStats }> = [];
  for (let i = 0; i < n; i++) {
    if (stats[i]!.interactions > 0) totals.push({ personId: personIds[i]!, stats: stats[i]!.toStats() });
    if (totals.length >= batchSize * 4) {
      yield { type: 'contactStats', rows: totals };
      totals = [];
    }
  }
  if (totals.length > 0) yield { type: 'contactStats', rows: totals };
}
