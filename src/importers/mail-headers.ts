import { decodeBytes, decodeQuotedPrintable } from './text-decoding.js';

/**
 * Mail headers only (no bodies): enough to know who wrote to whom, when, and
 * whether it was bulk mail.
 */
export interface MailAddress {
  address: string;
  name: string | null;
}

export interface MailMessage {
  messageId: string | null;
  date: string | null;
  from: MailAddress[];
  to: MailAddress[];
  cc: MailAddress[];
  inReplyTo: string | null;
  listId: string | null;
  precedence: string | null;
  autoSubmitted: string | null;
}

/** RFC 2047 encoded words (=?UTF-8?B?...?= and =?ISO-8859-1?Q?...?=) in names. */
export function decodeWords(text: string): string {
  return text
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, charset: string, enc: string, data: string) => {
      const bytes = enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('latin1') : decodeQuotedPrintable(data.replace(/_/g, ' '));
      return decodeBytes(bytes, charset);
    });
}

/** Splits an address list on commas outside quotes, angle brackets and comments. */
export function parseAddressList(value: string): MailAddress[] {
  const parts: string[] = [];
  let from = 0;
  let quote = false;
  let angle = 0;
  let paren = 0;
  // Slices at separators rather than building each part a character at a time.
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 34 /* " */ && !angle) quote = !quote;
    else if (quote) continue;
    else if (c === 60 /* < */) angle++;
    else if (c === 62 /* > */) angle = Math.max(0, angle - 1);
    else if (c === 40 /* ( */) paren++;
    else if (c === 41 /* ) */) paren = Math.max(0, paren - 1);
    else if ((c === 44 /* , */ || c === 59) /* ; */ && !angle && !paren) {
      parts.push(value.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(value.slice(from));
  const out: MailAddress[] = [];
  for (const part of parts) {
    const p = part.trim();
    if (!p) continue;
    const angled = /^(.*)<([^<>]+)>\s*$/.exec(p);
    let address: string;
    let name: string | null;
    if (angled) {
      address = angled[2]!.trim();
      name = angled[1]!.trim().replace(/^"(.*)"$/, '$1').trim() || null;
    } else {
      const comment = /^(\S+@\S+)\s*\((.*)\)$/.exec(p);
      address = comment ? comment[1]! : p.replace(/^"|"$/g, '');
      name = comment ? comment[2]!.trim() || null : null;
    }
    address = address.replace(/^mailto:/i, '').toLowerCase();
    if (!/^[^\s@]+@[^\s@]+$/.test(address)) continue;
    out.push({ address, name: name ? decodeWords(name).replace(/\\(.)/g, '$1') : null });
  }
  return out;
}

const MONTHS: Record<string, number> = { jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11 };
const RFC_5322_DATE = /^\s*(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s+([+-])(\d{2})(\d{2})\s*(?:\([^)]*\)\s*)?$/;

/**
 * A Date header as milliseconds, NaN if unreadable. The usual form
 * ("Mon, 1 Jun 2026 09:00:00 +0200") is read directly, as Date.parse took longer
 * than the rest of a message's headers; any other form goes to Date.parse.
 */
export function parseMailDate(text: string): number {
  const m = RFC_5322_DATE.exec(text);
  const month = m ? MONTHS[m[2]!.toLowerCase()] : undefined;
  if (!m || month === undefined) return Date.parse(text.replace(/\s+\([^)]*\)\s*$/, ''));
  const offset = (m[7] === '-' ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9])) * 60_000;
  const day = Number(m[1]);
  const utc = Date.UTC(Number(m[3]), month, day, Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  // Out-of-range fields (31 Feb, 25:00) are left to Date.parse, which rejects or rolls them as it always did.
  if (day < 1 || day > 31 || Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59) return Date.parse(text.replace(/\s+\([^)]*\)\s*$/, ''));
  return utc - offset;
}

/** The headers a message is read for; the rest are not even decoded. */
const WANTED = new Set(['from', 'to', 'cc', 'date', 'message-id', 'in-reply-to', 'list-id', 'precedence', 'auto-submitted']);

/** Builds a message from its raw (unfolded) header lines. */
export function headersToMessage(lines: string[]): MailMessage {
  const headers = new Map<string, string>();
  let current: string | null = null;
  for (const raw of lines) {
    const first = raw.charCodeAt(0);
    if (first === 32 || first === 9) {
      // A folded line continues the header before it.
      if (current) headers.set(current, headers.get(current)! + ' ' + decodeBytes(raw).trim());
      continue;
    }
    const colon = raw.indexOf(':');
    if (colon <= 0) continue;
    const name = raw.slice(0, colon).trim().toLowerCase();
    current = WANTED.has(name) ? name : null;
    if (!current) continue;
    // Repeated headers (To twice) are joined; the first Date or Message-ID wins.
    const value = decodeBytes(raw.slice(colon + 1)).trim();
    const before = headers.get(current);
    headers.set(current, before === undefined ? value : current === 'to' || current === 'cc' ? `${before}, ${value}` : before);
  }
  const get = (name: string) => headers.get(name) ?? null;
  const dateText = get('date');
  const parsed = dateText ? parseMailDate(dateText) : Number.NaN;
  return {
    messageId: get('message-id')?.replace(/^<|>$/g, '').trim() || null,
    date: Number.isNaN(parsed) ? null : new Date(parsed).toISOString(),
    from: parseAddressList(get('from') ?? ''),
    to: parseAddressList(get('to') ?? ''),
    cc: parseAddressList(get('cc') ?? ''),
    inReplyTo: get('in-reply-to'),
    listId: get('list-id'),
    precedence: get('precedence')?.toLowerCase() ?? null,
    autoSubmitted: get('auto-submitted')?.toLowerCase() ?? null,
  };
}
