import type { Interaction } from '../domain/interaction.js';
import type { Note } from '../domain/note.js';
import type { Person } from '../domain/person.js';

export interface Output {
  json: boolean;
  out: (text: string) => void;
  err: (text: string) => void;
}

export function printJson(output: Output, value: unknown): void {
  output.out(JSON.stringify(value, null, 2));
}

/** A plain aligned table; the last column may run long. */
export function table(headers: string[], rows: Array<Array<string | number | null | undefined>>): string {
  const cells = rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c)).replace(/\s+/g, ' ')));
  const widths = headers.map((h, i) => Math.min(40, Math.max(h.length, ...cells.map((r) => r[i]!.length))));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : (c.length > widths[i]! ? c.slice(0, widths[i]! - 1) + '…' : c).padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), ...cells.map(line)].join('\n');
}

export function day(iso: string | null): string {
  return iso ? iso.slice(0, 10) : '';
}

export function peopleTable(people: Person[]): string {
  return table(
    ['NAME', 'COMPANY', 'TITLE', 'TIER', 'LAST CONTACT', 'EMAIL', 'ID'],
    people.map((p) => [p.name, p.company, p.title, p.tier, day(p.lastContactAt), p.emails[0], p.id]),
  );
}

export function interactionLine(i: Interaction): string {
  const who = i.participants.map((p) => p.name).join(', ');
  const length = i.durationMinutes ? ` ${i.durationMinutes}m` : '';
  return `${i.occurredAt.slice(0, 16).replace('T', ' ')}  ${i.kind}${length} (${i.direction}) with ${who}${i.summary ? ': ' + i.summary : ''}`;
}

export function noteLine(n: Note): string {
  const about = n.about.length ? ` [${n.about.map((a) => a.name).join(', ')}]` : '';
  const body = n.body.length > 200 ? n.body.slice(0, 199) + '…' : n.body;
  return `${n.createdAt.slice(0, 10)}${about} ${body.replace(/\n+/g, ' ')}  (${n.id})`;
}

export function personCard(p: Person): string[] {
  const lines = [`${p.name}${p.nickname ? ` "${p.nickname}"` : ''}${p.pronouns ? ` (${p.pronouns})` : ''}${p.archived ? '  [archived]' : ''}`];
  const field = (label: string, value: string | null | undefined) => {
    if (value) lines.push(`  ${label.padEnd(13)} ${value}`);
  };
  field('id', p.id);
  field('company', [p.title, p.company].filter(Boolean).join(' at '));
  field('tier', p.tier);
  field('emails', p.contacts.emails.map((e) => (e.label ? `${e.value} (${e.label})` : e.value)).join(', '));
  field('phones', p.contacts.phones.map((e) => (e.label ? `${e.value} (${e.label})` : e.value)).join(', '));
  field('urls', p.urls.map((u) => u.url).join(', '));
  field('location', p.location);
  field('birthday', p.birthday);
  field('met on', p.metOn);
  field('how met', p.howMet);
  field('introduced by', p.introducedBy?.name);
  field('tags', p.tags.join(', '));
  field('last contact', day(p.lastContactAt));
  // Custom fields can be many (an import keeps whatever its source had) and long-named:
  // they get their own block, aligned on their longest name.
  const custom = Object.entries(p.customFields);
  if (custom.length > 0) {
    const width = Math.min(30, Math.max(...custom.map(([k]) => k.length)));
    lines.push('', 'Other fields');
    for (const [k, v] of custom) lines.push(`  ${k.padEnd(width)}  ${v.replace(/\n+/g, ' ')}`);
  }
  return lines;
}
