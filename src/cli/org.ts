import { Command } from 'commander';
import { invalid } from '../domain/errors.js';
import type { Organization } from '../domain/organization.js';
import { peopleTable, printJson, table } from './output.js';
import { integer, withKith } from './runtime.js';

function orgTable(orgs: Organization[]): string {
  return table(['NAME', 'DOMAIN', 'INDUSTRY', 'LOCATION', 'PEOPLE', 'ID'], orgs.map((o) => [o.name, o.domain, o.industry, o.location, o.peopleCount, o.id]));
}

export function orgCommand(): Command {
  const org = new Command('org').description('organizations: companies, schools, communities');
  org
    .command('add <name>')
    .description('add an organization')
    .option('--domain <domain>', 'web domain, such as example.com')
    .option('--industry <industry>')
    .option('--location <location>')
    .action(async (name: string, opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const created = await kith.organizations.add({ name, domain: opts.domain, industry: opts.industry, location: opts.location });
        if (output.json) printJson(output, created);
        else output.out(`Added ${created.name} (${created.id})`);
      });
    });
  org
    .command('edit <ref>')
    .description('change an organization')
    .option('--name <name>')
    .option('--domain <domain>')
    .option('--industry <industry>')
    .option('--location <location>')
    .action(async (ref: string, opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const updated = await kith.organizations.edit(ref, { name: opts.name, domain: opts.domain, industry: opts.industry, location: opts.location });
        if (output.json) printJson(output, updated);
        else output.out(`Updated ${updated.name} (${updated.id})`);
      });
    });
  org
    .command('ls [text]')
    .description('list organizations with how many people you know there; with text, those whose names hold it')
    .option('--limit <n>', 'at most this many', integer)
    .option('--by <order>', 'name, or people (the most people working there now first)', 'name')
    .action(async (text: string | undefined, opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        if (opts.by !== 'name' && opts.by !== 'people') throw invalid('by', opts.by, 'expected name or people');
        const orgs = await kith.organizations.list(opts.limit, { holding: text, order: opts.by });
        if (output.json) printJson(output, orgs);
        else output.out(orgs.length ? orgTable(orgs) : 'No organizations yet.');
      });
    });
  org
    .command('show <ref>')
    .description('an organization and the people you know there now')
    .action(async (ref: string, _opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const { organization, people } = await kith.organizations.show(ref);
        if (output.json) return printJson(output, { ...organization, people });
        output.out(orgTable([organization]) + '\n\n' + (people.length ? peopleTable(people) : 'Nobody there yet.'));
      });
    });
  org
    .command('rm <ref>')
    .description('delete an organization and the positions held there')
    .action(async (ref: string, _opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const removed = await kith.organizations.remove(ref);
        if (output.json) printJson(output, removed);
        else output.out(`Deleted ${removed.name} (${removed.id})`);
      });
    });
  return org;
}
