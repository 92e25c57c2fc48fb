import { Command } from 'commander';
import { printJson, table } from './output.js';
import { withKith } from './runtime.js';

export function cadenceCommand(): Command {
  const cadence = new Command('cadence').description('how often to be in touch, by tier, tag or person');
  cadence
    .command('ls')
    .description('every cadence rule')
    .action(async (_opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const rules = await kith.cadences.list();
        if (output.json) return printJson(output, rules);
        output.out(table(['SCOPE', 'TARGET', 'EVERY (DAYS)', 'AT MOST', 'DEFAULT'], rules.map((r) => [r.scope, r.label, r.idealDays ?? 'none', r.maxDays ?? '', r.isDefault ? 'yes' : ''])));
      });
    });
  cadence
    .command('set <every>')
    .description('set a cadence: 30, 2w, 3mo, 1y or none')
    .option('--tier <tier>')
    .option('--tag <tag>')
    .option('--person <ref>')
    .option('--max <interval>', 'when due turns overdue (default 1.5 times the interval)')
    .action(async (every: string, opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const rule = await kith.cadences.set({ tier: opts.tier, tag: opts.tag, person: opts.person }, every, opts.max);
        if (output.json) printJson(output, rule);
        else output.out(`${rule.scope} ${rule.label}: ${rule.idealDays === null ? 'no cadence' : `every ${rule.idealDays} days, at most ${rule.maxDays}`}`);
      });
    });
  cadence
    .command('reset')
    .description('remove an override (a tier goes back to its default)')
    .option('--tier <tier>')
    .option('--tag <tag>')
    .option('--person <ref>')
    .action(async (opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        await kith.cadences.reset({ tier: opts.tier, tag: opts.tag, person: opts.person });
        if (output.json) printJson(output, { reset: true });
        else output.out('Reset.');
      });
    });
  return cadence;
}

export function tiersCommand(): Command {
  const tiers = new Command('tiers').description("Dunbar's layers: inner, close, active, wider, acquaintance");
  tiers
    .command('suggest')
    .description('propose tiers from observed tie strength; changes nothing')
    .action(async (_opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const proposals = await kith.tiers.suggest();
        if (output.json) return printJson(output, proposals);
        if (proposals.length === 0) return output.out('Every tier already matches how you keep in touch.');
        output.out(table(['NAME', 'STRENGTH', 'NOW', 'SUGGESTED', 'ID'], proposals.map((p) => [p.name, p.strength, p.current ?? 'none', p.suggested ?? 'none', p.personId])));
        output.out('\nAccept with: kith tiers accept [--all | <ref>...]');
      });
    });
  tiers
    .command('accept [refs...]')
    .description('apply the suggested tiers, for everyone (--all) or the people named')
    .option('--all', 'accept every suggestion')
    .action(async (refs: string[], opts, command: Command) => {
      if (refs.length === 0 && !opts.all) command.error('error: name people to accept, or pass --all', { exitCode: 2, code: 'kith.usage' });
      await withKith(command, async (kith, output) => {
        const changed = await kith.tiers.accept(refs);
        if (output.json) printJson(output, changed);
        else output.out(`Updated ${changed.length} ${changed.length === 1 ? 'person' : 'people'}.`);
      });
    });
  return tiers;
}
