import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { cannotWrite } from '../services/file-writer.js';
import { printJson } from './output.js';
import { withProgress } from './progress.js';
import { withKith } from './runtime.js';

export function calendarCommand(): Command {
  const calendar = new Command('calendar').description('calendar feeds for your calendar app');
  calendar
    .command('export')
    .description('write reminders, follow-ups and birthdays as an iCalendar file')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const ics = await kith.calendar.export();
        if (!opts.out) return output.out(ics.trimEnd());
        try {
          writeFileSync(opts.out, ics);
        } catch (error) {
          throw cannotWrite(opts.out, error);
        }
        if (output.json) printJson(output, { file: opts.out, bytes: Buffer.byteLength(ics) });
        else output.out(`Wrote ${opts.out}`);
      });
    });
  return calendar;
}

export function digestCommand(): Command {
  return new Command('digest')
    .description('the week ahead: people coming due, reminders, birthdays, dormant ties')
    .option('--format <format>', 'md or html', 'md')
    .action(async (opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        if (output.json) return printJson(output, await kith.digest.build());
        output.out((await kith.digest.render(opts.format)).trimEnd());
      });
    });
}

export function strengthCommand(): Command {
  const strength = new Command('strength').description('tie strength, 0 to 100 (see docs/scoring.md)');
  strength
    .command('show <ref>')
    .description("a person's tie strength and its parts")
    .action(async (ref: string, _opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const s = await kith.strength.forPerson(ref);
        if (output.json) return printJson(output, s);
        output.out([`Tie strength ${s.score}/100`, ...s.parts.map((p) => `  ${p.component.padEnd(12)}${String(p.points).padStart(5)}  ${p.explanation}`)].join('\n'));
      });
    });
  strength
    .command('recompute')
    .description('rebuild every tie strength from the interactions (after a repair or restore)')
    .action(async (_opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const r = await withProgress((update) => kith.strength.recomputeAll(update));
        if (output.json) printJson(output, r);
        else output.out(`Recomputed ${r.people} people from ${r.interactions} participations`);
      });
    });
  return strength;
}
