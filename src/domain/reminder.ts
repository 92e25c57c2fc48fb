import type { PersonRef } from './person.js';

export type ReminderKind = 'reminder' | 'follow_up';

export interface Reminder {
  id: string;
  person: PersonRef | null;
  kind: ReminderKind;
  title: string;
  /** The first occurrence as the user's clock shows it, YYYY-MM-DDTHH:MM. */
  localStart: string;
  timezone: string;
  rrule: string | null;
  /** The next occurrence, UTC. */
  dueAt: string;
  snoozedUntil: string | null;
  doneAt: string | null;
  createdAt: string;
}
