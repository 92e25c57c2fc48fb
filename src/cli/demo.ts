import { Command } from 'commander';
import { printJson } from './output.js';
import { withProgress } from './progress.js';
import { integer, withKith } from './runtime.js';

export function demoCommand(): Command {
  return new Command('demo')
    .description('fill an empty database with a realistic, reproducible demo network')
    .option('--people <n>', 'how many people (default 500)', integer)
    .option('--interactions <n>', 'how many interactions (default 10 per person)', integer)
    .option('--seed <seed>', 'the same seed gives the same network (default "kith")')
    .action(async (opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const summary = await withProgress((update) => kith.demo.generate({ people: opts.people, interactions: opts.interactions, seed: opts.seed }, update));
        if (output.json) printJson(output, summary);
        else output.out(`Created a demo network of ${summary.people} people and ${summary.interactions} interactions (seed ${JSON.stringify(summary.seed)}) in ${summary.seconds}s`);
      });
    });
}
