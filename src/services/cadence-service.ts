import { cadenceState, DEFAULT_CADENCE_DAYS, effectiveCadence, MAX_FACTOR, parseCadenceDays, type CadenceOverride, type CadenceState } from '../domain/cadence.js';
import { invalid, notFound } from '../domain/errors.js';
import type { Person } from '../domain/person.js';
import { normalizeTag } from '../domain/tags.js';
import { parseTier } from '../domain/person.js';
import { TIERS } from '../domain/vocabulary.js';
import { inTransaction, readRepositories, type Repositories } from '../store/repositories.js';
import type { ServiceContext } from './context.js';
import { resolvePersonId } from './person-refs.js';

export interface CadenceTarget {
  tier?: string;
  tag?: string;
  person?: string;
}

export interface CadenceRule extends CadenceOverride {
  /** For a person rule, their name. */
  label: string;
  isDefault: boolean;
}

export async function cadenceStateOf(repos: Repositories, person: Person, now: Date, overrides?: CadenceOverride[]): Promise<CadenceState> {
  const rules = overrides ?? (await repos.cadences.list());
  const own = rules.find((o) => o.scope === 'person' && o.target === person.id);
  return cadenceState(effectiveCadence(person.tier, person.tags, own, rules), person.lastContactAt, person.metOn ?? person.createdAt, now);
}

export class CadenceService {
  constructor(private readonly ctx: ServiceContext) {}

  private async target(repos: Repositories, target: CadenceTarget): Promise<{ scope: CadenceOverride['scope']; key: string }> {
    const given = [target.tier, target.tag, target.person].filter((x) => x !== undefined);
    if (given.length !== 1) throw invalid('cadence', given.join(' '), 'name exactly one of --tier, --tag or --person');
    if (target.tier !== undefined) {
      const tier = parseTier(target.tier);
      if (!tier) throw invalid('tier', target.tier, `expected one of ${TIERS.join(', ')}`);
      return { scope: 'tier', key: tier };
    }
    if (target.tag !== undefined) return { scope: 'tag', key: normalizeTag(target.tag) };
    return { scope: 'person', key: await resolvePersonId(repos, target.person!) };
  }

  /** Sets how often to be in touch; "none" means never remind. */
  async set(target: CadenceTarget, every: string, max?: string): Promise<CadenceRule> {
    const idealDays = parseCadenceDays(every, 'every');
    const maxDays = max === undefined ? null : parseCadenceDays(max, 'max');
    if (idealDays !== null && maxDays !== null && maxDays < idealDays) throw invalid('max', max, 'must be at least the ideal interval');
    return inTransaction(this.ctx.store, async (repos) => {
      const { scope, key } = await this.target(repos, target);
      await repos.cadences.set({ scope, target: key, idealDays, maxDays });
      return (await this.rules(repos)).find((r) => r.scope === scope && r.target === key)!;
    });
  }

  async reset(target: CadenceTarget): Promise<void> {
    await inTransaction(this.ctx.store, async (repos) => {
      const { scope, key } = await this.target(repos, target);
      if (!(await repos.cadences.remove(scope, key))) throw notFound('cadence', `${scope} ${target.tier ?? target.tag ?? target.person}`);
    });
  }

  async list(): Promise<CadenceRule[]> {
    return this.rules(readRepositories(this.ctx.store));
  }

  private async rules(repos: Repositories): Promise<CadenceRule[]> {
    const overrides = await repos.cadences.list();
    const tiers: CadenceRule[] = TIERS.map((tier) => {
      const o = overrides.find((r) => r.scope === 'tier' && r.target === tier);
      const ideal = o ? o.idealDays : DEFAULT_CADENCE_DAYS[tier];
      return { scope: 'tier', target: tier, idealDays: ideal, maxDays: ideal === null ? null : (o?.maxDays ?? Math.round(ideal * MAX_FACTOR)), label: tier, isDefault: !o };
    });
    const people = overrides.filter((o) => o.scope === 'person');
    const names = new Map((await repos.people.hydrate(people.map((p) => p.target))).map((p) => [p.id, p.name]));
    const rest = overrides
      .filter((o) => o.scope !== 'tier')
      .map((o) => ({ ...o, maxDays: o.idealDays === null ? null : (o.maxDays ?? Math.round(o.idealDays * MAX_FACTOR)), label: o.scope === 'person' ? (names.get(o.target) ?? o.target) : o.target, isDefault: false }));
    return [...tiers, ...rest];
  }

  async status(ref: string): Promise<CadenceState> {
    const repos = readRepositories(this.ctx.store);
    const id = await resolvePersonId(repos, ref, { includeArchived: true });
    const [person] = await repos.people.hydrate([id]);
    return cadenceStateOf(repos, person!, this.ctx.now());
  }
}
