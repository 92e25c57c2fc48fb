import type { Line } from './lines.js';
import { headersToMessage, type MailMessage } from './mail-headers.js';

/**
 * mbox, streamed message by message. A message starts at a "From " line whose
 * sender is an address or "-" (so "From Russia with love" in a body that was never
 * escaped does not split a message); while a Content-Length header says the body
 * continues, no line starts a message.
 */
const SEPARATOR = /^From (-|\S*@\S*|MAILER-DAEMON)(\s|$)/;
const MAX_HEADER_LINES = 5000;

export type MailItem = { kind: 'message'; message: MailMessage } | { kind: 'error'; line: number; reason: string };

/** Parses an mbox from its lines, given a chunk at a time (see readLineBatches). */
export async function* parseMbox(batches: AsyncIterable<readonly Line[]>): AsyncGenerator<MailItem> {
  let start = 0;
  let headers: string[] | null = null;
  let inHeaders = false;
  let bodyBytesLeft = 0;
  let sawSeparator = false;
  for await (const batch of batches) {
    for (const { raw, number, bytes } of batch) {
      const text = number === 1 ? raw.replace(/^\xef\xbb\xbf/, '') : raw;
      if (bodyBytesLeft > 0) {
        bodyBytesLeft -= bytes;
        continue;
      }
      if (SEPARATOR.test(text)) {
        if (headers && inHeaders) yield { kind: 'error', line: start, reason: 'message ends inside its headers' };
        sawSeparator = true;
        start = number;
        headers = [];
        inHeaders = true;
        continue;
      }
      if (!sawSeparator) {
        if (text.trim()) {
          yield { kind: 'error', line: number, reason: 'not an mbox file: it does not start with a "From " line' };
          return;
        }
        continue;
      }
      if (inHeaders && headers) {
        if (text === '' || text === '\r') {
          inHeaders = false;
          const message = headersToMessage(headers, start);
          const length = headers.map((h) => /^content-length:\s*(\d+)/i.exec(h)).find(Boolean);
          if (length) bodyBytesLeft = Number(length[1]);
          yield { kind: 'message', message };
          continue;
        }
        if (headers.length >= MAX_HEADER_LINES) {
          yield { kind: 'error', line: start, reason: `more than ${MAX_HEADER_LINES} header lines` };
          inHeaders = false;
          continue;
        }
        headers.push(text.replace(/\r$/, ''));
      }
    }
  }
  if (headers && inHeaders && headers.length) {
    const message = headersToMessage(headers, start);
    yield { kind: 'message', message };
  }
}
