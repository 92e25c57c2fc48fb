import type { Interaction } from './interaction.js';
import { invalid } from './errors.js';
import type { Position } from './organization.js';
import type { Reminder } from './reminder.js';

export const EVENT_KINDS = ['conference', 'meetup', 'dinner', 'webinar', 'workshop', 'other'] as const;
export const EVENT_STATUSES = ['planned', 'attending', 'attended'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export function parseEventKind(value: string | undefined | null): string {
  const kind = (value ?? 'other').trim().toLowerCase();
  if (!(EVENT_KINDS as readonly string[]).includes(kind)) throw invalid('kind', value, `expected one of ${EVENT_KINDS.join(', ')}`);
  return kind;
}

export function parseEventStatus(value: string | undefined | null): EventStatus {
  const status = (value ?? 'planned').trim().toLowerCase();
  if (!(EVENT_STATUSES as readonly string[]).includes(status)) throw invalid('status', value, `expected one of ${EVENT_STATUSES.join(', ')}`);
  return status as EventStatus;
}

/** "Jane Doe, Acme, loves sailing": a name, then optionally a company and one line. */
export function parseCapturedPerson(text: string): { name: string; company: string | null; line: string | null } {
  const [name = '', company = '', ...rest] = text.split(',').map((p) => p.trim());
  if (!name) throw invalid('person', text, 'start with a name, as in "Jane Doe, Acme, met at the AI panel"');
  return { name, company: company || null, line: rest.join(', ').trim() || null };
}

export interface BriefFacts {
  eventName: string;
  company: string | null;
  positions: Position[];
  interactions: Interaction[];
  sharedInterests: string[];
  openItems: Reminder[];
  lastContactAt: string | null;
  now: Date;
}

/** What to talk about with someone at an event, from what Kith knows of them. */
export function talkingPoints(f: BriefFacts): string[] {
  const points: string[] = [];
  const day = 86_400_000;
  const current = f.positions.find((p) => p.current);
  if (current?.startDate && f.now.getTime() - Date.parse(current.startDate) < 180 * day) points.push(`Congratulate them on the new role at ${current.organization}`);
  const last = f.interactions[0];
  if (last?.summary) points.push(`Pick up from ${last.occurredAt.slice(0, 10)}: ${last.summary}`);
  for (const interest of f.sharedInterests.slice(0, 2)) points.push(`You share an interest in ${interest}`);
  for (const item of f.openItems.slice(0, 2)) points.push(`Open: ${item.title}`);
  if (!f.lastContactAt) points.push(`First meeting: ask what brings them to ${f.eventName}${f.company ? ` and what ${f.company} is working on` : ''}`);
  else {
    const months = Math.floor((f.now.getTime() - Date.parse(f.lastContactAt)) / (30 * day));
    if (months >= 6) points.push(`It has been ${months} months: catch up on what has changed`);
  }
  return points;
}
