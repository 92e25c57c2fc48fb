import { Command } from 'commander';
import { printJson, table } from './output.js';
import { collect, withKith } from './runtime.js';

export function opportunityCommand(): Command {
  const opp = new Command('opp').description('opportunities (jobs, clients, collaborations, speaking, investment) by stage');
  opp
    .command('add')
    .argument('<title...>')
    .option('--kind <kind>', 'job, client, collaboration, speaking, investment or other', 'other')
    .option('--stage <stage>', 'idea, exploring, in_progress, won or lost', 'idea')
    .option('--org <organization>')
    .option('--goal <goal>')
    .option('--person <ref>', 'someone involved (repeatable)', collect)
    .option('--next <step>', 'the next step')
    .option('--due <date>', 'when the next step is due')
    .action(async (words: string[], o: Record<string, string | string[] | undefined>, command: Command) => {
      await withKith(command, async (kith, output) => {
        const r = await kith.career.addOpportunity({ title: words.join(' '), kind: o.kind as string, stage: o.stage as string, organization: o.org as string, goal: o.goal as string, people: (o.person as string[]) ?? [], nextStep: o.next as string, due: o.due as string });
        if (output.json) return printJson(output, r);
        output.out(`${r.title} (${r.kind}, ${r.stage}) ${r.id}`);
      });
    });
  opp
    .command('ls')
    .description('the board, stage by stage')
    .action(async (_o, command: Command) => {
      await withKith(command, async (kith, output) => {
        const list = await kith.career.opportunities();
        if (output.json) return printJson(output, list);
        output.out(list.length ? table(['stage', 'title', 'kind', 'next step', 'due', 'id'], list.map((r) => [r.stage, r.title, r.kind, r.nextStep, r.dueOn, r.id])) : 'No opportunities yet.');
      });
    });
  opp
    .command('move')
    .argument('<id>')
    .argument('<stage>')
    .option('--next <step>')
    .option('--due <date>')
    .action(async (id: string, stage: string, o: { next?: string; due?: string }, command: Command) => {
      await withKith(command, async (kith, output) => {
        const r = await kith.career.moveOpportunity(id, { stage, nextStep: o.next, due: o.due });
        if (output.json) return printJson(output, r);
        output.out(`${r.title}: ${r.stage}`);
      });
    });
  return opp;
}

export function introCommand(): Command {
  const intro = new Command('intro').description('introductions you make (double opt-in), and those you received');
  intro
    .command('propose')
    .argument('<a>')
    .argument('<b>')
    .option('--why <text>', 'why they should meet')
    .action(async (a: string, b: string, o: { why?: string }, command: Command) => {
      await withKith(command, async (kith, output) => {
        const r = await kith.career.proposeIntroduction({ a, b, why: o.why });
        if (output.json) return printJson(output, r);
        output.out(`${r.a.name} ↔ ${r.b.name} (${r.status}) ${r.id}\n\nAsk ${r.a.name} first:\n\n${r.messages.askA}\n\nOnce both agree:\n\n${r.messages.introduction}`);
      });
    });
  intro
    .command('status')
    .argument('<id>')
    .argument('<status>', 'proposed, asked, accepted, made or declined')
    .option('--outcome <text>')
    .action(async (id: string, status: string, o: { outcome?: string }, command: Command) => {
      await withKith(command, async (kith, output) => {
        const r = await kith.career.updateIntroduction(id, { status, outcome: o.outcome });
        if (output.json) return printJson(output, r);
        output.out(`${r.a.name} ↔ ${r.b.name}: ${r.status}`);
      });
    });
  intro
    .command('ls')
    .action(async (_o, command: Command) => {
      await withKith(command, async (kith, output) => {
        const made = await kith.career.introductions();
        const received = await kith.career.introducedToYou();
        if (output.json) return printJson(output, { made, received });
        output.out(made.length ? table(['status', 'between', 'why', 'id'], made.map((r) => [r.status, `${r.a.name} ↔ ${r.b.name}`, r.why, r.id])) : 'No introductions made yet.');
        if (received.length) output.out('\nIntroduced to you:\n' + table(['person', 'by'], received.map((r) => [r.person.name, r.by.name])));
      });
    });
  return intro;
}

export function mentorCommand(): Command {
  const mentor = new Command('mentor').description('mentors and mentees, with a check-in cadence; sessions are the interactions you log');
  mentor
    .command('add')
    .argument('<person>')
    .requiredOption('--role <role>', 'mentor (they mentor you) or mentee (you mentor them)')
    .option('--focus <text>', 'focus areas')
    .option('--every <span>', 'check-in cadence', '4w')
    .option('--since <date>')
    .action(async (person: string, o: { role: string; focus?: string; every: string; since?: string }, command: Command) => {
      await withKith(command, async (kith, output) => {
        const r = await kith.career.addMentorship({ person, ...o });
        if (output.json) return printJson(output, r);
        output.out(`${r.person.name}: ${r.role}${r.focus ? ` (${r.focus})` : ''} ${r.id}`);
      });
    });
  mentor
    .command('ls')
    .action(async (_o, command: Command) => {
      await withKith(command, async (kith, output) => {
        const list = await kith.career.mentorships();
        if (output.json) return printJson(output, list);
        output.out(list.length ? table(['person', 'role', 'focus', 'sessions', 'last', 'id'], list.map((m) => [m.person.name, m.role + (m.endedOn ? ' (ended)' : ''), m.focus, m.sessions, m.lastSession?.slice(0, 10), m.id])) : 'No mentorships yet.');
      });
    });
  mentor
    .command('end')
    .argument('<id>')
    .action(async (id: string, _o, command: Command) => {
      await withKith(command, async (kith, output) => {
        const r = await kith.career.endMentorship(id);
        if (output.json) return printJson(output, r);
        output.out(`Ended: ${r.person.name}`);
      });
    });
  return mentor;
}

export function brandCommand(): Command {
  const brand = new Command('brand').description('your personal brand: pitches, offers, asks and a content log');
  brand
    .command('add')
    .argument('<kind>', 'pitch, offer, ask or content')
    .argument('<title...>')
    .option('--body <text>')
    .option('--audience <text>', 'for a pitch: whom it is for')
    .option('--url <url>')
    .option('--on <date>', 'for content: when it was published')
    .option('--engaged <ref>', 'someone who engaged with it (repeatable)', collect)
    .action(async (kind: string, words: string[], o: Record<string, string | string[] | undefined>, command: Command) => {
      await withKith(command, async (kith, output) => {
        const r = await kith.career.addBrandItem({ kind, title: words.join(' '), body: o.body as string, audience: o.audience as string, url: o.url as string, on: o.on as string, engaged: (o.engaged as string[]) ?? [] });
        if (output.json) return printJson(output, r);
        output.out(`${r.kind}: ${r.title} ${r.id}`);
      });
    });
  brand
    .command('ls')
    .action(async (_o, command: Command) => {
      await withKith(command, async (kith, output) => {
        const list = await kith.career.brand();
        if (output.json) return printJson(output, list);
        output.out(list.length ? table(['kind', 'title', 'for', 'engaged', 'id'], list.map((b) => [b.kind + (b.active ? '' : ' (retired)'), b.title, b.audience, b.engaged.map((p) => p.name).join(', '), b.id])) : 'Nothing yet: kith brand add pitch "…" --audience investors');
      });
    });
  return brand;
}

export function supportCommand(): Command {
  return new Command('support')
    .description('your support circle: people you check in with for their own sake (their own cadence, every 2 weeks by default)')
    .argument('[people...]')
    .option('--remove', 'take them out of the circle')
    .action(async (people: string[], o: { remove?: boolean }, command: Command) => {
      await withKith(command, async (kith, output) => {
        const circle = people.length ? await kith.career.support(people, Boolean(o.remove)) : await kith.career.supportCircle();
        if (output.json) return printJson(output, circle);
        output.out(circle.length ? circle.map((p) => p.name).join('\n') : 'Your support circle is empty: kith support <person>');
      });
    });
}
