import { Command } from 'commander';
import { TIERS } from '../domain/vocabulary.js';
import { printJson } from './output.js';
import { withKith } from './runtime.js';

export function statsCommand(): Command {
  return new Command('stats').description('how big your network is and how much of it you keep warm').action(async (_opts, command: Command) => {
    await withKith(command, async (kith, output) => {
      const s = await kith.stats.stats();
      if (output.json) return printJson(output, s);
      const lines = [
        `People          ${s.people}${s.archivedPeople ? ` (+${s.archivedPeople} archived)` : ''}`,
        `Organizations   ${s.organizations}`,
        `Interactions    ${s.interactions} (${s.interactionsSince} in the last ${s.windowDays} days)`,
        `Contacted       ${s.contactedSince} people in the last ${s.windowDays} days`,
        `Notes           ${s.notes}`,
        `Tags            ${s.tags}`,
        `Relationships   ${s.relationships}`,
        `Tiers           ${[...TIERS, 'none'].map((t) => `${t} ${s.byTier[t] ?? 0}`).join(', ')}`,
      ];
      if (s.topTags.length) lines.push(`Top tags        ${s.topTags.map((t) => `${t.name} (${t.people})`).join(', ')}`);
      if (s.topOrganizations.length) lines.push(`Top orgs        ${s.topOrganizations.map((o) => `${o.name} (${o.people})`).join(', ')}`);
      output.out(lines.join('\n'));
    });
  });
}
