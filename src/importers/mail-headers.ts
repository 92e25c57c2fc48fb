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
  line: number;
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
  let current = '';
  let quote = false;
  let angle = 0;
  let paren = 0;
  for (const c of value) {
    if (c === '"' && !angle) quote = !quote;
    else if (!quote && c === '<') angle++;
    else if (!quote && c === '>') angle = Math.max(0, angle - 1);
    else if (!quote && c === '(') paren++;
    else if (!quote && c === ')') paren = Math.max(0, paren - 1);
    if ((c === ',' || c === ';') && !quote && !angle && !paren) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
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

/** Builds a message from its raw (unfolded) header lines. */
export function headersToMessage(lines: string[], line: number): MailMessage {
  const headers = new Map<string, string>();
  let current: string | null = null;
  for (const raw of lines) {
    const text = decodeBytes(raw);
    if (/^[ \t]/.test(text) && current) {
      headers.set(current, headers.get(current)! + ' ' + text.trim());
      continue;
    }
    const colon = text.indexOf(':');
    if (colon <= 0) continue;
    current = text.slice(0, colon).trim().toLowerCase();
    // Repeated headers (To twice) are joined; the first Date or Message-ID wins.
    const value = text.slice(colon + 1).trim();
    headers.set(current, headers.has(current) && ['to', 'cc'].includes(current) ? `${headers.get(current)}, ${value}` : headers.get(current) ?? value);
  }
  const get = (name: string) => headers.get(name) ?? null;
  const dateText = get('date');
  const parsed = dateText ? Date.parse(dateText.replace(/\s+\([^)]*\)\s*$/, '')) : Number.NaN;
  return {
    line,
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
