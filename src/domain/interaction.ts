import type { PersonRef } from './person.js';
import { DIRECTIONS, INTERACTION_KINDS, type Direction, type InteractionKind } from './vocabulary.js';
import { invalid } from './errors.js';

export interface Interaction {
  id: string;
  kind: InteractionKind;
  occurredAt: string;
  durationMinutes: number | null;
  direction: Direction;
  summary: string | null;
  source: string;
  externalId: string | null;
  participants: PersonRef[];
  createdAt: string;
}

export function parseInteractionKind(value: string): InteractionKind {
  const kind = value.trim().toLowerCase();
  if (!(INTERACTION_KINDS as readonly string[]).includes(kind)) {
    throw invalid('kind', value, `expected one of ${INTERACTION_KINDS.join(', ')}`);
  }
  return kind as InteractionKind;
}

export function parseDirection(value: string): Direction {
  const direction = value.trim().toLowerCase();
  if (!(DIRECTIONS as readonly string[]).includes(direction)) {
    throw invalid('direction', value, `expected one of ${DIRECTIONS.join(', ')}`);
  }
  return direction as Direction;
}

/** Meetings and calls take two; a message or an email has a sender, and we assume it was us. */
export function defaultDirection(kind: InteractionKind): Direction {
  return kind === 'message' || kind === 'email' || kind === 'intro' ? 'outbound' : 'mutual';
}

export function parseDuration(value: string): number {
  const text = value.trim().toLowerCase();
  const match = /^(\d+(?:\.\d+)?)\s*(m|min|mins|minutes?|h|hr|hrs|hours?)?$/.exec(text);
  if (!match) throw invalid('duration', value, 'expected minutes, such as 30, 30m or 1.5h');
  const amount = Number(match[1]);
  const minutes = match[2]?.startsWith('h') ? amount * 60 : amount;
  if (minutes <= 0 || minutes > 7 * 24 * 60) throw invalid('duration', value, 'must be between 1 minute and 7 days');
  return Math.round(minutes);
}
