import { Command } from 'commander';
import type { Coverage } from '../domain/audience.js';
import type { Goal } from '../services/goal-service.js';
import { printJson, table } from './output.js';
import { collect, withKith } from './runtime.js';

function bar(fraction: number): string {
  const n = Math.round(fraction * 10);
  return '█'.repeat(n) + '░'.repeat(10 - n);
}

function goalText(g: Goal): string {
  const lines = [`${g.title}${g.status === 'done' ? ' (done)' : ''}${g.targetDate ? ` — by ${g.targetDate}` : ''}`];
  if (g.why) lines.push(`  why: ${g.why}`);
  if (g.audience) lines.push(`  audience: ${g.audience.name}`);
  for (const kr of g.keyResults) lines.push(`  ${bar(kr.fraction)} ${kr.current}/${kr.target} ${kr.label}${kr.done ? ' ✓' : ''}`);
  lines.push(`  id ${g.id}`);
  return lines.join('\n');
}

function coverageText(name: string, c: Coverage): string {
  const lines = [`${name}: ${c.people} people — strong ${c.bands.strong}, medium ${c.bands.medium}, weak ${c.bands.weak}, not met ${c.bands.none}`];
  if (c.organizationsWithoutStrongTie.length) {
    lines.push('', 'Organizations without a strong tie:');
    lines.push(table(['organization', 'people', 'best strength'], c.organizationsWithoutStrongTie.map((o) => [o.name, o.people, o.bestStrength])));
  }
  if (c.meetNext.length) {
    lines.push('', 'Meet next:');
    lines.push(table(['name', 'organization', 'strength'], c.meetNext.map((p) => [p.name, p.organization, p.strength])));
  }
  return lines.join('\n');
}

export function goalCommand(): Command {
  const goal = new Command('goal').description('career goals with key results measured from your data');
  goal
    .command('add')
    .description('add a goal')
    .argument('<title...>')
    .option('--why <text>', 'why it matters')
    .option('--by <date>', 'target date')
    .option('--kr <metric:target[/month]>', 'a key result: meet:10, interactions:3/month, introductions:2 (repeatable)', collect)
    .option('--audience <audience>', 'the audience it is about (kith audience add)')
    .action(async (words: string[], opts: { why?: string; by?: string; kr?: string[]; audience?: string }, command: Command) => {
      await withKith(command, async (kith, output) => {
        const g = await kith.goals.add({ title: words.join(' '), why: opts.why, by: opts.by, keyResults: opts.kr ?? [], audience: opts.audience });
        if (output.json) return printJson(output, g);
        output.out(goalText(g));
      });
    });
  goal
    .command('ls')
    .description('goals and their progress')
    .option('--all', 'include done goals')
    .action(async (opts: { all?: boolean }, command: Command) => {
      await withKith(command, async (kith, output) => {
        const goals = await kith.goals.list(opts.all ? undefined : 'active');
        if (output.json) return printJson(output, goals);
        output.out(goals.length ? goals.map(goalText).join('\n\n') : 'No goals yet: kith goal add "Meet 10 product leaders" --kr meet:10');
      });
    });
  goal
    .command('show')
    .description('a goal, its progress and its audience coverage')
    .argument('<goal>', 'id or title')
    .action(async (ref: string, _opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const g = await kith.goals.show(ref);
        const cov = g.audience ? (await kith.audiences.show(g.audience.id)).coverage : null;
        if (output.json) return printJson(output, { ...g, coverage: cov });
        output.out(goalText(g) + (cov ? '\n\n' + coverageText(g.audience!.name, cov) : ''));
      });
    });
  goal
    .command('done')
    .description('mark a goal done')
    .argument('<goal>')
    .action(async (ref: string, _opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const g = await kith.goals.done(ref);
        if (output.json) return printJson(output, g);
        output.out(`Done: ${g.title}`);
      });
    });
  return goal;
}

export function audienceCommand(): Command {
  const audience = new Command('audience').description('target audiences: saved segments of your network, and your coverage of them');
  audience
    .command('add')
    .description('save an audience; every option narrows it, repeated options widen that criterion')
    .argument('<name...>')
    .option('--tag <tag>', 'has this tag', collect)
    .option('--org <organization>', 'works at this organization', collect)
    .option('--title <text>', 'current title contains this', collect)
    .option('--industry <text>', "organization's industry contains this", collect)
    .option('--location <text>', 'location contains this', collect)
    .option('--tier <tier>', 'in this tier', collect)
    .option('--min-strength <n>', 'tie strength at least n', Number)
    .option('--max-strength <n>', 'tie strength at most n', Number)
    .option('--text <words>', 'words anywhere in what Kith knows of them')
    .option('--description <text>', 'what this audience is')
    .option('--goal <goal>', 'link it to this goal')
    .action(async (words: string[], opts: Record<string, unknown>, command: Command) => {
      await withKith(command, async (kith, output) => {
        // The goal must exist before anything is saved.
        if (opts.goal) await kith.goals.show(opts.goal as string);
        const a = await kith.audiences.add({
          name: words.join(' '),
          description: opts.description as string | undefined,
          filter: { tags: opts.tag, organizations: opts.org, titles: opts.title, industries: opts.industry, locations: opts.location, tiers: opts.tier, minStrength: opts.minStrength, maxStrength: opts.maxStrength, text: opts.text },
        });
        if (opts.goal) await kith.goals.link(opts.goal as string, a.id);
        if (output.json) return printJson(output, a);
        output.out(`Saved audience ${a.name} (${a.id})`);
      });
    });
  audience
    .command('ls')
    .description('saved audiences')
    .action(async (_opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const list = await kith.audiences.list();
        if (output.json) return printJson(output, list);
        output.out(list.length ? table(['name', 'id', 'criteria'], list.map((a) => [a.name, a.id, JSON.stringify(a.filter, (_key, v) => (Array.isArray(v) && v.length === 0) || v === null ? undefined : v)])) : 'No audiences yet.');
      });
    });
  audience
    .command('show')
    .description('coverage: people by strength band, organizations without a strong tie, whom to meet next')
    .argument('<audience>')
    .action(async (ref: string, _opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const { audience: a, coverage } = await kith.audiences.show(ref);
        if (output.json) return printJson(output, { audience: a, coverage });
        output.out(coverageText(a.name, coverage));
      });
    });
  return audience;
}
