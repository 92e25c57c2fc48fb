import { Command } from 'commander';
import { IMPORT_FORMATS } from '../services/import-service.js';
import { printJson } from './output.js';
import { withProgress } from './progress.js';
import { integer, withKith } from './runtime.js';

export function importCommand(): Command {
  return new Command('import')
    .description(`bring people in: ${IMPORT_FORMATS.join(', ')} (a file, or a folder of them)`)
    .argument('<format>', `${IMPORT_FORMATS.join(', ')} or auto (tell from the file)`)
    .argument('<path>', 'file or folder')
    .option('--dry-run', 'report what would happen without writing anything')
    .option('--new-people <who>', 'mail: two-way (default: those you wrote to and heard from), all or none; ical: none (default: events with nobody you know are skipped) or all')
    .option('--since <date>', 'ical: the first day to take events from (default: two years ago)')
    .option('--max-attendees <n>', 'ical: skip events with more attendees than this (default 20)', integer)
    .action(async (format: string, path: string, opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const options = {
          dryRun: opts.dryRun,
          newPeople: opts.newPeople,
          since: opts.since,
          maxAttendees: opts.maxAttendees,
        };
        const report = await withProgress((update) => kith.imports.run(format, path, options, update));
        if (output.json) return printJson(output, report);
        const lines = [
          `${report.dryRun ? 'Dry run: would have ' : ''}${report.dryRun ? 'created' : 'Created'} ${report.created}, updated ${report.updated}, merged ${report.merged}, skipped ${report.skipped}, failed ${report.failed} (${report.records} ${report.records === 1 ? 'record' : 'records'})`,
          ...report.failures.slice(0, 50).map((f) => `  ${f.file}:${f.line}: ${f.reason}`),
        ];
        if (report.failures.length > 50) lines.push(`  … and ${report.failed - 50} more (use --json for all)`);
        lines.push(...report.notes.map((n) => `note: ${n}`));
        if (report.warnings.length) lines.push(`${report.warnings.length} ${report.warnings.length === 1 ? 'value could not be normalised and was' : 'values could not be normalised and were'} kept as custom fields (use --json to list them)`);
        output.out(lines.join('\n'));
      });
    });
}
