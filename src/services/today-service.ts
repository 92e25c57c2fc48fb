import { cadenceState, effectiveCadence } from '../domain/cadence.js';
import { rankDormant, type DormantTie } from '../domain/dormant.js';
import { parseSpan } from '../domain/durations.js';
import type { Person } from '../domain/person.js';
import type { Reminder } from '../domain/reminder.js';
import { EMPTY_STATS, tieStrength } from '../domain/tie-strength.js';
import { localDay, zonedToUtc } from '../domain/time-zone.js';
import {
  anniversaryReason,
  birthdayReason,
  cadenceReason, cadenceReasonAhead,
  dormantReason,
  giveReason,
  goalReason,
  entryScore,
  newJobReason,
  rankQueue,
  reminderReason,
  type QueueCandidate,
  type QueueEntry,
  type Reason,
} from '../domain/today-queue.js';
import { inTransaction, readRepositories, type Repositories } from '../store/repositories.js';
import { audienceMembers } from './audience-service.js';
import { balanceOf } from '../domain/exchange.js';
import type { ServiceContext } from './context.js';
import { writeInteraction } from './interaction-service.js';
import { resolvePersonId } from './person-refs.js';
import { parseLimit } from './person-service.js';
import { userTimeZone } from './reminder-service.js';

const DAY = 86_400_000;
const DORMANT_POOL = 300;

export interface TodayQueue {
  day: string;
  timezone: string;
  entries: QueueEntry[];
  /** Due reminders not about anyone in particular. */
  reminders: Reminder[];
}

export interface DormantEntry extends DormantTie {
  person: Person;
}

function addDays(day: string, n: number): string {
  return new Date(Date.parse(day + 'T00:00:00Z') + n * DAY).toISOString().slice(0, 10);
}

/** The instant local midnight ends this local day. */
function endOfLocalDay(day: string, zone: string): Date {
  const [y, m, d] = addDays(day, 1).split('-').map(Number) as [number, number, number];
  return zonedToUtc(y, m, d, 0, 0, zone);
}

const GOAL_PEOPLE_A_DAY = 3;

export class TodayService {
  constructor(private readonly ctx: ServiceContext) {}

  /**
   * Gathers everyone with a reason to be contacted (cadence, birthday, reminder,
   * new job, work anniversary, one dormant tie a day), scores them with the
   * domain's ranking and returns the top of the list.
   */
  async queue(limit?: number, horizonDays = 0): Promise<TodayQueue> {
    const n = parseLimit(limit, 10, 500);
    const repos = readRepositories(this.ctx.store);
    const now = this.ctx.now();
    const zone = await userTimeZone(repos);
    const today = localDay(now, zone);
    const reasons = new Map<string, Reason[]>();
    const add = (personId: string, reason: Reason | undefined) => {
      if (reason) reasons.set(personId, [...(reasons.get(personId) ?? []), reason]);
    };

    const [suppressed, overrides, facts, settings] = await Promise.all([
      repos.queue.suppressed(now.toISOString()),
      repos.cadences.list(),
      repos.queue.cadenceCandidates(),
      repos.settings.all(),
    ]);
    const at = new Date(now.getTime() + horizonDays * DAY);
    const tags = await repos.queue.tagsOf(facts.map((f) => f.id));
    const metOn = new Map<string, string | null>(facts.map((f) => [f.id, f.metOn]));
    for (const f of facts) {
      const own = overrides.find((o) => o.scope === 'person' && o.target === f.id);
      const cadence = effectiveCadence(f.tier, tags.get(f.id) ?? [], own, overrides);
      const state = (t: Date) => cadenceState(cadence, f.lastContactAt, f.metOn ?? f.createdAt, t);
      add(f.id, horizonDays > 0 ? cadenceReasonAhead(state(now), state(at)) : cadenceReason(state(now)));
    }

    const window = Math.max(7, horizonDays);
    const upcoming = Array.from({ length: window + 1 }, (_, i) => addDays(today, i).slice(5));
    for (const b of await repos.queue.birthdaysOn(upcoming)) add(b.id, birthdayReason(b.birthday, today, window));

    const standalone: Reminder[] = [];
    const dueBy = endOfLocalDay(addDays(today, horizonDays), zone).toISOString();
    for (const r of await repos.reminders.openDueBefore(dueBy, 500)) {
      if (r.snoozedUntil && r.snoozedUntil > now.toISOString()) continue;
      if (r.person) add(r.person.id, reminderReason(r.title, r.dueAt, r.kind === 'follow_up', now));
      else standalone.push(r);
    }

    // Only the current job counts: the open position that started last, as on the person.
    const current = new Map<string, { organization: string; startDate: string | null; startedOn: string }>();
    for (const job of await repos.queue.newJobs(addDays(today, -30), new Date(now.getTime() - 30 * DAY).toISOString())) {
      const seen = current.get(job.personId);
      if (!seen || (job.startDate ?? '') > (seen.startDate ?? '')) current.set(job.personId, job);
    }
    for (const [personId, job] of current) {
      add(personId, newJobReason(job.organization, Math.round((Date.parse(today) - Date.parse(job.startedOn)) / DAY)));
    }

    if (settings['reminders.anniversaries'] === 'on') {
      for (const a of await repos.queue.anniversaries(upcoming)) {
        const days = upcoming.indexOf(a.startDate.slice(5));
        const years = Number(addDays(today, days).slice(0, 4)) - Number(a.startDate.slice(0, 4));
        if (years >= 1) add(a.personId, anniversaryReason(a.organization, years, days));
      }
    }

    // Dormant ties join at a low, steady rate: one a day, rotating through the best.
    const dormant = await this.dormantTies(repos, 30);
    if (dormant.length > 0) {
      const pick = dormant[Math.floor(Date.parse(today) / DAY) % dormant.length]!;
      add(pick.personId, dormantReason(pick.yearsSilent, pick.why));
    }

    // Goals: a few people a day from each active goal's audience whom you barely know yet.
    for (const goal of await repos.playbook.goals({ status: 'active' })) {
      if (!goal.audienceId) continue;
      const [audience] = await repos.playbook.audiences([goal.audienceId]);
      if (!audience) continue;
      const weak = (await audienceMembers(this.ctx, repos, audience.filter)).filter((m) => m.strength < 30).sort((a, b) => a.personId.localeCompare(b.personId));
      const start = (Math.floor(Date.parse(today) / DAY) * GOAL_PEOPLE_A_DAY) % Math.max(1, weak.length);
      for (let i = 0; i < Math.min(GOAL_PEOPLE_A_DAY, weak.length); i++) {
        const m = weak[(start + i) % weak.length]!;
        add(m.personId, goalReason(goal.title, m.strength));
      }
    }

    // An opportunity's next step, when due, is a follow-up with the first person involved.
    for (const o of await repos.career.dueOpportunities(addDays(today, horizonDays))) {
      const personId = o.person_ids[0];
      if (personId) add(personId, reminderReason(`${o.title}: ${o.next_step ?? 'next step'}`, `${o.due_on}T00:00:00.000Z`, true, now));
    }

    // Give before you ask: someone already on the list who has given you more than you gave them.
    const balances = await repos.exchanges.counts([...reasons.keys()]);
    for (const [personId, counts] of balances) {
      const b = balanceOf(counts);
      if (b.balance < 0) add(personId, giveReason(b.gave, b.asked + b.received));
    }

    for (const id of suppressed) reasons.delete(id);
    // Strength adds at most 5 points, so only people within 5 points of the n-th
    // best reason score can still make the list: compute strength for those alone.
    const byReasons = [...reasons.keys()].map((id) => ({ id, score: entryScore(reasons.get(id)!, 0) })).sort((a, b) => b.score - a.score);
    const cutoff = (byReasons[Math.min(n, byReasons.length) - 1]?.score ?? 0) - 5;
    const ids = byReasons.filter((c) => c.score >= cutoff).map((c) => c.id);
    const stats = await repos.contactStats.get(ids);
    const missingMetOn = ids.filter((id) => !metOn.has(id));
    for (const p of await repos.people.hydrate(missingMetOn)) metOn.set(p.id, p.metOn);
    const strength = new Map(ids.map((id) => [id, tieStrength(stats.get(id) ?? EMPTY_STATS, now, metOn.get(id) ?? null).score]));
    // Rank on scores first, then load full records only for the people shown.
    const top = ids
      .map((id) => ({ id, score: entryScore(reasons.get(id)!, strength.get(id)!) }))
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
      .slice(0, n);
    const people = await repos.people.hydrate(top.map((t) => t.id));
    const candidates: QueueCandidate[] = people
      .filter((p) => !p.archived)
      .map((p) => ({ personId: p.id, name: p.name, company: p.company, tier: p.tier, strength: strength.get(p.id)!, reasons: reasons.get(p.id)! }));
    return { day: today, timezone: zone, entries: rankQueue(candidates, n), reminders: standalone };
  }

  private async dormantTies(repos: Repositories, limit: number): Promise<DormantTie[]> {
    const settings = await repos.settings.all();
    const years = Number(settings['dormant.years'] ?? 3);
    const interests = (settings['me.interests'] ?? '').split(',').filter(Boolean);
    const now = this.ctx.now();
    // The most recently dormant few hundred are enough to rank: older silences are
    // found as these get reconnected.
    const candidates = await repos.queue.dormant(new Date(now.getTime() - years * 365.25 * DAY).toISOString(), 2, DORMANT_POOL);
    if (candidates.length === 0) return [];
    const ids = candidates.map((c) => c.id);
    const [stats, tags, industries] = await Promise.all([repos.contactStats.get(ids), repos.queue.tagsOf(ids), repos.queue.industriesOf(ids)]);
    const inputs = candidates.map((c) => ({
      personId: c.id,
      stats: stats.get(c.id) ?? EMPTY_STATS,
      metOn: c.metOn,
      fields: [...(tags.get(c.id) ?? []), ...(industries.get(c.id) ?? [])],
    }));
    return rankDormant(inputs, interests, now).slice(0, limit);
  }

  async dormant(limit?: number): Promise<DormantEntry[]> {
    const repos = readRepositories(this.ctx.store);
    const ties = await this.dormantTies(repos, parseLimit(limit, 20, 500));
    const people = new Map((await repos.people.hydrate(ties.map((t) => t.personId))).map((p) => [p.id, p]));
    return ties.map((t) => ({ ...t, person: people.get(t.personId)! }));
  }

  /** You reached out: logs it (a message unless told otherwise) and clears them for today. */
  async done(ref: string, options: { kind?: string; summary?: string } = {}): Promise<Person> {
    return inTransaction(this.ctx.store, async (repos) => {
      const id = await resolvePersonId(repos, ref);
      const now = this.ctx.now();
      await writeInteraction(repos, { kind: options.kind ?? 'message', with: [id], summary: options.summary ?? 'Reached out from today\'s queue', direction: 'outbound' }, now);
      await repos.queue.setAction(id, 'done', await this.endOfToday(repos, now), now.toISOString());
      return (await repos.people.hydrate([id]))[0]!;
    });
  }

  async snooze(ref: string, span: string): Promise<{ person: Person; until: string }> {
    const ms = parseSpan(span, 'duration');
    return inTransaction(this.ctx.store, async (repos) => {
      const id = await resolvePersonId(repos, ref);
      const now = this.ctx.now();
      const until = new Date(now.getTime() + ms).toISOString();
      await repos.queue.setAction(id, 'snooze', until, now.toISOString());
      return { person: (await repos.people.hydrate([id]))[0]!, until };
    });
  }

  /** Not today: back tomorrow if the reason still holds. */
  async skip(ref: string): Promise<{ person: Person; until: string }> {
    return inTransaction(this.ctx.store, async (repos) => {
      const id = await resolvePersonId(repos, ref);
      const now = this.ctx.now();
      const until = await this.endOfToday(repos, now);
      await repos.queue.setAction(id, 'skip', until, now.toISOString());
      return { person: (await repos.people.hydrate([id]))[0]!, until };
    });
  }

  private async endOfToday(repos: Repositories, now: Date): Promise<string> {
    const zone = await userTimeZone(repos);
    return endOfLocalDay(localDay(now, zone), zone).toISOString();
  }
}
