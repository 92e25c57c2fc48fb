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

/** Validates and writes one interaction inside the caller's transaction. */
export async function writeInteraction(repos: Repositories, draft: LogDraft, now: Date): Promise<Interaction> {
  const kind = parseInteractionKind(draft.kind);
  if (draft.with.length === 0) throw invalid('with', '', 'name at least one person (--with)');
  const occurredAt = draft.at ? parseDateTime(draft.at, 'at', now) : now.toISOString();
  if (isAhead(occurredAt, now)) throw invalid('at', draft.at!, 'is in the future: log what has happened, and plan what is ahead with an event or a reminder');
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
