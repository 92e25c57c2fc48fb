import { Command } from 'commander';
import { day, printJson, table } from './output.js';
import { integer, withKith } from './runtime.js';

export function searchCommand(): Command {
  return new Command('search')
    .description('find people by name (typos allowed), email, company, title, location, tag, note or custom field')
    .argument('<text...>', 'what to look for')
    .option('--limit <n>', 'at most this many', integer)
    .action(async (text: string[], opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const hits = await kith.search.search(text.join(' '), opts.limit);
        if (output.json) return printJson(output, hits.map((h) => ({ ...h.person, score: h.score, match: h.match })));
        if (hits.length === 0) return output.out('No matches.');
        output.out(
          table(
            ['NAME', 'COMPANY', 'TITLE', 'LAST CONTACT', 'MATCH', 'ID'],
            hits.map((h) => [h.person.name, h.person.company, h.person.title, day(h.person.lastContactAt), h.match, h.person.id]),
          ),
        );
      });
    });
}
