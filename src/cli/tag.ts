import { Command } from 'commander';
import { printJson, table } from './output.js';
import { withKith } from './runtime.js';

export function tagCommand(): Command {
  const tag = new Command('tag').description('tags on people');
  tag
    .command('ls')
    .description('every tag with how many people carry it')
    .action(async (_opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const tags = await kith.tags.list();
        if (output.json) return printJson(output, tags);
        output.out(tags.length ? table(['TAG', 'PEOPLE'], tags.map((t) => [t.name, t.people])) : 'No tags yet.');
      });
    });
  tag
    .command('add <ref> <tags...>')
    .description('tag a person')
    .action(async (ref: string, tags: string[], _opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const person = await kith.tags.tag(ref, tags);
        if (output.json) printJson(output, person);
        else output.out(`${person.name}: ${person.tags.join(', ')}`);
      });
    });
  tag
    .command('remove <ref> <tags...>')
    .alias('untag')
    .description("take tags off a person")
    .action(async (ref: string, tags: string[], _opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const person = await kith.tags.untag(ref, tags);
        if (output.json) printJson(output, person);
        else output.out(`${person.name}: ${person.tags.join(', ') || '(no tags)'}`);
      });
    });
  tag
    .command('rename <from> <to>')
    .description('rename a tag everywhere (onto an existing tag, merges them)')
    .action(async (from: string, to: string, _opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const result = await kith.tags.rename(from, to);
        if (output.json) printJson(output, result);
        else output.out(`Renamed ${result.from} to ${result.to} on ${result.people} people`);
      });
    });
  tag
    .command('rm <tag>')
    .description('delete a tag from everyone')
    .action(async (name: string, _opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const result = await kith.tags.remove(name);
        if (output.json) printJson(output, result);
        else output.out(`Deleted tag ${result.tag} from ${result.people} people`);
      });
    });
  return tag;
}
