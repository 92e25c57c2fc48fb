import { Command } from 'commander';
import { printJson, table } from './output.js';
import { withProgress } from './progress.js';
import { integer, withKith } from './runtime.js';

const fixed = (x: number | null, digits = 2) => (x === null ? '–' : x.toFixed(digits));

/** `kith communities`: the clusters of your network and how your ties spread across them. */
export function communitiesCommand(): Command {
  return new Command('communities')
    .description('communities of your network (Louvain), your diversity, and the groups and audiences you have no bridge into')
    .option('--limit <n>', 'at most this many communities', integer)
    .action(async (opts: { limit?: number }, command: Command) => {
      await withKith(command, async (kith, output) => {
        const r = await withProgress((update) => kith.network.communities({ limit: opts.limit ?? 15 }, update));
        if (output.json) return printJson(output, r);
        const d = r.diversity;
        const lines = [
          `${d.communities} communities of 3 or more people in a network of ${r.graph.nodes} people and ${r.graph.edges} ties (modularity ${r.modularity}).`,
          `Diversity: strong ties into ${d.withStrongTie} of them, any tie into ${d.withAnyTie}; your strong ties spread like ${d.spread} equal groups.`,
          '',
          table(
            ['community', 'people', 'strong', 'medium', 'weak', 'best known', 'bridge'],
            r.communities.map((c) => [c.label, c.size, c.yours.strong, c.yours.medium, c.yours.weak, c.bestKnown ? `${c.bestKnown.name} (${c.bestKnown.strength})` : '', c.bridged ? 'yes' : 'no']),
          ),
        ];
        if (r.unbridged.length) lines.push('', 'No bridge into (no strong tie of yours is in them or knows anyone in them):', ...r.unbridged.slice(0, 5).map((c) => `  ${c.label} (${c.size} people)`));
        if (r.unbridgedAudiences.length) lines.push('', 'Audiences with no bridge:', ...r.unbridgedAudiences.map((a) => `  ${a.name} (${a.members} people)`));
        output.out(lines.join('\n'));
      });
    });
}

/** `kith brokers`: who connects your clusters, and your own brokerage. */
export function brokersCommand(): Command {
  return new Command('brokers')
    .description("brokers by Burt's effective size and constraint: who connects your clusters; and your own brokerage")
    .option('--limit <n>', 'at most this many brokers', integer)
    .action(async (opts: { limit?: number }, command: Command) => {
      await withKith(command, async (kith, output) => {
        const r = await withProgress((update) => kith.network.brokers({ limit: opts.limit ?? 15 }, update));
        if (output.json) return printJson(output, r);
        output.out(
          [
            `You: ${r.you.ties} ties, effective size ${fixed(r.you.effectiveSize, 1)}, constraint ${fixed(r.you.constraint, 3)} (lower constraint, more brokerage).`,
            '',
            table(
              ['broker', 'your strength', 'ties', 'effective size', 'constraint', 'communities', 'connects'],
              r.brokers.map((b) => [b.person.name, b.person.strength, b.ties, fixed(b.effectiveSize, 1), fixed(b.constraint, 3), b.communities, b.connects.join(' · ')]),
            ),
          ].join('\n'),
        );
      });
    });
}

/** `kith suggest`: weak ties to make, from the audiences of your active goals. */
export function suggestCommand(): Command {
  return new Command('suggest')
    .description('people two hops away in an active goal’s audience, with a moderate number of mutual connections, named')
    .option('--audience <audience>', 'suggest from this audience instead of your active goals')
    .option('--limit <n>', 'at most this many suggestions', integer)
    .action(async (opts: { audience?: string; limit?: number }, command: Command) => {
      await withKith(command, async (kith, output) => {
        const r = await withProgress((update) => kith.network.suggest({ audience: opts.audience, limit: opts.limit ?? 15 }, update));
        if (output.json) return printJson(output, r);
        if (r.audiences.length === 0) return output.out('No active goal has an audience: kith goal add "…" --audience <audience>, or pass --audience.');
        if (r.suggestions.length === 0) return output.out(`Nobody in ${r.audiences.join(', ')} is two hops away: everyone there is either known already or not connected to anyone you know.`);
        output.out(
          table(
            ['person', 'score', 'mutuals', 'through', 'for'],
            r.suggestions.map((s) => [s.person.name, s.score.toFixed(2), s.mutualCount, s.mutuals.map((m) => `${m.name} (${m.strength})`).join(', '), s.for.join('; ')]),
          ),
        );
      });
    });
}
