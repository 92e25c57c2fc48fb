import { CsvSyntaxError, readCsvRecords } from './csv-records.js';
import type { ParsedItem } from '../domain/import-record.js';
import { normalizeUrl } from '../domain/urls.js';

function profileKey(url: string): string | null {
  if (!url) return null;
  try {
    return normalizeUrl(url);
  } catch {
    return null;
  }
}

const MONTHS: Record<string, string> = { jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06', jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12' };

/** "08 Feb 2026" as 2026-02-08; null when it is not such a date. */
export function parseConnectedOn(value: string): string | null {
  const m = /^(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})$/.exec(value.trim());
  if (!m || !MONTHS[m[2]!.toLowerCase()]) return null;
  return `${m[3]}-${MONTHS[m[2]!.toLowerCase()]}-${m[1]!.padStart(2, '0')}`;
}

/**
 * LinkedIn's Connections.csv, as exported since about 2022 (a "Notes:" preamble, then
 * the header) or before (no preamble, no URL column). Columns are found by name.
 */
export async function* parseLinkedInConnections(path: string, onBytes: (offset: number) => void = () => {}): AsyncGenerator<ParsedItem> {
  let header: Map<string, number> | null = null;
  try {
    for await (const { fields: record, line } of readCsvRecords(path, { onBytes })) {
      if (!header) {
        const names = record.map((c) => c.trim().toLowerCase());
        if (names.includes('first name') && names.includes('last name')) header = new Map(names.map((n, i) => [n, i]));
        continue;
      }
      const col = (name: string) => {
        const i = header!.get(name);
        return i === undefined ? '' : (record[i] ?? '').trim();
      };
      const first = col('first name');
      const last = col('last name');
      const url = col('url');
      const email = col('email address');
      if (!first && !last) {
        yield { kind: 'skip', line, reason: 'hidden profile (no name)' };
        continue;
      }
      const connected = col('connected on');
      const connectedOn = connected ? parseConnectedOn(connected) : null;
      if (connected && !connectedOn) {
        yield { kind: 'error', line, reason: `invalid Connected On ${JSON.stringify(connected)}: expected a date such as 08 Feb 2026` };
        continue;
      }
      yield {
        kind: 'record',
        record: {
          // The profile URL is the stable identity of a connection; older exports lack it.
          externalId: profileKey(url) ?? (email ? `email:${email.toLowerCase()}` : `name:${first} ${last}|${col('company')}`.toLowerCase()),
          line,
          name: `${first} ${last}`.trim(),
          givenName: first || null,
          familyName: last || null,
          emails: email ? [email] : [],
          urls: url ? [url] : [],
          company: col('company') || null,
          title: col('position') || null,
          metOn: connectedOn,
          connectedOn,
        },
      };
    }
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    yield { kind: 'error', line: error.line, reason: `not readable as CSV: ${error.reason}` };
    return;
  }
  if (!header) yield { kind: 'error', line: 1, reason: 'no header row with First Name and Last Name (is this Connections.csv?)' };
}
