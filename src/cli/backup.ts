import { Command } from 'commander';
import { printJson } from './output.js';
import { withProgress } from './progress.js';
import { withKith } from './runtime.js';

export function backupCommand(): Command {
  return new Command('backup')
    .description('write everything to one JSON file')
    .argument('<file>')
    .action(async (file: string, _opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const summary = await withProgress((update) => kith.backups.backup(file, update));
        if (output.json) printJson(output, summary);
        else output.out(`Wrote ${file}: ${Object.values(summary.tables).reduce((a, b) => a + b, 0)} rows`);
      });
    });
}

export function restoreCommand(): Command {
  return new Command('restore')
    .description('restore a backup into an empty database (all or nothing)')
    .argument('<file>')
    .action(async (file: string, _opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const summary = await withProgress((update) => kith.backups.restore(file, update));
        if (output.json) printJson(output, summary);
        else output.out(`Restored ${file}: ${summary.tables.person ?? 0} people, ${summary.tables.interaction ?? 0} interactions`);
      });
    });
}
