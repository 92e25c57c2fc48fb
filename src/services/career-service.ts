import { BRAND_KINDS, INTRO_STATUSES, introMessages, MENTOR_ROLES, OPPORTUNITY_KINDS, OPPORTUNITY_STAGES, oneOf, SUPPORT_TAG } from '../domain/career.js';
import { parseDate } from '../domain/dates.js';
import { invalid, notFound } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import type { Person, PersonRef } from '../domain/person.js';
import { parseSpan } from '../domain/durations.js';
import { normalizeTag } from '../domain/tags.js';
import { inTransaction, readRepositories, type Repositories } from '../store/repositories.js';
import type { ServiceContext } from './context.js';
import { resolveGoalId } from './goal-service.js';
import { findOrCreateOrganization } from './organization-refs.js';
import { resolvePersonId, resolvePersonIds } from './person-refs.js';

export interface Opportunity {
  id: string;
  title: string;
  kind: string;
  stage: string;
  organization: { id: string; name: string } | null;
  goalId: string | null;
  nextStep: string | null;
  dueOn: string | null;
  people: PersonRef[];
  createdAt: string;
  updatedAt: string;
}

export interface Introduction {
  id: string;
  a: PersonRef;
  b: PersonRef;
  why: string | null;
  status: string;
  outcome: string | null;
  messages: { askA: string; introduction: string };
  updatedAt: string;
}

export interface Mentorship {
  id: string;
  person: PersonRef;
  role: string;
  focus: string | null;
  startedOn: string;
  endedOn: string | null;
  sessions: number;
  lastSession: string | null;
}

export interface BrandItem {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  audience: string | null;
  url: string | null;
  publishedOn: string | null;
  active: boolean;
  engaged: PersonRef[];
}

const ref = (p: Person | undefined, id: string): PersonRef => ({ id, name: p?.name ?? id });

async function peopleById(repos: Repositories, ids: string[]): Promise<Map<string, Person>> {
  return new Map((await repos.people.hydrate([...new Set(ids)])).map((p) => [p.id, p]));
}

/**
 * The career side of the method: opportunities on a board, introductions you make
 * (double opt-in), mentorships, your personal brand, and your support circle.
 */
export class CareerService {
  constructor(private readonly ctx: ServiceContext) {}

  private now(): string {
    return this.ctx.now().toISOString();
  }

  // Opportunities

  async addOpportunity(d: { title: string; kind?: string; stage?: string; organization?: string | null; goal?: string | null; nextStep?: string | null; due?: string | null; people?: string[] }): Promise<Opportunity> {
    const title = d.title?.trim();
    if (!title) throw invalid('title', d.title ?? '', 'an opportunity needs a title');
    const kind = oneOf(OPPORTUNITY_KINDS, d.kind, 'kind', 'other');
    const stage = oneOf(OPPORTUNITY_STAGES, d.stage, 'stage', 'idea');
    const dueOn = d.due ? parseDate(d.due, 'due', this.ctx.now()) : null;
    const id = newId();
    await inTransaction(this.ctx.store, async (repos) => {
      const organizationId = d.organization?.trim() ? await findOrCreateOrganization(repos, d.organization, this.now()) : null;
      const goalId = d.goal ? await resolveGoalId(repos, d.goal) : null;
      const people = await resolvePersonIds(repos, d.people ?? []);
      await repos.career.insertOpportunity({ id, title, kind, stage, organization_id: organizationId, goal_id: goalId, next_step: d.nextStep?.trim() || null, due_on: dueOn, created_at: this.now(), updated_at: this.now() }, people);
    });
    return (await this.opportunities([id]))[0]!;
  }

  async moveOpportunity(id: string, fields: { stage?: string; nextStep?: string | null; due?: string | null }): Promise<Opportunity> {
    const repos = readRepositories(this.ctx.store);
    if ((await repos.career.opportunities([id])).length === 0) throw notFound('opportunity', id);
    await repos.career.updateOpportunity(id, {
      ...(fields.stage !== undefined ? { stage: oneOf(OPPORTUNITY_STAGES, fields.stage, 'stage') } : {}),
      ...(fields.nextStep !== undefined ? { next_step: fields.nextStep?.trim() || null } : {}),
      ...(fields.due !== undefined ? { due_on: fields.due ? parseDate(fields.due, 'due', this.ctx.now()) : null } : {}),
      updated_at: this.now(),
    });
    return (await this.opportunities([id]))[0]!;
  }

  async opportunities(ids?: string[]): Promise<Opportunity[]> {
    const repos = readRepositories(this.ctx.store);
    const rows = await repos.career.opportunities(ids);
    const people = await peopleById(repos, rows.flatMap((r) => r.person_ids));
    const orgs = new Map((await repos.organizations.hydrate(rows.flatMap((r) => (r.organization_id ? [r.organization_id] : [])))).map((o) => [o.id, o]));
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      kind: r.kind,
      stage: r.stage,
      organization: r.organization_id && orgs.get(r.organization_id) ? { id: r.organization_id, name: orgs.get(r.organization_id)!.name } : null,
      goalId: r.goal_id,
      nextStep: r.next_step,
      dueOn: r.due_on,
      people: r.person_ids.map((id) => ref(people.get(id), id)),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }

  // Introductions

  async proposeIntroduction(d: { a: string; b: string; why?: string | null }): Promise<Introduction> {
    const id = await inTransaction(this.ctx.store, async (repos) => {
      const [a, b] = [await resolvePersonId(repos, d.a), await resolvePersonId(repos, d.b)];
      if (a === b) throw invalid('introduction', d.b, 'introduce two different people');
      const id = newId();
      await repos.career.insertIntroduction({ id, person_a: a, person_b: b, why: d.why?.trim() || null, status: 'proposed', outcome: null, created_at: this.now(), updated_at: this.now() });
      return id;
    });
    return (await this.introductions([id]))[0]!;
  }

  async updateIntroduction(id: string, fields: { status?: string; outcome?: string | null }): Promise<Introduction> {
    const repos = readRepositories(this.ctx.store);
    if ((await repos.career.introductions([id])).length === 0) throw notFound('introduction', id);
    await repos.career.updateIntroduction(id, { ...(fields.status ? { status: oneOf(INTRO_STATUSES, fields.status, 'status') } : {}), ...(fields.outcome !== undefined ? { outcome: fields.outcome?.trim() || null } : {}), updated_at: this.now() });
    return (await this.introductions([id]))[0]!;
  }

  async introductions(ids?: string[]): Promise<Introduction[]> {
    const repos = readRepositories(this.ctx.store);
    const rows = await repos.career.introductions(ids);
    const people = await peopleById(repos, rows.flatMap((r) => [r.person_a, r.person_b]));
    const me = (await repos.settings.get('me.name')) ?? 'Me';
    const side = (id: string) => {
      const p = people.get(id);
      return { first: p?.nickname ?? p?.givenName ?? p?.name.split(' ')[0] ?? '', name: p?.name ?? id, company: p?.company ?? null };
    };
    return rows.map((r) => ({
      id: r.id,
      a: ref(people.get(r.person_a), r.person_a),
      b: ref(people.get(r.person_b), r.person_b),
      why: r.why,
      status: r.status,
      outcome: r.outcome,
      messages: introMessages({ a: side(r.person_a), b: side(r.person_b), why: r.why, me }),
      updatedAt: r.updated_at,
    }));
  }

  /** Introductions you received: the people someone introduced you to. */
  async introducedToYou(limit = 100): Promise<Array<{ person: PersonRef; by: PersonRef }>> {
    const repos = readRepositories(this.ctx.store);
    const rows = await repos.career.introducedToYou(limit);
    const people = await peopleById(repos, rows.flatMap((r) => [r.person_id, r.introducer_id]));
    return rows.map((r) => ({ person: ref(people.get(r.person_id), r.person_id), by: ref(people.get(r.introducer_id), r.introducer_id) }));
  }

  // Mentorship

  /** A mentor or mentee, with a check-in cadence; sessions are the interactions you log with them. */
  async addMentorship(d: { person: string; role: string; focus?: string | null; every?: string; since?: string | null }): Promise<Mentorship> {
    const role = oneOf(MENTOR_ROLES, d.role, 'role');
    const startedOn = d.since ? parseDate(d.since, 'since', this.ctx.now()) : this.now().slice(0, 10);
    const ideal = Math.round(parseSpan(d.every ?? '4w', 'every') / 86_400_000);
    const id = newId();
    await inTransaction(this.ctx.store, async (repos) => {
      const personId = await resolvePersonId(repos, d.person);
      await repos.career.insertMentorship({ id, person_id: personId, role, focus: d.focus?.trim() || null, started_on: startedOn, ended_on: null, created_at: this.now() });
      await repos.cadences.set({ scope: 'person', target: personId, idealDays: Math.max(1, ideal), maxDays: Math.max(1, Math.round(ideal * 1.5)) });
    });
    return (await this.mentorships({ ids: [id] }))[0]!;
  }

  async endMentorship(id: string): Promise<Mentorship> {
    const repos = readRepositories(this.ctx.store);
    if ((await repos.career.mentorships({ ids: [id] })).length === 0) throw notFound('mentorship', id);
    await repos.career.endMentorship(id, this.now().slice(0, 10));
    return (await this.mentorships({ ids: [id] }))[0]!;
  }

  async mentorships(options: { ids?: string[]; active?: boolean } = {}): Promise<Mentorship[]> {
    const repos = readRepositories(this.ctx.store);
    const rows = await repos.career.mentorships(options);
    const people = await peopleById(repos, rows.map((r) => r.person_id));
    const out: Mentorship[] = [];
    for (const r of rows) {
      const interactions = await repos.interactions.hydrate(await repos.interactions.idsForPerson(r.person_id, 500));
      const sessions = interactions.filter((i) => i.occurredAt.slice(0, 10) >= r.started_on && (!r.ended_on || i.occurredAt.slice(0, 10) <= r.ended_on));
      out.push({ id: r.id, person: ref(people.get(r.person_id), r.person_id), role: r.role, focus: r.focus, startedOn: r.started_on, endedOn: r.ended_on, sessions: sessions.length, lastSession: sessions[0]?.occurredAt ?? null });
    }
    return out;
  }

  // Personal brand

  async addBrandItem(d: { kind: string; title: string; body?: string | null; audience?: string | null; url?: string | null; on?: string | null; engaged?: string[] }): Promise<BrandItem> {
    const kind = oneOf(BRAND_KINDS, d.kind, 'kind');
    const title = d.title?.trim();
    if (!title) throw invalid('title', d.title ?? '', 'give it a title');
    const id = newId();
    await inTransaction(this.ctx.store, async (repos) => {
      await repos.career.insertBrandItem({ id, kind, title, body: d.body?.trim() || null, audience: d.audience?.trim() || null, url: d.url?.trim() || null, published_on: d.on ? parseDate(d.on, 'on', this.ctx.now()) : null, active: 1, created_at: this.now() });
      await repos.career.engage(id, await resolvePersonIds(repos, d.engaged ?? []));
    });
    return (await this.brand()).find((b) => b.id === id)!;
  }

  async engage(itemId: string, people: string[]): Promise<BrandItem> {
    await inTransaction(this.ctx.store, async (repos) => repos.career.engage(itemId, await resolvePersonIds(repos, people)));
    const item = (await this.brand()).find((b) => b.id === itemId);
    if (!item) throw notFound('brand item', itemId);
    return item;
  }

  async retireBrandItem(id: string): Promise<void> {
    if (!(await readRepositories(this.ctx.store).career.setBrandItemActive(id, false))) throw notFound('brand item', id);
  }

  async brand(): Promise<BrandItem[]> {
    const repos = readRepositories(this.ctx.store);
    const rows = await repos.career.brandItems();
    const people = await peopleById(repos, rows.flatMap((r) => r.person_ids));
    return rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, body: r.body, audience: r.audience, url: r.url, publishedOn: r.published_on, active: r.active === 1, engaged: r.person_ids.map((id) => ref(people.get(id), id)) }));
  }

  // Support circle

  /**
   * Your support circle: people you check in with for their own sake. They carry a
   * tag whose cadence (every 2 weeks unless you set another) overrides their tier.
   */
  async support(refs: string[], remove = false): Promise<PersonRef[]> {
    const tag = normalizeTag(SUPPORT_TAG);
    await inTransaction(this.ctx.store, async (repos) => {
      const ids = await resolvePersonIds(repos, refs);
      const tagIds = await repos.tags.ensure([tag], newId, this.now());
      for (const id of ids) {
        if (remove) await repos.tags.detach(id, [...tagIds.values()]);
        else await repos.tags.attach(id, [...tagIds.values()]);
      }
      if (!(await repos.cadences.list()).some((o) => o.scope === 'tag' && o.target === tag)) await repos.cadences.set({ scope: 'tag', target: tag, idealDays: 14, maxDays: 21 });
      await repos.search.reindex(ids);
    });
    return this.supportCircle();
  }

  async supportCircle(): Promise<PersonRef[]> {
    const repos = readRepositories(this.ctx.store);
    const tagId = await repos.tags.idOf(SUPPORT_TAG);
    if (!tagId) return [];
    const people = await repos.people.hydrate(await repos.tags.personIdsWithTag(tagId));
    return people.filter((p) => !p.archived).map((p) => ({ id: p.id, name: p.name }));
  }
}
