import { invalid, KithError, notFound } from '../domain/errors.js';
import { keyResultProgress, parseKeyResult, periodStart, type KeyResultProgress, type KeyResultSpec } from '../domain/goal.js';
import { parseDate } from '../domain/dates.js';
import { looksLikeId, newId } from '../domain/ids.js';
import type { GoalRow } from '../store/playbook-repository.js';
import { inTransaction, readRepositories, type Repositories } from '../store/repositories.js';
import { audienceMembers, resolveAudienceId } from './audience-service.js';
import type { ServiceContext } from './context.js';

export interface Goal {
  id: string;
  title: string;
  why: string | null;
  targetDate: string | null;
  status: string;
  createdAt: string;
  doneAt: string | null;
  audience: { id: string; name: string } | null;
  keyResults: KeyResultProgress[];
  /** Mean progress of the key results, 0 to 1. */
  progress: number;
}

export interface GoalDraft {
  title: string;
  why?: string | null;
  by?: string | null;
  keyResults?: string[];
  audience?: string | null;
}

export async function resolveGoalId(repos: Repositories, ref: string): Promise<string> {
  const text = ref.trim();
  if (looksLikeId(text) && (await repos.playbook.goals({ ids: [text.toLowerCase()] })).length) return text.toLowerCase();
  const ids = await repos.playbook.goalIdsByTitle(text);
  if (ids.length === 0) throw notFound('goal', ref);
  return ids[0]!;
}

/** Career goals with key results whose progress is counted from the data, never typed in. */
export class GoalService {
  constructor(private readonly ctx: ServiceContext) {}

  async add(draft: GoalDraft): Promise<Goal> {
    const title = typeof draft.title === 'string' ? draft.title.trim() : '';
    if (!title || title.length > 300) throw invalid('title', draft.title, 'a goal needs a title of 1 to 300 characters');
    const krs: KeyResultSpec[] = (draft.keyResults ?? []).map(parseKeyResult);
    const targetDate = draft.by ? parseDate(draft.by, 'by', this.ctx.now()) : null;
    const id = newId();
    await inTransaction(this.ctx.store, async (repos) => {
      const audienceId = draft.audience ? await resolveAudienceId(repos, draft.audience) : null;
      await repos.playbook.insertGoal({ id, title, why: draft.why?.trim() || null, targetDate, audienceId, now: this.ctx.now().toISOString(), keyResults: krs.map((k) => ({ id: newId(), ...k })) });
    });
    return this.show(id);
  }

  async list(status?: string): Promise<Goal[]> {
    const repos = readRepositories(this.ctx.store);
    return Promise.all((await repos.playbook.goals({ status })).map((g) => this.withProgress(repos, g)));
  }

  async show(ref: string): Promise<Goal> {
    const repos = readRepositories(this.ctx.store);
    const [goal] = await repos.playbook.goals({ ids: [await resolveGoalId(repos, ref)] });
    return this.withProgress(repos, goal!);
  }

  async done(ref: string): Promise<Goal> {
    const repos = readRepositories(this.ctx.store);
    const id = await resolveGoalId(repos, ref);
    await repos.playbook.setGoalStatus(id, 'done', this.ctx.now().toISOString());
    return this.show(id);
  }

  async link(ref: string, audienceRef: string | null): Promise<Goal> {
    const repos = readRepositories(this.ctx.store);
    const id = await resolveGoalId(repos, ref);
    await repos.playbook.setGoalAudience(id, audienceRef ? await resolveAudienceId(repos, audienceRef) : null);
    return this.show(id);
  }

  private async withProgress(repos: Repositories, g: GoalRow): Promise<Goal> {
    const now = this.ctx.now();
    const [audience] = g.audienceId ? await repos.playbook.audiences([g.audienceId]) : [];
    const needsMembers = g.keyResults.length > 0;
    const members = needsMembers ? await audienceMembers(this.ctx, repos, audience?.filter ?? null) : [];
    const ids = audience ? members.map((m) => m.personId) : null;
    const keyResults: KeyResultProgress[] = [];
    for (const kr of g.keyResults) {
      const spec = { metric: kr.metric, target: kr.target, period: kr.period } as KeyResultSpec;
      const since = periodStart(spec, g.createdAt, now);
      let current: number;
      if (spec.metric === 'meet') {
        // Met: first contact, or a met-on date, inside the period.
        current = members.filter((m) => (m.firstAt !== null && m.firstAt >= since) || (m.metOn !== null && m.metOn >= since.slice(0, 10))).length;
      } else {
        current = await repos.playbook.countInteractions(ids, since, spec.metric === 'introductions' ? 'intro' : undefined);
      }
      keyResults.push(keyResultProgress(kr.id, spec, current));
    }
    if (g.status !== 'active' && g.status !== 'done') throw new KithError('internal', 'bad_goal_status', `goal ${g.id} has status ${g.status}`);
    return {
      id: g.id,
      title: g.title,
      why: g.why,
      targetDate: g.targetDate,
      status: g.status,
      createdAt: g.createdAt,
      doneAt: g.doneAt,
      audience: audience ? { id: audience.id, name: audience.name } : null,
      keyResults,
      progress: keyResults.length ? Math.round((keyResults.reduce((s, k) => s + k.fraction, 0) / keyResults.length) * 100) / 100 : 0,
    };
  }
}
