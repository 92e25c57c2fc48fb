import { DRAFT_TEMPLATES, renderDraft, type DraftTemplate } from '../domain/drafts.js';
import { readRepositories } from '../store/repositories.js';
import type { ServiceContext } from './context.js';
import { resolvePersonId } from './person-refs.js';

/** Follow-up messages drafted from templates, filled in from what Kith knows. */
export class DraftService {
  constructor(private readonly ctx: ServiceContext) {}

  templates(): Array<{ template: DraftTemplate; label: string }> {
    return (Object.keys(DRAFT_TEMPLATES) as DraftTemplate[]).map((template) => ({ template, label: DRAFT_TEMPLATES[template].label }));
  }

  async draft(template: string, ref: string, context: { event?: string | null; topic?: string | null } = {}): Promise<{ template: DraftTemplate; subject: string; body: string; to: string | null }> {
    const repos = readRepositories(this.ctx.store);
    const [person] = await repos.people.hydrate([await resolvePersonId(repos, ref, { includeArchived: true })]);
    const me = (await repos.settings.get('me.name')) ?? 'Me';
    // Without an event named, the last event you both went to.
    let event = context.event ?? null;
    if (!event && template === 'after-event') event = (await repos.events.lastWith(person!.id))?.name ?? null;
    const p = person!;
    const rendered = renderDraft(template, { first: p.nickname ?? p.givenName ?? p.name.split(' ')[0]!, name: p.name, company: p.company, title: p.title, me, event, topic: context.topic ?? null, lastContactAt: p.lastContactAt, now: this.ctx.now() });
    return { ...rendered, to: p.emails[0] ?? null };
  }
}
