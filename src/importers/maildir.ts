import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readLines } from './lines.js';
import { headersToMessage } from './mail-headers.js';
import type { MailItem } from './mbox.js';

/** The message files of a Maildir (cur/ and new/, or the folder itself), in name order. */
export function maildirFiles(folder: string): string[] {
  const dirs = ['cur', 'new'].map((d) => join(folder, d)).filter((d) => existsSync(d) && statSync(d).isDirectory());
  const from = dirs.length ? dirs : [folder];
  return from.flatMap((d) => readdirSync(d).filter((n) => !n.startsWith('.')).sort().map((n) => join(d, n))).filter((f) => statSync(f).isFile());
}

/** One Maildir message: its headers, up to the first blank line. */
export async function* parseMaildirMessage(file: string): AsyncGenerator<MailItem> {
  const headers: string[] = [];
  for await (const { raw } of readLines(file)) {
    const text = raw.replace(/\r$/, '');
    if (text === '') break;
    headers.push(text);
    if (headers.length > 5000) {
      yield { kind: 'error', line: 1, reason: 'more than 5000 header lines' };
      return;
    }
  }
  if (headers.length === 0 || !headers.some((h) => /^[A-Za-z-]+:/.test(h))) {
    yield { kind: 'error', line: 1, reason: 'not a mail message (no headers)' };
    return;
  }
  yield { kind: 'message', message: headersToMessage(headers), lineNumber: () => 1 };
}
