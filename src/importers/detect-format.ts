import { closeSync, openSync, readSync } from 'node:fs';

/**
 * Guesses a file's format from its first bytes, for `kith import auto`: a vCard
 * begins with BEGIN:VCARD; a CSV is told apart by the columns of its header row.
 */
export function detectFormat(file: string): 'vcard' | 'linkedin' | 'google' | 'outlook' | 'mbox' | 'ical' | undefined {
  const fd = openSync(file, 'r');
  let head: string;
  try {
    const buffer = Buffer.alloc(8192);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    head = buffer.subarray(0, n).toString('latin1').replace(/^\xef\xbb\xbf/, '');
  } finally {
    closeSync(fd);
  }
  if (/^\s*BEGIN:VCARD/i.test(head)) return 'vcard';
  if (/^\s*BEGIN:VCALENDAR/i.test(head)) return 'ical';
  if (/^From (-|\S*@\S*|MAILER-DAEMON)(\s|$)/.test(head)) return 'mbox';
  const lower = head.toLowerCase();
  if (lower.includes('connected on') && lower.includes('first name')) return 'linkedin';
  if (/e-mail \d+ - value/.test(lower) || /(^|,)"?labels"?(,|\r?\n)/.test(lower) || /(^|,)group membership(,|\r?\n)/.test(lower)) return 'google';
  if (/e-mail address/.test(lower) && /first name/.test(lower)) return 'outlook';
  return undefined;
}
