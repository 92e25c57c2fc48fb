import { isAhead, parseDateTime } from '../domain/dates.js';
import { invalid, notFound } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import { defaultDirection, parseDirection, parseDuration, parseInteractionKind, type Interaction } from '../domain/interaction.js';
import { inTransaction, readRepositories, type Repositories } from '../store/repositories.js';
import { rebuildStats, recordInteraction } from './contact-stats.js';
import type { ServiceContext } from './context.js';
import { decodeCursor, pageOf, type Page } from './cursor.js';
import { resolvePersonId, resolvePersonIds } from './person-refs.js';
import { parseLimit } from './person-service.js';

export interface LogDraft {
  kind: string;
  with: string[];
  at?: string;
  summary?: string;
  direction?: string;
  duration?: string | number;
  source?: string;
  externalId?: string;
}

/** Changes to a logged interaction; a field left out stays as it is, a null summary or duration is cleared. */
export interface InteractionPatch {
  kind?: string;
  /** Everyone who took part, replacing who was named before. */
  with?: string[];
  at?: string;
  summary?: string | null;
  direction?: string;
  duration?: string | number | null;
}

/**
 * When an interaction happened: what has happened is never ahead. A written date or
 * time gets the slack of time zones (see isAhead); a relative one ("tomorrow",
 * "3 days ago") is exact, so it gets none.
 */
function occurredAtOf(at: string, now: Date): string {
  const occurredAt = parseDateTime(at, 'at', now);
  const ahead = /^\d{4}-/.test(at.trim()) ? isAhead(occurredAt, now) : Date.parse(occurredAt) > now.getTime();
  if (ahead) throw invalid('at', at, 'is in the future: log what has happened, and plan what is ahead with an event or a reminder');
  return occurredAt;
}

/** Validates and writes one interaction inside the caller's transaction. */
export async function writeInteraction(repos: Repositories, draft: LogDraft, now: Date): Promise<Interaction> {
  const kind = parseInteractionKind(draft.kind);
  if (draft.with.length === 0) throw invalid('with', '', 'name at least one person (--with)');
  const occurredAt = draft.at ? occurredAtOf(draft.at, now) : now.toISOString();
  const direction = draft.direction ? parseDirection(draft.direction) : defaultDirection(kind);
  const durationMinutes = draft.duration === undefined ? null : parseDuration(String(draft.duration));
  const summary = draft.summary?.trim() || null;
  const people = await resolvePersonIds(repos, draft.with);
  const participants = people.map((personId) => ({ personId, role: 'participant' }));
  const { id, created } = await repos.interactions.insert(
    newId(),
    { kind, occurredAt, durationMinutes, direction, summary, source: draft.source ?? 'manual', externalId: draft.externalId ?? null },
    participants,
    now.toISOString(),
  );
  if (created) await recordInteraction(repos, participants, { kind, occurredAt, direction });
  return (await repos.interactions.hydrate([id]))[0]!;
}

export class InteractionService {
  constructor(private readonly ctx: ServiceContext) {}

  async log(draft: LogDraft): Promise<Interaction> {
    return inTransaction(this.ctx.store, (repos) => writeInteraction(repos, draft, this.ctx.now()));
  }

  async list(ref?: string, limit?: number): Promise<Interaction[]> {
    return (await this.page(ref, limit)).items;
  }

  /** Interactions (with one person, or everyone's), latest first, a page at a time. */
  async page(ref?: string, limit?: number, cursor?: string): Promise<Page<Interaction>> {
    const repos = readRepositories(this.ctx.store);
    const after = cursor ? decodeCursor(cursor) : undefined;
    const personId = ref ? await resolvePersonId(repos, ref, { includeArchived: true }) : undefined;
    const read = async (n: number) => repos.interactions.hydrate(personId ? await repos.interactions.idsForPerson(personId, n, after) : await repos.interactions.recentIds(n, after));
    return pageOf(parseLimit(limit, 20), read, (i) => ({ key: i.occurredAt, id: i.id }));
  }

  /**
   * Corrects a logged interaction (its kind, time, summary, direction, duration or
   * people); the totals and last contact of everyone it was or is now about are
   * recomputed from their interactions.
   */
  async edit(id: string, patch: InteractionPatch): Promise<Interaction> {
    const now = this.ctx.now();
    const fields: Parameters<Repositories['interactions']['update']>[1] = {};
    if (patch.kind !== undefined) fields.kind = parseInteractionKind(patch.kind);
    if (patch.at !== undefined) fields.occurredAt = occurredAtOf(patch.at, now);
    if (patch.summary !== undefined) fields.summary = patch.summary?.trim() || null;
    if (patch.direction !== undefined) fields.direction = parseDirection(patch.direction);
    if (patch.duration !== undefined) fields.durationMinutes = patch.duration === null || String(patch.duration).trim() === '' ? null : parseDuration(String(patch.duration));
    if (patch.with !== undefined && patch.with.length === 0) throw invalid('with', '', 'an interaction is with at least one person');
    if (Object.keys(fields).length === 0 && patch.with === undefined) throw invalid('interaction', id, 'nothing to change: give a kind, a time, a summary, a direction, a duration or the people');
    return inTransaction(this.ctx.store, async (repos) => {
      const [interaction] = await repos.interactions.hydrate([id.trim().toLowerCase()]);
      if (!interaction) throw notFound('interaction', id);
      const people = patch.with === undefined ? undefined : await resolvePersonIds(repos, patch.with);
      await rebuildStats(repos, await repos.interactions.update(interaction.id, fields, people));
      return (await repos.interactions.hydrate([interaction.id]))[0]!;
    });
  }

  async remove(id: string): Promise<Interaction> {
    return inTransaction(this.ctx.store, async (repos) => {
      const [interaction] = await repos.interactions.hydrate([id.trim().toLowerCase()]);
      if (!interaction) throw notFound('interaction', id);
      const people = await repos.interactions.delete(interaction.id);
      await rebuildStats(repos, people);
      return interaction;
    });
  }
}
