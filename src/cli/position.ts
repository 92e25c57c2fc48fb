import { Command } from 'commander';
import type { Position } from '../domain/organization.js';
import { printJson, table } from './output.js';
import { withKith } from './runtime.js';

function positionTable(positions: Position[]): string {
  return table(['ORGANIZATION', 'TITLE', 'START', 'END', 'ID'], positions.map((p) => [p.organization, p.title, p.startDate, p.endDate ?? 'now', p.id]));
}

export function positionCommand(): Command {
  const position = new Command('position').description("a person's roles at organizations over time");
  position
    .command('add <ref>')
    .description('record a role, current unless it has an end date')
    .requiredOption('--org <organization>', 'the organization (created if new)')
    .option('--title <title>')
    .option('--start <date>', 'YYYY-MM-DD')
    .option('--end <date>', 'YYYY-MM-DD')
    .action(async (ref: string, opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const p = await kith.positions.add(ref, { organization: opts.org, title: opts.title, start: opts.start, end: opts.end });
        if (output.json) printJson(output, p);
        else output.out(`Added ${[p.title, p.organization].filter(Boolean).join(' at ')} (${p.id})`);
      });
    });
  position
    .command('ls <ref>')
    .description("a person's positions, current first")
    .action(async (ref: string, _opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const list = await kith.positions.list(ref);
        if (output.json) return printJson(output, list);
        output.out(list.length ? positionTable(list) : 'No positions yet.');
      });
    });
  position
    .command('end <id>')
    .description('end a position (today unless --on)')
    .option('--on <date>', 'YYYY-MM-DD')
    .action(async (id: string, opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const p = await kith.positions.end(id, opts.on);
        if (output.json) printJson(output, p);
        else output.out(`Ended ${p.organization} on ${p.endDate}`);
      });
    });
  position
    .command('rm <id>')
    .description('delete a position')
    .action(async (id: string, _opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const p = await kith.positions.remove(id);
        if (output.json) printJson(output, p);
        else output.out(`Deleted ${p.organization} position ${p.id}`);
      });
    });
  return position;
}
