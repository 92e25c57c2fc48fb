import { Command } from 'commander';
import { printJson } from './output.js';
import { integer, withKith } from './runtime.js';

export function dupesCommand(): Command {
  const dupes = new Command('dupes')
    .description('probable duplicates to review (never merged automatically)')
    .option('--limit <n>', 'at most this many pairs (default 50)', integer)
    .action(async (opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const pairs = await kith.duplicates.list(opts.limit);
        if (output.json) return printJson(output, pairs);
        if (pairs.length === 0) return output.out('No probable duplicates.');
        const lines: string[] = [];
        for (const p of pairs) {
          const [a, b] = p.people;
          lines.push(`${p.score.toFixed(2)}  ${a.name} (${[a.company, a.emails[0]].filter(Boolean).join(', ') || a.id})  ~  ${b.name} (${[b.company, b.emails[0]].filter(Boolean).join(', ') || b.id})`);
          lines.push(`      ${p.evidence.join('; ')}`);
          lines.push(`      kith merge ${a.id} ${b.id}   |   kith dupes dismiss ${a.id} ${b.id}`);
        }
        output.out(lines.join('\n'));
      });
    });
  dupes
    .command('dismiss <a> <b>')
    .description('remember that two people are not the same')
    .action(async (a: string, b: string, _opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        await kith.duplicates.dismiss(a, b);
        if (output.json) printJson(output, { dismissed: true });
        else output.out('Dismissed.');
      });
    });
  return dupes;
}

export function mergeCommand(): Command {
  return new Command('merge')
    .description('merge the second person into the first, losing nothing')
    .argument('<keep>', 'the person to keep')
    .argument('<other>', 'the person merged into them and then removed')
    .action(async (keep: string, other: string, _opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const merged = await kith.duplicates.merge(keep, other);
        if (output.json) printJson(output, merged);
        else output.out(`Merged into ${merged.name} (${merged.id})`);
      });
    });
}
