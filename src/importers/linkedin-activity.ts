import { CsvSyntaxError, readCsvRecords } from './csv-records.js';
import type { ParsedItem } from '../domain/import-record.js';

/**
 * LinkedIn's messages.csv and Invitations.csv: interactions with connections,
 * matched to people by profile URL (or, for invitations without URLs, by name).
 * Columns are found by name; newer exports add columns.
 */
function linkedinDate(value: string): string | null {
  const v = value.trim();
  const iso = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)\s*(UTC|Z)?$/i.exec(v);
  if (iso) {
    const d = new Date(`${iso[1]}T${iso[2]}Z`);
    return Number.isNaN(d.getTime()) ? null : d.toISOString();
  }
  // Invitations: "1/29/26, 2:37 PM"
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{2,4}),?\s+(\d{1,2}):(\d{2})\s*(AM|PM)$/i.exec(v);
  if (us) {
    const year = us[3]!.length === 2 ? 2000 + Number(us[3]) : Number(us[3]);
    let hour = Number(us[4]) % 12;
    if (us[6]!.toUpperCase() === 'PM') hour += 12;
    const d = new Date(Date.UTC(year, Number(us[1]) - 1, Number(us[2]), hour, Number(us[5])));
    return Number.isNaN(d.getTime()) || d.getUTCDate() !== Number(us[2]) ? null : d.toISOString();
  }
  return null;
}

function urls(value: string): string[] {
  return value.split(/[\s,;]+/).map((u) => u.trim()).filter((u) => /linkedin\.com\//i.test(u));
}

export async function* parseLinkedInActivity(path: string, onBytes: (offset: number) => void = () => {}): AsyncGenerator<ParsedItem> {
  let header: Map<string, number> | null = null;
  let kind: 'messages' | 'invitations' | null = null;
  try {
    for await (const { fields: record, line } of readCsvRecords(path, { onBytes })) {
      if (!header) {
        const names = record.map((c) => c.trim().toLowerCase());
        if (names.includes('conversation id') && names.includes('date')) kind = 'messages';
        else if (names.includes('sent at') && names.includes('direction')) kind = 'invitations';
        else continue;
        header = new Map(names.map((n, i) => [n, i]));
        continue;
      }
      const col = (name: string) => {
        const i = header!.get(name);
        return i === undefined ? '' : (record[i] ?? '').trim();
      };
      if (kind === 'messages') {
        const at = linkedinDate(col('date'));
        if (!at) {
          yield { kind: 'error', line, reason: `invalid DATE ${JSON.stringify(col('date'))}: expected a date such as 2025-06-01 14:03:22 UTC` };
          continue;
        }
        yield {
          kind: 'interaction',
          record: {
            externalId: `message:${col('conversation id')}|${at}|${col('sender profile url') || col('from')}`,
            line,
            occurredAt: at,
            interactionKind: 'message',
            senderUrls: urls(col('sender profile url')),
            senderNames: [col('from')].filter(Boolean),
            recipientUrls: urls(col('recipient profile urls')),
            recipientNames: col('to').split(',').map((n) => n.trim()).filter(Boolean),
            outgoing: null,
          },
        };
      } else {
        const at = linkedinDate(col('sent at'));
        if (!at) {
          yield { kind: 'error', line, reason: `invalid Sent At ${JSON.stringify(col('sent at'))}: expected a date such as 1/29/26, 2:37 PM` };
          continue;
        }
        const outgoing = col('direction').toUpperCase() === 'OUTGOING';
        yield {
          kind: 'interaction',
          record: {
            externalId: `invitation:${col('from')}|${col('to')}|${at}`,
            line,
            occurredAt: at,
            interactionKind: 'message',
            senderUrls: urls(col('inviterprofileurl')),
            senderNames: [col('from')].filter(Boolean),
            recipientUrls: urls(col('inviteeprofileurl')),
            recipientNames: [col('to')].filter(Boolean),
            outgoing,
          },
        };
      }
    }
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    yield { kind: 'error', line: error.line, reason: `not readable as CSV: ${error.reason}` };
    return;
  }
  if (!header) yield { kind: 'error', line: 1, reason: 'no header row of a LinkedIn messages.csv or Invitations.csv' };
}
