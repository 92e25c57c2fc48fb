import { Command } from 'commander';
import { noteLine, printJson } from './output.js';
import { collect, integer, withKith } from './runtime.js';

export function noteCommand(): Command {
  const note = new Command('note').description('Markdown notes about people, or standalone');
  note
    .command('add <text...>')
    .description('add a note')
    .option('--about <ref>', 'who the note is about (repeatable)', collect)
    .action(async (text: string[], opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const created = await kith.notes.add(text.join(' '), opts.about ?? []);
        if (output.json) printJson(output, created);
        else output.out(`Added note ${created.id}`);
      });
    });
  note
    .command('ls')
    .description('recent notes, all or about one person')
    .option('--about <ref>', 'only notes about this person')
    .option('--limit <n>', 'at most this many', integer)
    .action(async (opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const notes = await kith.notes.list(opts.about, opts.limit);
        if (output.json) return printJson(output, notes);
        output.out(notes.length ? notes.map(noteLine).join('\n') : 'No notes yet.');
      });
    });
  note
    .command('rm <id>')
    .description('delete a note')
    .action(async (id: string, _opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const removed = await kith.notes.remove(id);
        if (output.json) printJson(output, removed);
        else output.out(`Deleted note ${removed.id}`);
      });
    });
  return note;
}
