import { Command, Option } from 'commander';
import { DRAFT_TEMPLATES } from '../domain/drafts.js';
import { EXCHANGE_DIRECTIONS, EXCHANGE_KINDS } from '../domain/exchange.js';
import { printJson, table } from './output.js';
import { withKith } from './runtime.js';

export function ledgerCommand(): Command {
  const ledger = new Command('ledger').description('give and ask: what you gave each person, and what you asked of them or received');
  ledger
    .command('add')
    .description('record something given, asked or received')
    .argument('<person>')
    .argument('<direction>', EXCHANGE_DIRECTIONS.join(', '))
    .addOption(new Option('--kind <kind>', 'what it was').choices([...EXCHANGE_KINDS]).default('other'))
    .option('--note <text>', 'what exactly')
    .option('--on <date>', 'when (default today)')
    .action(async (person: string, direction: string, opts: { kind: string; note?: string; on?: string }, command: Command) => {
      await withKith(command, async (kith, output) => {
        const e = await kith.exchanges.add({ person, direction, kind: opts.kind, description: opts.note, on: opts.on });
        const balance = await kith.exchanges.balance(e.personId);
        if (output.json) return printJson(output, { exchange: e, balance });
        output.out(`${e.direction} ${e.kind}${e.description ? `: ${e.description}` : ''} (${e.occurredOn}); balance ${balance.balance >= 0 ? '+' : ''}${balance.balance}`);
      });
    });
  ledger
    .command('ls')
    .description('the ledger, for one person or everyone')
    .argument('[person]')
    .action(async (person: string | undefined, _opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const entries = await kith.exchanges.list(person);
        const balance = person ? await kith.exchanges.balance(person) : null;
        if (output.json) return printJson(output, { entries, balance });
        if (balance) output.out(`gave ${balance.gave}, asked ${balance.asked}, received ${balance.received}: balance ${balance.balance >= 0 ? '+' : ''}${balance.balance}`);
        output.out(entries.length ? table(['on', 'direction', 'kind', 'note', 'id'], entries.map((e) => [e.occurredOn, e.direction, e.kind, e.description, e.id])) : 'Nothing recorded yet.');
      });
    });
  return ledger;
}

export function draftCommand(): Command {
  return new Command('draft')
    .description(`draft a follow-up message: ${Object.keys(DRAFT_TEMPLATES).join(', ')}`)
    .argument('<template>')
    .argument('<person>')
    .option('--event <name>', 'the event you met at (after-event; default the last one you both attended)')
    .option('--topic <text>', 'what it was about')
    .action(async (template: string, person: string, opts: { event?: string; topic?: string }, command: Command) => {
      await withKith(command, async (kith, output) => {
        const d = await kith.drafts.draft(template, person, opts);
        if (output.json) return printJson(output, d);
        output.out(`${d.to ? `To: ${d.to}\n` : ''}Subject: ${d.subject}\n\n${d.body}`);
      });
    });
}
