import { isAhead, parseDate, parseDateTime } from '../domain/dates.js';
import { invalid, notFound } from '../domain/errors.js';
import { parseCapturedPerson, parseEventKind, parseEventStatus, talkingPoints } from '../domain/event-brief.js';
import { looksLikeId, newId } from '../domain/ids.js';
import type { Interaction } from '../domain/interaction.js';
import type { Note } from '../domain/note.js';
import { normalizePersonDraft, type Person } from '../domain/person.js';
import type { Reminder } from '../domain/reminder.js';
import { EMPTY_STATS, tieStrength } from '../domain/tie-strength.js';
import type { EventRow } from '../store/event-repository.js';
import { inTransaction, readRepositories, type Repositories } from '../store/repositories.js';
import type { ServiceContext } from './context.js';
import { writeInteraction } from './interaction-service.js';
import { resolvePersonIds } from './person-refs.js';
import { insertPerson } from './person-writes.js';
import { writeReminder } from './reminder-service.js';
import { phoneRegion } from './settings-service.js';

export interface KithEvent extends EventRow {
  attendees: Array<{ person: { id: string; name: string; company: string | null }; role: string }>;
}

export interface EventDraft {
  name: string;
  kind?: string;
  on: string;
  place?: string | null;
  link?: string | null;
  status?: string;
  pitch?: string | null;
  attendees?: string[];
  wantToMeet?: string[];
}

export interface BriefEntry {
  person: Person;
  role: string;
  strength: number;
  lastInteractions: Interaction[];
  notes: Note[];
  sharedInterests: string[];
  openItems: Reminder[];
  talkingPoints: string[];
}

export interface EventBrief {
  event: KithEvent;
  pitch: string | null;
  attendees: BriefEntry[];
}

async function resolveEventId(repos: Repositories, ref: string): Promise<string> {
  const text = ref.trim();
  if (looksLikeId(text) && (await repos.events.list([text.toLowerCase()])).length) return text.toLowerCase();
  const [id] = await repos.events.idsByName(text);
  if (!id) throw notFound('event', ref);
  return id;
}

/** Networking events: plan them, brief yourself before, capture who you met after. */
export class EventService {
  constructor(private readonly ctx: ServiceContext) {}

  async add(draft: EventDraft): Promise<KithEvent> {
    const name = typeof draft.name === 'string' ? draft.name.trim() : '';
    if (!name || name.length > 300) throw invalid('name', draft.name, 'an event needs a name of 1 to 300 characters');
    const startsOn = parseDate(draft.on, 'on', this.ctx.now());
    const id = newId();
    await inTransaction(this.ctx.store, async (repos) => {
      await repos.events.insert({ id, name, kind: parseEventKind(draft.kind), startsOn, place: draft.place?.trim() || null, link: draft.link?.trim() || null, status: parseEventStatus(draft.status), pitch: draft.pitch?.trim() || null, createdAt: this.ctx.now().toISOString() });
      for (const personId of await resolvePersonIds(repos, draft.attendees ?? [])) await repos.events.setAttendee(id, personId, 'attending');
      for (const personId of await resolvePersonIds(repos, draft.wantToMeet ?? [])) await repos.events.setAttendee(id, personId, 'want_to_meet');
    });
    return this.show(id);
  }

  async list(): Promise<KithEvent[]> {
    const repos = readRepositories(this.ctx.store);
    return Promise.all((await repos.events.list()).map((e) => this.withAttendees(repos, e)));
  }

  async show(ref: string): Promise<KithEvent> {
    const repos = readRepositories(this.ctx.store);
    const [event] = await repos.events.list([await resolveEventId(repos, ref)]);
    return this.withAttendees(repos, event!);
  }

  async update(ref: string, fields: { status?: string; pitch?: string | null }): Promise<KithEvent> {
    const repos = readRepositories(this.ctx.store);
    const id = await resolveEventId(repos, ref);
    await repos.events.update(id, { ...(fields.status !== undefined ? { status: parseEventStatus(fields.status) } : {}), ...(fields.pitch !== undefined ? { pitch: fields.pitch?.trim() || null } : {}) });
    return this.show(id);
  }

  async attend(ref: string, people: string[], role: 'attending' | 'want_to_meet' = 'attending'): Promise<KithEvent> {
    const id = await inTransaction(this.ctx.store, async (repos) => {
      const eventId = await resolveEventId(repos, ref);
      for (const personId of await resolvePersonIds(repos, people)) await repos.events.setAttendee(eventId, personId, role);
      return eventId;
    });
    return this.show(id);
  }

  /** For each known attendee: recent interactions, notes, shared interests, open items and talking points. */
  async brief(ref: string): Promise<EventBrief> {
    const repos = readRepositories(this.ctx.store);
    const event = await this.show(ref);
    const now = this.ctx.now();
    const interests = ((await repos.settings.get('me.interests')) ?? '')
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean);
    const known = event.attendees.filter((a) => a.role !== 'met');
    const ids = known.map((a) => a.person.id);
    const [people, stats] = await Promise.all([repos.people.hydrate(ids), repos.contactStats.get(ids)]);
    const byId = new Map(people.map((p) => [p.id, p]));
    const attendees = await Promise.all(
      known.map(async (a): Promise<BriefEntry> => {
        const person = byId.get(a.person.id)!;
        const [interactionIds, noteIds, positions, openItems] = await Promise.all([
          repos.interactions.idsForPerson(person.id, 3),
          repos.notes.idsForPerson(person.id, 3),
          repos.positions.listForPerson(person.id),
          repos.reminders.open(person.id, 5),
        ]);
        const [lastInteractions, notes] = await Promise.all([repos.interactions.hydrate(interactionIds), repos.notes.hydrate(noteIds)]);
        const sharedInterests = person.tags.filter((t) => interests.includes(t.toLowerCase().replace(/-/g, ' ')) || interests.includes(t.toLowerCase()));
        return {
          person,
          role: a.role,
          strength: tieStrength(stats.get(person.id) ?? EMPTY_STATS, now, person.metOn).score,
          lastInteractions,
          notes,
          sharedInterests,
          openItems,
          talkingPoints: talkingPoints({ eventName: event.name, company: person.company, positions, interactions: lastInteractions, sharedInterests, openItems, lastContactAt: person.lastContactAt, now }),
        };
      }),
    );
    attendees.sort((x, y) => Number(x.role === 'want_to_meet') - Number(y.role === 'want_to_meet') || y.strength - x.strength);
    return { event, pitch: event.pitch, attendees };
  }

  /**
   * After the event: each new person is created (met there, on its date), logged as
   * met at the event, and given a follow-up reminder; all of it or none of it.
   */
  async capture(ref: string, entries: Array<string | { name: string; company?: string | null; line?: string | null }>, followUpIn = '2d'): Promise<{ event: KithEvent; people: Person[]; reminders: Reminder[] }> {
    if (entries.length === 0) throw invalid('person', '', 'name at least one person you met');
    const parsed = entries.map((e) => (typeof e === 'string' ? parseCapturedPerson(e) : { name: e.name.trim(), company: e.company?.trim() || null, line: e.line?.trim() || null }));
    const now = this.ctx.now();
    const result = await inTransaction(this.ctx.store, async (repos) => {
      const eventId = await resolveEventId(repos, ref);
      const [event] = await repos.events.list([eventId]);
      if (isAhead(parseDateTime(event!.startsOn, 'on', now), now)) throw invalid('event', event!.name, `has not happened yet (it starts ${event!.startsOn.slice(0, 10)}): capture whom you met after it`);
      const region = await phoneRegion(repos);
      const ids: string[] = [];
      const reminders: Reminder[] = [];
      for (const p of parsed) {
        const person = normalizePersonDraft({ name: p.name, company: p.company, howMet: `Met at ${event!.name}`, metOn: event!.startsOn }, region);
        const id = await insertPerson(repos, person, now.toISOString());
        ids.push(id);
        await repos.events.setAttendee(eventId, id, 'met');
        await writeInteraction(repos, { kind: 'event', with: [id], at: event!.startsOn, summary: p.line ? `Met at ${event!.name}: ${p.line}` : `Met at ${event!.name}` }, now);
        reminders.push(await writeReminder(repos, { title: `Follow up with ${p.name} after ${event!.name}`, about: id, in: followUpIn, kind: 'follow_up' }, now));
      }
      if (event!.status !== 'attended') await repos.events.update(eventId, { status: 'attended' });
      return { eventId, ids, reminders };
    });
    const repos = readRepositories(this.ctx.store);
    return { event: await this.show(result.eventId), people: await repos.people.hydrate(result.ids), reminders: result.reminders };
  }

  private async withAttendees(repos: Repositories, e: EventRow): Promise<KithEvent> {
    const rows = await repos.events.attendees(e.id);
    const people = new Map((await repos.people.hydrate(rows.map((r) => r.personId))).map((p) => [p.id, p]));
    const attendees = rows
      .filter((r) => people.has(r.personId))
      .map((r) => ({ person: { id: r.personId, name: people.get(r.personId)!.name, company: people.get(r.personId)!.company }, role: r.role }))
      .sort((a, b) => a.person.name.localeCompare(b.person.name));
    return { ...e, attendees };
  }
}
