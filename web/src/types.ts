/** The API's shapes as the web app reads them (see /api/openapi.json). */
export interface PersonRef {
  id: string;
  name: string;
}

export interface Person {
  id: string;
  name: string;
  givenName: string | null;
  familyName: string | null;
  nickname: string | null;
  pronouns: string | null;
  emails: string[];
  phones: string[];
  urls: Array<{ url: string; kind: string }>;
  company: string | null;
  title: string | null;
  organizationId: string | null;
  location: string | null;
  birthday: string | null;
  howMet: string | null;
  metOn: string | null;
  introducedBy: PersonRef | null;
  tier: string | null;
  tags: string[];
  customFields: Record<string, string>;
  archived: boolean;
  lastContactAt: string | null;
  createdAt: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Interaction {
  id: string;
  kind: string;
  occurredAt: string;
  direction: string;
  summary: string | null;
  source: string;
  participants: PersonRef[];
}

export interface Note {
  id: string;
  body: string;
  about: PersonRef[];
  createdAt: string;
}

export interface Position {
  id: string;
  organizationId: string;
  organization: string;
  title: string | null;
  startDate: string | null;
  endDate: string | null;
  current: boolean;
}

export interface Relationship {
  id: string;
  from: PersonRef;
  kind: string;
  to: PersonRef;
}

export interface Reminder {
  id: string;
  person: PersonRef | null;
  kind: string;
  title: string;
  rrule: string | null;
  dueAt: string;
  snoozedUntil: string | null;
  doneAt: string | null;
}

export interface StrengthPart {
  component: string;
  value: number;
  weight: number;
  points: number;
  explanation: string;
}

export interface PersonDetail {
  person: Person;
  positions: Position[];
  interactions: Interaction[];
  interactionCount: number;
  notes: Note[];
  relationships: Relationship[];
  strength: { score: number; parts: StrengthPart[] };
  cadence: { status: 'ok' | 'due' | 'overdue' | 'none'; cadence: { idealDays: number; maxDays: number; source: string } | null; daysSince: number | null; dueInDays: number | null; overdueByDays: number };
}

export interface QueueEntry {
  personId: string;
  name: string;
  company: string | null;
  tier: string | null;
  strength: number;
  reasons: Array<{ kind: string; text: string; score: number }>;
  score: number;
  action: string;
}

export interface TodayQueue {
  day: string;
  timezone: string;
  entries: QueueEntry[];
  reminders: Reminder[];
}

export interface Organization {
  id: string;
  name: string;
  domain: string | null;
  industry: string | null;
  location: string | null;
  peopleCount: number;
}

export interface ImportReport {
  format: string;
  dryRun: boolean;
  records: number;
  created: number;
  updated: number;
  merged: number;
  skipped: number;
  failed: number;
  failures: Array<{ file: string; line: number; reason: string }>;
  warnings: Array<{ file: string; line: number; reason: string }>;
}

export interface ImportJob {
  id: string;
  file: string;
  format: string;
  dryRun: boolean;
  state: 'running' | 'done' | 'failed';
  phase: string;
  done: number;
  total: number;
  report: ImportReport | null;
  error: { code: string; message: string } | null;
}

export interface Duplicate {
  a: string;
  b: string;
  score: number;
  evidence: string[];
  people: [Person, Person];
}

export interface Token {
  id: string;
  name: string;
  scope: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface SearchHit {
  person: Person;
  score: number;
  match: 'text' | 'fuzzy';
}
