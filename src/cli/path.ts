import { Command } from 'commander';
import { printJson } from './output.js';
import { integer, withKith } from './runtime.js';

export function pathCommand(): Command {
  return new Command('path')
    .description('warm introduction paths from you to a person, an organization or an audience (1 to 3 hops, with evidence)')
    .argument('<target>', 'a person, an organization or an audience')
    .option('--limit <n>', 'at most this many paths', integer)
    .action(async (target: string, opts: { limit?: number }, command: Command) => {
      await withKith(command, async (kith, output) => {
        const r = await kith.network.paths(target, opts.limit ?? 10);
        if (output.json) return printJson(output, r);
        if (r.paths.length === 0) return output.out(`No warm path to ${target} yet: nobody you know is connected to them in Kith.`);
        const lines: string[] = [];
        for (const p of r.paths) {
          lines.push(`${p.score.toFixed(2)}  you > ${p.hops.map((h) => h.to.name).join(' > ')}`);
          for (const h of p.hops) lines.push(`      ${h.from ? h.from.name : 'you'} → ${h.to.name}: ${h.evidence.join('; ')}`);
        }
        output.out(lines.join('\n'));
      });
    });
}
