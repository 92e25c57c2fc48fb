import { Command } from 'commander';
import { INTERACTION_KINDS } from '../domain/vocabulary.js';
import { interactionLine, printJson } from './output.js';
import { collect, integer, withKith } from './runtime.js';

/** The options an interaction is described with, when it is logged and when it is corrected. */
function describedBy(cmd: Command, correcting: boolean): Command {
  const clears = correcting ? ' ("" clears it)' : '';
  return cmd
    .option('--at <date>', `when: YYYY-MM-DD, YYYY-MM-DDTHH:MM, "yesterday" or "3 days ago"${correcting ? '' : ' (default now)'}`)
    .option('--summary <text>', `what it was about${clears}`)
    .option('--direction <direction>', 'outbound, inbound or mutual')
    .option('--duration <minutes>', `how long, such as 30 or 1.5h${clears}`);
}

export function logCommand(): Command {
  const cmd = new Command('log')
    .description(`log an interaction: ${INTERACTION_KINDS.join(', ')}`)
    .argument('<kind>', 'what kind of interaction')
    .option('--with <ref>', 'who took part (repeatable)', collect);
  return describedBy(cmd, false)
    .action(async (kind: string, opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const logged = await kith.interactions.log({ kind, with: opts.with ?? [], at: opts.at, summary: opts.summary, direction: opts.direction, duration: opts.duration });
        if (output.json) printJson(output, logged);
        else output.out(`Logged ${interactionLine(logged)}`);
      });
    });
}

export function interactionsCommand(): Command {
  const cmd = new Command('interactions').description('list, correct and remove interactions');
  cmd
    .command('ls [ref]')
    .description('recent interactions, all or with one person')
    .option('--limit <n>', 'at most this many', integer)
    .action(async (ref: string | undefined, opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const list = await kith.interactions.list(ref, opts.limit);
        if (output.json) return printJson(output, list);
        output.out(list.length ? list.map((i) => `${interactionLine(i)}  (${i.id})`).join('\n') : 'No interactions yet.');
      });
    });
  describedBy(
    cmd
      .command('edit <id>')
      .description('correct an interaction: its kind, time, summary, direction, duration or people')
      .option('--kind <kind>', `one of ${INTERACTION_KINDS.join(', ')}`)
      .option('--with <ref>', 'who took part, replacing who was named before (repeatable)', collect),
    true,
  )
    .action(async (id: string, opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const edited = await kith.interactions.edit(id, { kind: opts.kind, with: opts.with, at: opts.at, summary: opts.summary, direction: opts.direction, duration: opts.duration });
        if (output.json) printJson(output, edited);
        else output.out(`Changed ${interactionLine(edited)}`);
      });
    });
  cmd
    .command('rm <id>')
    .description('delete an interaction')
    .action(async (id: string, _opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const removed = await kith.interactions.remove(id);
        if (output.json) printJson(output, removed);
        else output.out(`Deleted ${interactionLine(removed)}`);
      });
    });
  return cmd;
}
