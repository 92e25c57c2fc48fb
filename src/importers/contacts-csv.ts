import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { CsvSyntaxError, readCsvRecords } from './csv-records.js';
import type { ImportedPerson, ParsedItem } from '../domain/import-record.js';
import type { LabelledValue } from '../domain/person.js';

/**
 * Address-book CSV exports: Google Contacts (current "Label/Value" groups and the
 * older "Type/Value" ones, several values in a cell joined by " ::: ") and Outlook
 * (the unquoted "Outlook CSV" that Google writes and desktop Outlook's fully quoted
 * export, often in Windows-1252). Columns are matched by name pattern, never by
 * position or count.
 */
type Row = Map<string, string>;

const MULTI = / ::: /;
const PHONE_LABELS: Array<[RegExp, string]> = [
  [/mobile|cell/i, 'mobile'],
  [/business|work|company/i, 'work'],
  [/home/i, 'home'],
  [/fax/i, 'fax'],
  [/pager/i, 'pager'],
  [/primary|main/i, 'main'],
];

/** Empty values as desktop Outlook writes them: a date of 0/0/00, a flag left at its default. */
const OUTLOOK_EMPTY = /^(0?0\/0?0\/0*|unspecified|normal|false)$/i;
/** Outlook's names that would read as something else among custom fields. */
const FIELD_NAMES: Record<string, string> = { title: 'name prefix', suffix: 'name suffix' };

/** A row's cells, remembering which were read, so that the rest can be kept as they are. */
class RowCells {
  private readonly used = new Set<string>();
  private readonly kept: Array<{ field: string; value: string }> = [];

  constructor(private readonly row: Row) {}

  /** The first non-empty value among these columns. */
  cell(...names: string[]): string {
    for (const n of names) {
      const v = this.take(n.toLowerCase())?.trim();
      if (v) return v;
    }
    return '';
  }

  /** "E-mail 1 - Value" (or another part) with its "E-mail 1 - Label" (or "- Type"), for every N. */
  grouped(prefix: RegExp, part = 'value'): LabelledValue[] {
    const out: LabelledValue[] = [];
    for (const [header, value] of this.row) {
      if (!prefix.test(header) || !header.endsWith(` - ${part}`)) continue;
      this.used.add(header);
      if (!value.trim()) continue;
      const label = this.labelOf(header.slice(0, -` - ${part}`.length));
      for (const v of value.split(MULTI)) if (v.trim()) out.push({ value: v.trim(), label });
    }
    return out;
  }

  /** Every column whose header matches, read or not, counts as read. */
  consume(pattern: RegExp): Array<[string, string]> {
    const out: Array<[string, string]> = [];
    for (const [header, value] of this.row) {
      if (!pattern.test(header)) continue;
      this.used.add(header);
      out.push([header, value]);
    }
    return out;
  }

  /** A value for the custom fields that no column holds as such. */
  keep(field: string, value: string): void {
    this.kept.push({ field, value });
  }

  /**
   * The columns nothing read, as custom fields: a numbered group ("Relation 1 -
   * Value" with its label) under its name and label, any other column under its header.
   */
  unread(): Array<{ field: string; value: string }> {
    const out = [...this.kept];
    for (const [header, raw] of this.row) {
      const value = raw.trim();
      if (this.used.has(header) || !value || OUTLOOK_EMPTY.test(value) || / - (label|type)$/.test(header)) continue;
      const group = /^(.+?) \d+ - value$/.exec(header);
      if (!group) {
        out.push({ field: FIELD_NAMES[header] ?? header, value });
        continue;
      }
      const label = this.labelOf(header.replace(/ - value$/, ''));
      // A custom field's label is its name.
      const field = group[1] === 'custom field' && label ? label : label ? `${group[1]} (${label})` : group[1]!;
      for (const v of value.split(MULTI)) if (v.trim()) out.push({ field, value: v.trim() });
    }
    return out;
  }

  private take(header: string): string | undefined {
    if (this.row.has(header)) this.used.add(header);
    return this.row.get(header);
  }

  private labelOf(base: string): string | null {
    return (this.take(`${base} - label`) || this.take(`${base} - type`) || '').replace(/^\* /, '').trim().toLowerCase() || null;
  }
}

function usBirthday(value: string): string | null {
  const v = value.trim();
  if (!v || /^0?0\/0?0\/0*$/.test(v)) return null;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(v);
  if (us) {
    const year = us[3]!.length === 2 ? (Number(us[3]) > 30 ? '19' : '20') + us[3] : us[3]!;
    return `${year}-${us[1]!.padStart(2, '0')}-${us[2]!.padStart(2, '0')}`;
  }
  return v;
}

function oneLine(address: string): string {
  return address.replace(/\s*\n+\s*/g, ', ');
}

/**
 * Where someone lives: the first address's city and country. Whole addresses are
 * kept as custom fields; the parts of one given formatted say nothing more.
 */
function locationOf(cells: RowCells): string {
  const location = [cells.cell('address 1 - city', 'home city', 'business city'), cells.cell('address 1 - country', 'home country/region', 'business country/region')].filter(Boolean).join(', ');
  const formatted = cells.grouped(/^address \d+ - formatted$/, 'formatted');
  if (formatted.length > 0) cells.consume(/^address \d+ - /);
  for (const a of formatted) cells.keep(a.label ? `address (${a.label})` : 'address', oneLine(a.value));
  return location || (formatted[0] ? oneLine(formatted[0].value) : '');
}

export function rowToPerson(row: Row, line: number): ImportedPerson | { skip: string } {
  const cells = new RowCells(row);
  const given = cells.cell('first name', 'given name');
  const middle = cells.cell('middle name', 'additional name');
  const family = cells.cell('last name', 'family name');
  const emails = [
    ...cells.grouped(/^e-mail \d+/),
    ...cells
      .consume(/^e-?mail/)
      .filter(([h, v]) => ['e-mail address', 'e-mail 2 address', 'e-mail 3 address', 'email address', 'email'].includes(h) && v.trim())
      .map(([, v]) => ({ value: v.trim(), label: null })),
  ];
  const phones = [...cells.grouped(/^phone \d+/)];
  for (const [header, value] of cells.consume(/phone|fax|pager/i)) {
    if (/ - (value|label|type)$/.test(header) || !value.trim()) continue;
    const label = PHONE_LABELS.find(([re]) => re.test(header))?.[1] ?? null;
    phones.push({ value: value.trim(), label });
  }
  const name = cells.cell('name', 'display name', 'file as') || [given, middle, family].filter(Boolean).join(' ');
  const company = cells.cell('organization name', 'organization 1 - name', 'company');
  if (!name && emails.length === 0 && phones.length === 0 && !company) return { skip: 'empty row' };
  const websites = [...cells.grouped(/^website \d+/).map((w) => w.value), ...['web page', 'personal web page', 'business web page'].map((h) => cells.cell(h)).filter(Boolean)];
  const labels = cells
    .cell('labels', 'group membership', 'categories')
    .split(/ ::: |;/)
    .map((l) => l.replace(/^\* /, '').trim())
    .filter((l) => l && !/^(mycontacts|my contacts|starred)$/i.test(l));
  const location = locationOf(cells);
  const person = {
    externalId: 'sha1:' + createHash('sha1').update(JSON.stringify([name, emails.map((e) => e.value.toLowerCase()), phones.map((p) => p.value)])).digest('hex'),
    line,
    name: name || emails[0]?.value.split('@')[0] || company || phones[0]?.value || null,
    givenName: given || null,
    familyName: family || null,
    nickname: cells.cell('nickname') || null,
    emails,
    phones,
    urls: websites,
    company: company || null,
    title: cells.cell('organization title', 'organization 1 - title', 'job title') || null,
    location: location || null,
    birthday: usBirthday(cells.cell('birthday')),
    tags: labels,
    note: cells.cell('notes') || null,
  };
  const extras = cells.unread();
  return extras.length > 0 ? { ...person, extras } : person;
}

/**
 * The header row's names, as matched (lower case), each one different: a column with
 * no name is called by its position, and a name that repeats gets its count, so that
 * no column hides another.
 */
function columnNames(record: string[]): string[] {
  const seen = new Map<string, number>();
  return record.map((raw, i) => {
    const name = raw.trim().toLowerCase() || `column ${i + 1}`;
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}

/** UTF-8 when the start of the file is valid UTF-8, else Windows-1252. */
async function sniffEncoding(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(1 << 16);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, bytesRead).toString('utf8');
    // A multi-byte character cut at the end of the sample is not an error.
    return text.slice(0, -4).includes('\uFFFD') ? 'windows-1252' : 'utf8';
  } finally {
    await handle.close();
  }
}

export async function* parseContactsCsv(path: string, onBytes: (offset: number) => void = () => {}): AsyncGenerator<ParsedItem> {
  const encoding = await sniffEncoding(path);
  let headers: string[] | null = null;
  try {
    for await (const { fields: record, line } of readCsvRecords(path, { encoding, onBytes })) {
      if (!headers) {
        headers = columnNames(record);
        if (!headers.some((h) => /name|e-?mail/.test(h))) {
          yield { kind: 'error', line: line, reason: 'no name or e-mail column in the header row (is this a contacts CSV?)' };
          return;
        }
        continue;
      }
      // A row longer than the header row keeps its extra cells too, by position.
      while (headers.length < record.length) headers.push(`column ${headers.length + 1}`);
      const row: Row = new Map(headers.map((h, i) => [h, record[i] ?? '']));
      const person = rowToPerson(row, line);
      if ('skip' in person) yield { kind: 'skip', line: line, reason: person.skip };
      else yield { kind: 'record', record: person };
    }
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    yield { kind: 'error', line: error.line, reason: `not readable as CSV: ${error.reason}` };
  }
}
