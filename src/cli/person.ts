import { Command } from 'commander';
import { parseCustomField } from '../domain/person.js';
import type { PersonListQuery, PersonPatch } from '../services/person-service.js';
import { interactionLine, noteLine, peopleTable, personCard, printJson } from './output.js';
import { collect, integer, withKith } from './runtime.js';

/** The single-valued profile options that add and edit share. */
function withProfileOptions(cmd: Command): Command {
  return cmd
    .option('--company <company>', 'current organization (on edit, "" ends the current job)')
    .option('--title <title>', 'current title (needs a company)')
    .option('--tier <tier>', 'inner, close, active, wider or acquaintance (none to clear)')
    .option('--nickname <nickname>')
    .option('--pronouns <pronouns>')
    .option('--location <location>')
    .option('--birthday <date>', 'birthday as YYYY-MM-DD, or --MM-DD without the year')
    .option('--met-on <date>', 'when you met, YYYY-MM-DD')
    .option('--how-met <text>', 'how you met')
    .option('--introduced-by <ref>', 'who introduced you');
}

function profileFields(opts: Record<string, string | undefined>) {
  return {
    company: opts.company,
    title: opts.title,
    tier: opts.tier,
    nickname: opts.nickname,
    pronouns: opts.pronouns,
    location: opts.location,
    birthday: opts.birthday,
    metOn: opts.metOn,
    howMet: opts.howMet,
    introducedBy: opts.introducedBy,
  };
}

function customFields(entries: string[] | undefined): Record<string, string> | undefined {
  if (!entries?.length) return undefined;
  return Object.fromEntries(entries.map(parseCustomField));
}

export function listCommand(name: string): Command {
  return new Command(name)
    .description('list people, by name unless --sort says otherwise')
    .option('--tag <tag>', 'only people with this tag')
    .option('--org <organization>', 'only people currently at this organization')
    .option('--tier <tier>', 'only people in this tier')
    .option('--not-contacted-since <date>', 'only people with no interaction since this date')
    .option('--archived', 'include archived people')
    .option('--min-strength <n>', 'only people with tie strength at least n (0 to 100)', Number)
    .option('--max-strength <n>', 'only people with tie strength at most n', Number)
    .option('--status <status>', 'only people whose cadence is ok, due, overdue or none')
    .option('--sort <order>', 'name (A to Z), recent (last contact first) or added (newest first)')
    .option('--limit <n>', 'at most this many', integer)
    .option('--cursor <cursor>', 'continue after a previous page')
    .option('--count', 'print how many people match instead of listing them')
    .action(async (opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const query: PersonListQuery = {
          tag: opts.tag,
          organization: opts.org,
          tier: opts.tier,
          notContactedSince: opts.notContactedSince,
          includeArchived: opts.archived,
          sort: opts.sort,
          minStrength: opts.minStrength,
          maxStrength: opts.maxStrength,
          status: opts.status,
          limit: opts.limit ?? 100,
          cursor: opts.cursor,
        };
        if (opts.count) {
          const { count } = await kith.people.count(query, { scan: true });
          return output.json ? printJson(output, { count }) : output.out(String(count));
        }
        const page = await kith.people.list(query);
        if (output.json) return printJson(output, page.items);
        output.out(page.items.length ? peopleTable(page.items) : 'No people match.');
        if (page.nextCursor) output.err(`more: --cursor ${page.nextCursor}`);
      });
    });
}

export function personCommand(): Command {
  const person = new Command('person').description('add, edit, show, list and archive people');

  withProfileOptions(
    person
      .command('add')
      .description('add a person')
      .requiredOption('--name <name>', 'full name')
      .option('--email <email>', 'email, optionally labelled as work:a@b.com (repeatable)', collect)
      .option('--phone <phone>', 'phone, optionally labelled as mobile:+1... (repeatable)', collect)
      .option('--url <url>', 'LinkedIn, website or other URL (repeatable)', collect)
      .option('--tag <tag>', 'tag (repeatable)', collect),
  )
    .option('--field <key=value>', 'custom field (repeatable)', collect)
    .action(async (opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const created = await kith.people.add({
          ...profileFields(opts),
          name: opts.name,
          emails: opts.email,
          phones: opts.phone,
          urls: opts.url,
          tags: opts.tag,
          customFields: customFields(opts.field),
        });
        if (output.json) return printJson(output, created);
        output.out(`Added ${created.name} (${created.id})`);
        const others = await kith.people.namesakes(created.id);
        if (others.length > 0) {
          const who = others.map((o) => o.emails[0] ?? o.id).join(', ');
          output.err(`note: ${others.length === 1 ? 'someone else has' : `${others.length} others have`} that name (${who}); if it is the same person: kith merge ${others[0]!.id} ${created.id}`);
        }
      });
    });

  withProfileOptions(
    person
      .command('edit <ref>')
      .description('change a person; list options add, --remove-* options take away')
      .option('--name <name>')
      .option('--email <email>', 'add an email (repeatable)', collect)
      .option('--remove-email <email>', 'remove an email (repeatable)', collect)
      .option('--phone <phone>', 'add a phone (repeatable)', collect)
      .option('--remove-phone <phone>', 'remove a phone (repeatable)', collect)
      .option('--url <url>', 'add a URL (repeatable)', collect)
      .option('--remove-url <url>', 'remove a URL (repeatable)', collect)
      .option('--tag <tag>', 'add a tag (repeatable)', collect)
      .option('--remove-tag <tag>', 'remove a tag (repeatable)', collect),
  )
    .option('--field <key=value>', 'set a custom field (repeatable)', collect)
    .option('--remove-field <key>', 'remove a custom field (repeatable)', collect)
    .option('--unarchive', 'bring an archived person back')
    .action(async (ref: string, opts, command: Command) => {
    await withKith(command, async (kith, output) => {
      const patch: PersonPatch = {
        ...profileFields(opts),
        name: opts.name,
        addEmails: opts.email,
        removeEmails: opts.removeEmail,
        addPhones: opts.phone,
        removePhones: opts.removePhone,
        addUrls: opts.url,
        removeUrls: opts.removeUrl,
        addTags: opts.tag,
        removeTags: opts.removeTag,
        setFields: customFields(opts.field),
        unsetFields: opts.removeField,
      };
      let updated = opts.unarchive ? await kith.people.unarchive(ref) : undefined;
      const hasEdits = Object.entries(patch).some(([, v]) => v !== undefined);
      if (hasEdits || !updated) updated = await kith.people.edit(updated?.id ?? ref, patch);
      if (output.json) printJson(output, updated);
      else output.out(`Updated ${updated.name} (${updated.id})`);
    });
  });

  person
    .command('show <ref>')
    .description("a person's profile, positions, recent interactions, notes and relationships")
    .action(async (ref: string, _opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const detail = await kith.people.show(ref);
        if (output.json) {
          return printJson(output, {
            ...detail.person,
            strength: detail.strength,
            cadence: detail.cadence,
            positions: detail.positions,
            interactions: detail.interactions,
            interactionCount: detail.interactionCount,
            notes: detail.notes,
            relationships: detail.relationships,
          });
        }
        const lines = personCard(detail.person);
        lines.push('', `Tie strength  ${detail.strength.score}/100`);
        for (const part of detail.strength.parts) lines.push(`  ${part.component.padEnd(12)}${String(part.points).padStart(5)}  ${part.explanation}`);
        const c = detail.cadence;
        lines.push(
          '',
          c.cadence
            ? `Cadence       every ${c.cadence.idealDays} days (at most ${c.cadence.maxDays}, ${c.cadence.source}): ${c.status}${c.status === 'ok' ? `, due in ${c.dueInDays} days` : c.overdueByDays ? `, ${c.overdueByDays} days past` : ''}`
            : 'Cadence       none',
        );
        if (detail.positions.length) {
          lines.push('', 'Positions');
          for (const p of detail.positions) lines.push(`  ${[p.title, p.organization].filter(Boolean).join(' at ')}  ${p.startDate ?? '?'} – ${p.endDate ?? 'now'}`);
        }
        lines.push('', `Interactions (${detail.interactionCount})`);
        for (const i of detail.interactions) lines.push('  ' + interactionLine(i));
        if (detail.notes.length) {
          lines.push('', 'Notes');
          for (const n of detail.notes) lines.push('  ' + noteLine(n));
        }
        if (detail.relationships.length) {
          lines.push('', 'Relationships');
          for (const r of detail.relationships) lines.push(`  ${r.from.name} ${r.kind.replace('_', ' ')} ${r.to.name}  (${r.id})`);
        }
        output.out(lines.join('\n'));
      });
    });

  person.addCommand(listCommand('ls'));

  person
    .command('rm <ref>')
    .description('archive a person (--purge deletes them and their notes links for good)')
    .option('--purge', 'delete instead of archiving')
    .action(async (ref: string, opts, command: Command) => {
      await withKith(command, async (kith, output) => {
        const p = opts.purge ? await kith.people.purge(ref) : await kith.people.archive(ref);
        if (output.json) printJson(output, p);
        else output.out(`${opts.purge ? 'Deleted' : 'Archived'} ${p.name} (${p.id})`);
      });
    });

  return person;
}

