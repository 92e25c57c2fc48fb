import { Command } from 'commander';
import type { Reminder } from '../domain/reminder.js';
import { printJson, table } from './output.js';
import { integer, withKith } from './runtime.js';

function reminderTable(list: Reminder[]): string {
  return table(
    ['DUE (UTC)', 'TITLE', 'ABOUT', 'REPEATS', 'STATE', 'ID'],
    list.map((r) => [r.dueAt.slice(0, 16).replace('T', ' '), r.title, r.person?.name, r.rrule, r.doneAt ? 'done' : r.snoozedUntil ? `snoozed to ${r.snoozedUntil.slice(0, 10)}` : 'open', r.id]),
  );
}

export function remindCommand(): Command {
  const remind = new Command('remind').description('one-time and recurring reminders, in your time zone');
  remind
    .command('add <text...>')
    .description('add a reminder')
    .option('--about <ref>', 'the person it concerns')
    .option('--at <when>', 'YYYY-MM-DD or "YYYY-MM-DD HH:MM" in your time zone (default 09:00)')
    .option('--in <duration>', 'from now, such as 2d, 3h or 1w')
    .option('--rrule <rule>', 'repeat by an RFC 5545 rule, such as FREQ=WEEKLY;BYDAY=MO')
    .option('--follow-up', 'a follow-up with the person, shown as such in today')
    .action(async (text: string[], opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const r = await kith.reminders.add({ title: text.join(' '), about: opts.about, at: opts.at, in: opts.in, rrule: opts.rrule, kind: opts.followUp ? 'follow_up' : 'reminder' });
        if (output.json) return printJson(output, r);
        output.out(`Reminder ${r.id} due ${r.dueAt.slice(0, 16).replace('T', ' ')} UTC${r.rrule ? `, repeating ${r.rrule}` : ''}`);
        // A year typed wrong (2025 for 2026) would otherwise only show as an old item on Today.
        if (Date.parse(r.dueAt) < Date.now()) output.err('note: that is in the past, so it is due now');
      });
    });
  remind
    .command('ls')
    .description('open reminders, soonest first')
    .option('--about <ref>', 'only about this person')
    .option('--all', 'include done reminders')
    .option('--limit <n>', 'at most this many', integer)
    .action(async (opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const list = await kith.reminders.list({ about: opts.about, all: opts.all, limit: opts.limit });
        if (output.json) return printJson(output, list);
        output.out(list.length ? reminderTable(list) : 'No reminders.');
      });
    });
  remind
    .command('done <id>')
    .description('mark done; a recurring reminder moves to its next occurrence')
    .action(async (id: string, _opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const r = await kith.reminders.done(id);
        if (output.json) printJson(output, r);
        else output.out(r.doneAt ? `Done: ${r.title}` : `Done; next ${r.dueAt.slice(0, 16).replace('T', ' ')} UTC`);
      });
    });
  remind
    .command('snooze <id> <duration>')
    .description('put a reminder off, such as 1d or 2h')
    .action(async (id: string, duration: string, _opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const r = await kith.reminders.snooze(id, duration);
        if (output.json) printJson(output, r);
        else output.out(`Snoozed until ${r.snoozedUntil!.slice(0, 16).replace('T', ' ')} UTC`);
      });
    });
  remind
    .command('rm <id>')
    .description('delete a reminder')
    .action(async (id: string, _opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const r = await kith.reminders.remove(id);
        if (output.json) printJson(output, r);
        else output.out(`Deleted reminder ${r.id}`);
      });
    });
  return remind;
}
