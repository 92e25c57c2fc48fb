import { Command } from 'commander';
import { printJson } from './output.js';
import { withKith } from './runtime.js';

export function exportCommand(): Command {
  return new Command('export')
    .description('write people as vCard or CSV (all, or those matching the filters)')
    .argument('<format>', 'vcard or csv')
    .option('--version <n>', 'vCard version, 3 or 4', '4')
    .option('--tag <tag>')
    .option('--org <organization>')
    .option('--tier <tier>')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (format: string, opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const filter = { tag: opts.tag, organization: opts.org, tier: opts.tier };
        const count = await kith.exports.write(format, filter, opts.out ? { file: opts.out } : { write: (chunk) => process.stdout.write(chunk) }, opts.version);
        if (opts.out) {
          if (output.json) printJson(output, { file: opts.out, people: count });
          else output.out(`Wrote ${count} people to ${opts.out}`);
        }
      });
    });
}
