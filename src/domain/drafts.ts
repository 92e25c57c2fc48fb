import { invalid } from './errors.js';

/** Follow-up messages with the person's and the context's details filled in. */
export const DRAFT_TEMPLATES = {
  'after-event': { label: 'After an event', subject: 'Great to meet you at {event}', body: 'Hi {first},\n\nIt was great to meet you at {event}{topicClause}. I would love to keep in touch — are you up for a coffee or a short call in the next few weeks?\n\nBest,\n{me}' },
  'after-intro': { label: 'After an introduction', subject: 'Thanks for the introduction', body: 'Hi {first},\n\nThank you for the introduction{topicClause}. I have reached out and will let you know how it goes. If there is anything I can do for you in return, just say.\n\nBest,\n{me}' },
  'new-job': { label: 'Congratulations on a new job', subject: 'Congratulations on {company}!', body: 'Hi {first},\n\nI just saw that you started at {company}{titleClause} — congratulations! How are the first weeks going?\n\nBest,\n{me}' },
  reconnect: { label: 'Reconnecting after a long silence', subject: 'It has been a while', body: 'Hi {first},\n\nIt has been {since} since we last talked{topicClause}, and I was thinking of you. What are you working on these days? I would love to catch up.\n\nBest,\n{me}' },
  'thank-you': { label: 'Thank you', subject: 'Thank you', body: 'Hi {first},\n\nThank you{topicClause}. It made a real difference, and I will not forget it.\n\nBest,\n{me}' },
} as const;

export type DraftTemplate = keyof typeof DRAFT_TEMPLATES;

export interface DraftContext {
  first: string;
  name: string;
  company: string | null;
  title: string | null;
  me: string;
  event: string | null;
  topic: string | null;
  lastContactAt: string | null;
  now: Date;
}

function since(lastContactAt: string | null, now: Date): string {
  if (!lastContactAt) return 'too long';
  const months = Math.max(1, Math.round((now.getTime() - Date.parse(lastContactAt)) / (30 * 86_400_000)));
  return months >= 24 ? `${Math.round(months / 12)} years` : months === 1 ? 'a month' : `${months} months`;
}

export function renderDraft(template: string, c: DraftContext): { template: DraftTemplate; subject: string; body: string } {
  if (!(template in DRAFT_TEMPLATES)) throw invalid('template', template, `expected one of ${Object.keys(DRAFT_TEMPLATES).join(', ')}`);
  const t = DRAFT_TEMPLATES[template as DraftTemplate];
  const values: Record<string, string> = {
    first: c.first,
    name: c.name,
    company: c.company ?? 'your new company',
    me: c.me,
    event: c.event ?? 'the event',
    since: since(c.lastContactAt, c.now),
    topicClause: c.topic ? ` (${c.topic})` : '',
    titleClause: c.title ? ` as ${c.title}` : '',
  };
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
  return { template: template as DraftTemplate, subject: fill(t.subject), body: fill(t.body) };
}
