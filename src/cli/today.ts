import { Command } from 'commander';
import { printJson, table } from './output.js';
import { integer, withKith } from './runtime.js';

export function todayCommand(): Command {
  const today = new Command('today')
    .description("whom to contact today, and why")
    .option('--limit <n>', 'how many people (default 10)', integer)
    .action(async (opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const queue = await kith.today.queue(opts.limit);
        if (output.json) return printJson(output, queue);
        if (queue.entries.length === 0 && queue.reminders.length === 0) return output.out(`Nothing due today (${queue.day}). Enjoy the quiet.`);
        const lines = [`Today, ${queue.day} (${queue.timezone})`, ''];
        queue.entries.forEach((e, i) => {
          lines.push(`${String(i + 1).padStart(2)}. ${e.name}${e.company ? ` (${e.company})` : ''}  [strength ${e.strength}]`);
          for (const r of e.reasons) lines.push(`      - ${r.text}`);
          lines.push(`      → ${e.action}`);
        });
        if (queue.reminders.length) {
          lines.push('', 'Reminders');
          for (const r of queue.reminders) lines.push(`  - ${r.title}  (${r.id})`);
        }
        output.out(lines.join('\n'));
      });
    });
  today
    .command('done <ref>')
    .description('you reached out: logs it and clears them from today')
    .option('--kind <kind>', 'how you reached out (default message)')
    .option('--summary <text>')
    .action(async (ref: string, opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const person = await kith.today.done(ref, { kind: opts.kind, summary: opts.summary });
        if (output.json) printJson(output, person);
        else output.out(`Done: ${person.name}`);
      });
    });
  today
    .command('snooze <ref> <duration>')
    .description('hide someone from the queue for a while, such as 3d or 2w')
    .action(async (ref: string, duration: string, _opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const r = await kith.today.snooze(ref, duration);
        if (output.json) printJson(output, r);
        else output.out(`Snoozed ${r.person.name} until ${r.until.slice(0, 16).replace('T', ' ')} UTC`);
      });
    });
  today
    .command('skip <ref>')
    .description('not today; back tomorrow if still due')
    .action(async (ref: string, _opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const r = await kith.today.skip(ref);
        if (output.json) printJson(output, r);
        else output.out(`Skipped ${r.person.name} for today`);
      });
    });
  return today;
}

export function dormantCommand(): Command {
  return new Command('dormant')
    .description('ties silent for years that are worth reconnecting, best first')
    .option('--limit <n>', 'how many (default 20)', integer)
    .action(async (opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const ties = await kith.today.dormant(opts.limit);
        if (output.json) return printJson(output, ties);
        if (ties.length === 0) return output.out('No dormant ties (no one silent for the dormant period who had real contact before).');
        output.out(table(['NAME', 'COMPANY', 'SCORE', 'SILENT', 'PAST STRENGTH', 'WHY'], ties.map((t) => [t.person.name, t.person.company, t.score, `${t.yearsSilent}y`, t.pastStrength, t.why])));
      });
    });
}
