import { Command, Option } from 'commander';
import { EVENT_KINDS, EVENT_STATUSES } from '../domain/event-brief.js';
import type { KithEvent } from '../services/event-service.js';
import { printJson, table } from './output.js';
import { collect, withKith } from './runtime.js';

function eventLine(e: KithEvent): string {
  return `${e.startsOn}  ${e.name} (${e.kind}, ${e.status})${e.place ? ` — ${e.place}` : ''}  ${e.attendees.length} people  ${e.id}`;
}

export function eventCommand(): Command {
  const event = new Command('event').description('networking events: plan, brief yourself, capture whom you met');
  event
    .command('add')
    .description('plan an event')
    .argument('<name...>')
    .requiredOption('--on <date>', 'the day it starts')
    .addOption(new Option('--kind <kind>', 'what sort of event').choices([...EVENT_KINDS]).default('other'))
    .option('--place <place>', 'where')
    .option('--link <url>', 'its web page')
    .addOption(new Option('--status <status>', 'planned, attending or attended').choices([...EVENT_STATUSES]).default('planned'))
    .option('--attendee <ref>', 'someone you know who will be there (repeatable)', collect)
    .option('--want <ref>', 'someone you want to meet there (repeatable)', collect)
    .option('--pitch <text>', 'your pitch for this audience')
    .action(async (words: string[], opts: Record<string, string | string[] | undefined>, command: Command) => {
      await withKith(command, async (kith, output) => {
        const e = await kith.events.add({ name: words.join(' '), on: opts.on as string, kind: opts.kind as string, place: opts.place as string, link: opts.link as string, status: opts.status as string, pitch: opts.pitch as string, attendees: (opts.attendee as string[]) ?? [], wantToMeet: (opts.want as string[]) ?? [] });
        if (output.json) return printJson(output, e);
        output.out(eventLine(e));
      });
    });
  event
    .command('ls')
    .description('events, latest first')
    .action(async (_opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const list = await kith.events.list();
        if (output.json) return printJson(output, list);
        output.out(list.length ? list.map(eventLine).join('\n') : 'No events yet: kith event add "Climate Tech Summit" --on 2026-12-03');
      });
    });
  event
    .command('attend')
    .description('add people you know will be there, or want to meet there')
    .argument('<event>')
    .option('--want', 'people you want to meet, rather than people attending')
    .requiredOption('--person <ref>', 'who (repeatable)', collect)
    .action(async (ref: string, opts: { want?: boolean; person: string[] }, command: Command) => {
      await withKith(command, async (kith, output) => {
        const e = await kith.events.attend(ref, opts.person, opts.want ? 'want_to_meet' : 'attending');
        if (output.json) return printJson(output, e);
        output.out(eventLine(e));
      });
    });
  event
    .command('brief')
    .description('prepare: for each attendee, recent interactions, notes, shared interests, open items and talking points')
    .argument('<event>')
    .action(async (ref: string, _opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const b = await kith.events.brief(ref);
        if (output.json) return printJson(output, b);
        const lines = [`${b.event.name}, ${b.event.startsOn}${b.event.place ? `, ${b.event.place}` : ''}`];
        if (b.pitch) lines.push(`Your pitch: ${b.pitch}`);
        for (const a of b.attendees) {
          lines.push('', `${a.person.name}${a.person.company ? `, ${a.person.company}` : ''}${a.role === 'want_to_meet' ? ' (want to meet)' : ''} — strength ${a.strength}`);
          for (const i of a.lastInteractions) lines.push(`  ${i.occurredAt.slice(0, 10)} ${i.kind}${i.summary ? `: ${i.summary}` : ''}`);
          for (const n of a.notes) lines.push(`  note: ${n.body.split('\n')[0]}`);
          for (const p of a.talkingPoints) lines.push(`  → ${p}`);
        }
        output.out(lines.join('\n'));
      });
    });
  event
    .command('capture')
    .description('after the event: add the people you met, each with a follow-up reminder')
    .argument('<event>')
    .requiredOption('--person <"name, company, one line">', 'someone you met (repeatable)', collect)
    .option('--follow-up <in>', 'when to follow up', '2d')
    .action(async (ref: string, opts: { person: string[]; followUp: string }, command: Command) => {
      await withKith(command, async (kith, output) => {
        const r = await kith.events.capture(ref, opts.person, opts.followUp);
        if (output.json) return printJson(output, r);
        output.out(table(['met', 'company', 'follow up'], r.people.map((p, i) => [p.name, p.company, r.reminders[i]?.dueAt.slice(0, 10)])));
      });
    });
  event
    .command('status')
    .description('planned, attending or attended')
    .argument('<event>')
    .argument('<status>')
    .action(async (ref: string, status: string, _opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const e = await kith.events.update(ref, { status });
        if (output.json) return printJson(output, e);
        output.out(eventLine(e));
      });
    });
  return event;
}
