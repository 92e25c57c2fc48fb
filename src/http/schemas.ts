import { z } from 'zod';
import { personDraftSchema } from '../domain/person.js';

/**
 * The API's shapes. Requests are validated against them before a handler runs and
 * responses before they are sent; the OpenAPI document is generated from them.
 */
const id = z.string().describe('a UUID');
const nullableText = z.string().nullable();
export const personRef = z.object({ id, name: z.string() }).meta({ id: 'PersonRef' });
const labelled = z.object({ value: z.string(), label: nullableText });

export const errorBody = z
  .object({ error: z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()).optional() }) })
  .meta({ id: 'Error' });

export const person = z
  .object({
    id,
    name: z.string(),
    givenName: nullableText,
    familyName: nullableText,
    nickname: nullableText,
    pronouns: nullableText,
    emails: z.array(z.string()),
    phones: z.array(z.string()),
    contacts: z.object({ emails: z.array(labelled), phones: z.array(labelled) }),
    urls: z.array(z.object({ url: z.string(), kind: z.string() })),
    company: nullableText,
    title: nullableText,
    organizationId: nullableText,
    location: nullableText,
    birthday: nullableText,
    howMet: nullableText,
    metOn: nullableText,
    introducedBy: personRef.nullable(),
    tier: nullableText,
    tags: z.array(z.string()),
    customFields: z.record(z.string(), z.string()),
    archived: z.boolean(),
    lastContactAt: nullableText,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Person' });

export const organization = z
  .object({ id, name: z.string(), domain: nullableText, industry: nullableText, location: nullableText, peopleCount: z.number(), createdAt: z.string(), updatedAt: z.string() })
  .meta({ id: 'Organization' });

export const position = z
  .object({ id, personId: id, organizationId: id, organization: z.string(), title: nullableText, startDate: nullableText, endDate: nullableText, current: z.boolean() })
  .meta({ id: 'Position' });

export const interaction = z
  .object({
    id,
    kind: z.string(),
    occurredAt: z.string(),
    durationMinutes: z.number().nullable(),
    direction: z.string(),
    summary: nullableText,
    source: z.string(),
    externalId: nullableText,
    participants: z.array(personRef),
    createdAt: z.string(),
  })
  .meta({ id: 'Interaction' });

export const note = z.object({ id, body: z.string(), about: z.array(personRef), createdAt: z.string(), updatedAt: z.string() }).meta({ id: 'Note' });

export const relationship = z.object({ id, from: personRef, kind: z.string(), to: personRef, createdAt: z.string() }).meta({ id: 'Relationship' });

export const reminder = z
  .object({
    id,
    person: personRef.nullable(),
    kind: z.string(),
    title: z.string(),
    localStart: z.string(),
    timezone: z.string(),
    rrule: nullableText,
    dueAt: z.string(),
    snoozedUntil: nullableText,
    doneAt: nullableText,
    createdAt: z.string(),
  })
  .meta({ id: 'Reminder' });

export const strength = z
  .object({ score: z.number(), parts: z.array(z.object({ component: z.string(), value: z.number(), weight: z.number(), points: z.number(), explanation: z.string() })) })
  .meta({ id: 'TieStrength' });

export const cadenceState = z
  .object({
    status: z.enum(['ok', 'due', 'overdue', 'none']),
    cadence: z.object({ idealDays: z.number(), maxDays: z.number(), source: z.string() }).nullable(),
    daysSince: z.number().nullable(),
    dueInDays: z.number().nullable(),
    overdueByDays: z.number(),
  })
  .meta({ id: 'CadenceState' });

export const personDetail = z
  .object({
    person,
    positions: z.array(position),
    interactions: z.array(interaction),
    interactionCount: z.number(),
    notes: z.array(note),
    relationships: z.array(relationship),
    strength,
    cadence: cadenceState,
  })
  .meta({ id: 'PersonDetail' });

export const reason = z.object({ kind: z.string(), text: z.string(), score: z.number() });
export const queueEntry = z.object({
  personId: id,
  name: z.string(),
  company: nullableText,
  tier: nullableText,
  strength: z.number(),
  reasons: z.array(reason),
  score: z.number(),
  action: z.string(),
});
export const todayQueue = z.object({ day: z.string(), timezone: z.string(), entries: z.array(queueEntry), reminders: z.array(reminder) }).meta({ id: 'TodayQueue' });

export const searchHit = z.object({ person, score: z.number(), match: z.enum(['text', 'fuzzy']) });

export const duplicate = z.object({ a: id, b: id, score: z.number(), evidence: z.array(z.string()), people: z.tuple([person, person]) }).meta({ id: 'Duplicate' });

const failure = z.object({ file: z.string(), line: z.number(), reason: z.string() });
export const importReport = z
  .object({
    format: z.string(),
    files: z.array(z.string()),
    dryRun: z.boolean(),
    records: z.number(),
    created: z.number(),
    updated: z.number(),
    merged: z.number(),
    skipped: z.number(),
    failed: z.number(),
    failures: z.array(failure),
    warnings: z.array(failure),
    notes: z.array(z.string()),
  })
  .meta({ id: 'ImportReport' });

export const importJob = z
  .object({
    id: z.string(),
    file: z.string(),
    format: z.string(),
    dryRun: z.boolean(),
    state: z.enum(['running', 'done', 'failed']),
    phase: z.string(),
    done: z.number(),
    total: z.number(),
    report: importReport.nullable(),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
  })
  .meta({ id: 'ImportJob' });

export const token = z.object({ id, name: z.string(), scope: z.string(), createdAt: z.string(), lastUsedAt: nullableText }).meta({ id: 'Token' });

// The network's analyses.
export const graphSummary = z.object({
  nodes: z.number(),
  edges: z.number(),
  source: z.enum(['cache', 'neighbourhood']).optional(),
  builtAt: z.string().optional(),
  buildMs: z.number().optional(),
});
export const networkStatus = z
  .object({
    ready: z.boolean(),
    building: z.object({ phase: z.string(), done: z.number(), total: z.number() }).nullable(),
    failed: z.string().nullable(),
    nodes: z.number().nullable(),
    edges: z.number().nullable(),
    builtAt: z.string().nullable(),
    buildMs: z.number().nullable(),
  })
  .meta({ id: 'NetworkStatus' });
const named = z.object({ name: z.string(), people: z.number() });
export const community = z
  .object({
    id: z.number(),
    size: z.number(),
    label: z.string(),
    organizations: z.array(named),
    tags: z.array(named),
    yours: z.object({ strong: z.number(), medium: z.number(), weak: z.number() }),
    bestKnown: z.object({ id: z.string(), name: z.string(), strength: z.number() }).nullable(),
    bridged: z.boolean(),
  })
  .meta({ id: 'Community' });
const brokerage = { constraint: z.number().nullable(), effectiveSize: z.number().nullable(), ties: z.number() };

const hop = z.object({ from: personRef.nullable(), to: personRef, strength: z.number(), evidence: z.array(z.string()) });
export const introPaths = z.object({ paths: z.array(z.object({ target: personRef, score: z.number(), hops: z.array(hop) })), graph: graphSummary });
export const communityReport = z.object({
  graph: graphSummary,
  modularity: z.number(),
  diversity: z.object({ communities: z.number(), withStrongTie: z.number(), withAnyTie: z.number(), spread: z.number() }),
  communities: z.array(community),
  unbridged: z.array(community),
  unbridgedAudiences: z.array(z.object({ id: z.string(), name: z.string(), members: z.number() })),
});
export const brokerReport = z.object({
  graph: graphSummary,
  you: z.object(brokerage),
  brokers: z.array(z.object({ person: personRef.extend({ strength: z.number() }), communities: z.number(), connects: z.array(z.string()), ...brokerage })),
});
export const suggestions = z.object({
  graph: graphSummary,
  audiences: z.array(z.string()),
  suggestions: z.array(z.object({ person: personRef, score: z.number(), mutualCount: z.number(), mutuals: z.array(personRef.extend({ strength: z.number() })), for: z.array(z.string()) })),
});
export const networkMap = z.object({
  graph: graphSummary,
  nodes: z.array(z.object({ id: z.string(), name: z.string(), strength: z.number(), community: z.number() })),
  edges: z.array(z.tuple([z.number(), z.number(), z.number()])),
  communities: z.array(z.object({ id: z.number(), label: z.string(), size: z.number() })),
});

export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const personCreate = personDraftSchema.extend({ introducedBy: z.string().nullish() });

export const personPatch = z.object({
  name: z.string().optional(),
  givenName: z.string().nullish(),
  familyName: z.string().nullish(),
  nickname: z.string().nullish(),
  pronouns: z.string().nullish(),
  location: z.string().nullish(),
  birthday: z.string().nullish(),
  howMet: z.string().nullish(),
  metOn: z.string().nullish(),
  introducedBy: z.string().nullish(),
  tier: z.string().nullish(),
  company: z.string().nullish(),
  title: z.string().nullish(),
  addEmails: z.array(z.string()).optional(),
  removeEmails: z.array(z.string()).optional(),
  addPhones: z.array(z.string()).optional(),
  removePhones: z.array(z.string()).optional(),
  addUrls: z.array(z.string()).optional(),
  removeUrls: z.array(z.string()).optional(),
  addTags: z.array(z.string()).optional(),
  removeTags: z.array(z.string()).optional(),
  setFields: z.record(z.string(), z.string()).optional(),
  unsetFields: z.array(z.string()).optional(),
});

export const ok = z.object({ ok: z.literal(true) });
