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

function cell(row: Row, ...names: string[]): string {
  for (const n of names) {
    const v = row.get(n.toLowerCase())?.trim();
    if (v) return v;
  }
  return '';
}

/** "E-mail 1 - Value" with its "E-mail 1 - Label" (or "- Type"), for every N. */
function grouped(row: Row, prefix: RegExp): LabelledValue[] {
  const out: LabelledValue[] = [];
  for (const [header, value] of row) {
    const m = prefix.exec(header);
    if (!m || !/ - value$/.test(header) || !value.trim()) continue;
    const base = header.replace(/ - value$/, '');
    const label = (row.get(`${base} - label`) || row.get(`${base} - type`) || '').replace(/^\* /, '').trim().toLowerCase() || null;
    for (const v of value.split(MULTI)) if (v.trim()) out.push({ value: v.trim(), label });
  }
  return out;
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

export function rowToPerson(row: Row, line: number): ImportedPerson | { skip: string } {
  const given = cell(row, 'first name', 'given name');
  const middle = cell(row, 'middle name', 'additional name');
  const family = cell(row, 'last name', 'family name');
  const emails = [
    ...grouped(row, /^e-mail \d+/),
    ...['e-mail address', 'e-mail 2 address', 'e-mail 3 address', 'email address', 'email']
      .map((h) => row.get(h)?.trim())
      .filter((v): v is string => !!v)
      .map((value) => ({ value, label: null })),
  ];
  const phones = [...grouped(row, /^phone \d+/)];
  for (const [header, value] of row) {
    if (!/phone|fax|pager/i.test(header) || / - (value|label|type)$/.test(header) || !value.trim()) continue;
    const label = PHONE_LABELS.find(([re]) => re.test(header))?.[1] ?? null;
    phones.push({ value: value.trim(), label });
  }
  const name = cell(row, 'name', 'display name', 'file as') || [given, middle, family].filter(Boolean).join(' ');
  const company = cell(row, 'organization name', 'organization 1 - name', 'company');
  if (!name && emails.length === 0 && phones.length === 0 && !company) return { skip: 'empty row' };
  const websites = [...grouped(row, /^website \d+/).map((w) => w.value), ...['web page', 'personal web page', 'business web page'].map((h) => cell(row, h)).filter(Boolean)];
  const labels = cell(row, 'labels', 'group membership', 'categories')
    .split(/ ::: |;/)
    .map((l) => l.replace(/^\* /, '').trim())
    .filter((l) => l && !/^(mycontacts|my contacts|starred)$/i.test(l));
  const address = grouped(row, /^address \d+ - formatted/)[0]?.value.replace(/\n+/g, ', ') || [cell(row, 'home city', 'business city', 'address 1 - city'), cell(row, 'home country/region', 'business country/region', 'address 1 - country')].filter(Boolean).join(', ');
  return {
    externalId: 'sha1:' + createHash('sha1').update(JSON.stringify([name, emails.map((e) => e.value.toLowerCase()), phones.map((p) => p.value)])).digest('hex'),
    line,
    name: name || emails[0]?.value.split('@')[0] || company || phones[0]?.value || null,
    givenName: given || null,
    familyName: family || null,
    nickname: cell(row, 'nickname') || null,
    emails,
    phones,
    urls: websites,
    company: company || null,
    title: cell(row, 'organization title', 'organization 1 - title', 'job title') || null,
    location: address || null,
    birthday: usBirthday(cell(row, 'birthday')),
    tags: labels,
    note: cell(row, 'notes') || null,
  };
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
        headers = record.map((h) => h.trim().toLowerCase());
        if (!headers.some((h) => /name|e-?mail/.test(h))) {
          yield { kind: 'error', line: line, reason: 'no name or e-mail column in the header row (is this a contacts CSV?)' };
          return;
        }
        continue;
      }
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
