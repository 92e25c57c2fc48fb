import { invalid } from '../domain/errors.js';
import type { Reminder } from '../domain/reminder.js';
import type { QueueEntry } from '../domain/today-queue.js';
import { readRepositories } from '../store/repositories.js';
import type { ServiceContext } from './context.js';
import { TodayService, type DormantEntry } from './today-service.js';

export interface WeeklyDigest {
  from: string;
  to: string;
  people: QueueEntry[];
  reminders: Reminder[];
  dormant: DormantEntry[];
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The week ahead: who comes due, reminders and birthdays, and a few dormant ties. */
export class DigestService {
  private readonly today: TodayService;

  constructor(private readonly ctx: ServiceContext) {
    this.today = new TodayService(ctx);
  }

  async build(): Promise<WeeklyDigest> {
    const queue = await this.today.queue(50, 7);
    const repos = readRepositories(this.ctx.store);
    const end = new Date(this.ctx.now().getTime() + 8 * 86_400_000).toISOString();
    const reminders = await repos.reminders.openDueBefore(end, 100);
    const to = new Date(Date.parse(queue.day + 'T00:00:00Z') + 6 * 86_400_000).toISOString().slice(0, 10);
    return { from: queue.day, to, people: queue.entries, reminders, dormant: await this.today.dormant(3) };
  }

  async render(format: string): Promise<string> {
    if (format !== 'md' && format !== 'html') throw invalid('format', format, 'expected md or html');
    const d = await this.build();
    const sections: Array<[string, string[]]> = [
      ['People to contact', d.people.map((e) => `**${e.name}**${e.company ? ` (${e.company})` : ''}: ${e.reasons.map((r) => r.text).join('; ')}. ${e.action}.`)],
      ['Reminders', d.reminders.map((r) => `${r.dueAt.slice(0, 16).replace('T', ' ')} UTC: ${r.title}${r.person ? ` (${r.person.name})` : ''}`)],
      ['Dormant ties worth reconnecting', d.dormant.map((t) => `**${t.person.name}**: silent for ${t.yearsSilent} years; ${t.why}`)],
    ];
    if (format === 'md') {
      const out = [`# Kith: the week of ${d.from} to ${d.to}`, ''];
      for (const [title, items] of sections) {
        out.push(`## ${title}`, '', ...(items.length ? items.map((i) => `- ${i}`) : ['- Nothing this week.']), '');
      }
      return out.join('\n');
    }
    const html = (s: string) => escapeHtml(s).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>');
    const body = sections
      .map(([title, items]) => `<h2>${escapeHtml(title)}</h2>\n<ul>\n${(items.length ? items : ['Nothing this week.']).map((i) => `  <li>${html(i)}</li>`).join('\n')}\n</ul>`)
      .join('\n');
    return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Kith: the week of ${d.from}</title></head>\n<body>\n<h1>Kith: the week of ${d.from} to ${d.to}</h1>\n${body}\n</body></html>\n`;
  }
}
