import { Command } from 'commander';
import { resolveConfig } from '../config.js';
import { printJson, table } from './output.js';
import { globalOptions, withKith } from './runtime.js';

export function configCommand(): Command {
  const config = new Command('config').description('your preferences: time zone, phone region, your own name and emails');
  config
    .command('set <key> <value>')
    .description('set a preference')
    .action(async (key: string, value: string, _opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const saved = await kith.settings.set(key, value);
        if (output.json) printJson(output, saved);
        else output.out(`${saved.key} = ${saved.value}`);
      });
    });
  config
    .command('get <key>')
    .description('show one preference')
    .action(async (key: string, _opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const value = await kith.settings.get(key);
        if (output.json) printJson(output, { key, value: value ?? null });
        else output.out(value ?? '');
      });
    });
  config
    .command('unset <key>')
    .description('forget a preference')
    .action(async (key: string, _opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        await kith.settings.unset(key);
        if (output.json) printJson(output, { key, value: null });
        else output.out(`${key} unset`);
      });
    });
  config
    .command('ls')
    .description('every preference, and where the database is')
    .action(async (_opts, command: Command) => {
      const where = resolveConfig({ db: globalOptions(command).db });
      await withKith(command, async (kith, output) => {
        const values = await kith.settings.all();
        const keys = kith.settings.keys();
        if (output.json) return printJson(output, { database: where.db, configFile: where.configFile, settings: values });
        output.out(`database  ${where.db}\nconfig    ${where.configFile}\n`);
        output.out(table(['KEY', 'VALUE', 'MEANING'], Object.entries(keys).map(([k, meaning]) => [k, values[k] ?? '', meaning])));
      });
    });
  return config;
}
