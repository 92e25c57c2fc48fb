import { Command } from 'commander';
import { RELATIONSHIP_KINDS } from '../domain/vocabulary.js';
import { printJson, table } from './output.js';
import { withKith } from './runtime.js';

export function linkCommand(): Command {
  const link = new Command('link')
    .description(`link two people: ${RELATIONSHIP_KINDS.map((k) => k.replace('_', '-')).join(', ')}`)
    .argument('[from]', 'a person')
    .argument('[kind]', 'how they relate, such as colleague or mentor-of')
    .argument('[to]', 'another person')
    .action(async (from: string | undefined, kind: string | undefined, to: string | undefined, _opts, command: Command) => {
      if (!from || !kind || !to) command.error('error: usage: kith link <ref> <kind> <ref>', { exitCode: 2, code: 'kith.usage' });
      await withKith(command, async (kith, output) => {
        const r = await kith.relationships.link(from!, kind!, to!);
        if (output.json) printJson(output, r);
        else output.out(`Linked: ${r.from.name} ${r.kind.replace('_', ' ')} ${r.to.name} (${r.id})`);
      });
    });
  link
    .command('ls <ref>')
    .description("a person's relationships")
    .action(async (ref: string, _opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const list = await kith.relationships.list(ref);
        if (output.json) return printJson(output, list);
        output.out(list.length ? table(['FROM', 'KIND', 'TO', 'ID'], list.map((r) => [r.from.name, r.kind.replace('_', '-'), r.to.name, r.id])) : 'No relationships yet.');
      });
    });
  link
    .command('rm <id>')
    .description('remove a relationship')
    .action(async (id: string, _opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        await kith.relationships.unlink(id);
        if (output.json) printJson(output, { id, removed: true });
        else output.out(`Removed relationship ${id}`);
      });
    });
  return link;
}
