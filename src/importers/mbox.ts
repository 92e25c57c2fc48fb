import { closeSync, openSync, readSync } from 'node:fs';
import { headersToMessage, type MailMessage } from './mail-headers.js';

/**
 * mbox, streamed message by message. A message starts at a "From " line whose
 * sender is an address or "-" (so "From Russia with love" in a body that was never
 * escaped does not split a message); while a Content-Length header says the body
 * continues, no line starts a message. A line ends at LF, CRLF or a lone CR.
 *
 * Only headers are read. Bodies, nearly all of an archive's bytes, are skipped by
 * searching the raw bytes for the next "From " at the start of a line, without
 * splitting them into lines: reading a 1 GB archive line by line cost more than
 * everything else an import does.
 */
const SEPARATOR = /^From (-|\S*@\S*|MAILER-DAEMON)(\s|$)/;
const MAX_HEADER_LINES = 5000;
/** Headers beyond this are not mail headers; the message is reported, not held in memory. */
const MAX_HEADER_BYTES = 1 << 20;
const LF = 10;
const CR = 13;
const FROM = Buffer.from('From ');
/** Bytes read between two turns of the event loop. */
const BREATHE_BYTES = 8 << 20;

/** A turn of the event loop: timers, I/O and other requests run before the parser goes on. */
function breathe(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A message, with the number of the line it starts on (counted only if asked for), or an error. */
export type MailItem = { kind: 'message'; message: MailMessage; lineNumber: () => number } | { kind: 'error'; line: number; reason: string };

export interface MboxOptions {
  /** Bytes read at a time (tests use tiny ones to put every boundary across two reads). */
  chunkBytes?: number;
  /** Called with the bytes of the file read so far. */
  onBytes?: (offset: number) => void;
  /** Where to start: the offset of a message's "From " line (see separatorAfter). */
  from?: number;
  /** Where to stop: before the first message that starts at or after this offset. */
  until?: number;
  /** Called with the offset of the message the parse stopped before, if it stopped at `until`. */
  onStop?: (offset: number) => void;
}

/**
 * The offset of the first "From " line at or after this one that starts a message
 * as the parser reads it, if any: where a second reader can start on the same file.
 * Whether the parser, reading from the top, would take that line for a separator
 * too (a Content-Length body can hold one) is for the first reader to confirm.
 */
export function separatorAfter(path: string, offset: number): number | undefined {
  const fd = openSync(path, 'r');
  try {
    const chunk = 1 << 20;
    const buf = Buffer.allocUnsafe(chunk + 1024);
    // One byte before the offset, to tell whether a line starts there.
    for (let at = Math.max(0, offset - 1); ; at += chunk) {
      const n = readSync(fd, buf, 0, buf.length, at);
      if (n < FROM.length) return undefined;
      for (let hit = buf.indexOf(FROM); hit >= 0 && hit < n; hit = buf.indexOf(FROM, hit + 1)) {
        if (at + hit < offset || hit + FROM.length > n) continue;
        const before = hit === 0 ? (at === 0 ? LF : undefined) : buf[hit - 1];
        if (before !== LF && before !== CR) continue;
        if (before === CR && buf[hit] === LF) continue;
        let end = hit;
        while (end < n && end - hit < 1000 && buf[end] !== LF && buf[end] !== CR) end++;
        // A line cut by the end of what was read is read whole with the next chunk.
        if (end === n && n === buf.length) continue;
        if (SEPARATOR.test(buf.toString('latin1', hit, end))) return at + hit;
      }
      if (n < buf.length) return undefined;
      // The last bytes are read again with the next chunk, in case a line straddles the two.
      at -= 1024;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Line numbers, counted only when asked for: an error or a failure report needs the
 * line of a message, and counting the lines of every body would cost more than
 * skipping them. Requests usually come in file order, so counting resumes where the
 * last one stopped; an earlier offset starts again from the top.
 */
export class LineCounter {
  private offset = 0;
  private breaks = 0;
  private lastWasCr = false;

  constructor(private readonly path: string) {}

  /** The number (from 1) of the line that starts at this byte offset. */
  lineAt(target: number): number {
    if (target < this.offset) {
      this.offset = 0;
      this.breaks = 0;
      this.lastWasCr = false;
    }
    if (target > this.offset) {
      const fd = openSync(this.path, 'r');
      try {
        const buf = Buffer.allocUnsafe(1 << 20);
        while (this.offset < target) {
          const n = readSync(fd, buf, 0, Math.min(buf.length, target - this.offset), this.offset);
          if (n === 0) break;
          for (let i = 0; i < n; i++) {
            const b = buf[i]!;
            // CRLF is one break: its CR was counted, so its LF is not.
            if (b === LF) {
              if (!this.lastWasCr) this.breaks++;
            } else if (b === CR) this.breaks++;
            this.lastWasCr = b === CR;
          }
          this.offset += n;
        }
      } finally {
        closeSync(fd);
      }
    }
    return this.breaks + 1;
  }
}

/** Parses the mbox file at this path. */
export async function* parseMbox(path: string, options: MboxOptions = {}): AsyncGenerator<MailItem> {
  const chunkBytes = options.chunkBytes ?? 1 << 20;
  const lines = new LineCounter(path);
  const fd = openSync(path, 'r');
  // buf holds the file's bytes from offset base; pos is the parser's place in it.
  const from = options.from ?? 0;
  let buf = Buffer.alloc(0);
  let base = from;
  let pos = 0;
  let eof = false;
  // Bumped on every read: positions found in an older buffer no longer hold.
  let generation = 0;
  // Reads are synchronous: an archive is read from the page cache far faster than
  // the parser goes, and an awaited read for each chunk and each line left the parser
  // idle or in the scheduler for a tenth of an import. The event loop still gets a
  // turn every BREATHE_BYTES (see breathe), for a server importing in the background.
  // Each chunk is read straight in after the bytes still needed, at the front of one
  // working buffer: a new buffer per read left hundreds of MB for the collector.
  let work = Buffer.allocUnsafe(2 * chunkBytes + MAX_HEADER_BYTES);
  let fileOffset = from;
  let breathedAt = from;
  const read = (): boolean => {
    if (eof) return false;
    // Keep one byte before pos: whether a line starts at pos depends on it.
    const keep = Math.max(0, pos - 1);
    const tail = buf.length - keep;
    if (tail + chunkBytes > work.length) {
      const bigger = Buffer.allocUnsafe(2 * (tail + chunkBytes));
      buf.copy(bigger, 0, keep);
      work = bigger;
    } else {
      buf.copy(work, 0, keep);
    }
    const bytesRead = readSync(fd, work, tail, chunkBytes, fileOffset);
    fileOffset += bytesRead;
    buf = work.subarray(0, tail + bytesRead);
    base += keep;
    pos -= keep;
    generation++;
    if (bytesRead === 0) {
      eof = true;
      return false;
    }
    options.onBytes?.(base + buf.length);
    return true;
  };
  // The next CR at or after a position, cached: most files have none, and looking
  // for it from every header line would scan the rest of the buffer each time.
  let cr = { generation: -1, at: -1 };
  const crFrom = (from: number): number => {
    if (cr.generation !== generation || (cr.at >= 0 && cr.at < from)) cr = { generation, at: buf.indexOf(CR, from) };
    return cr.at;
  };
  /** Whether a line starts at buf[i]. */
  const atLineStart = (i: number): boolean => {
    if (base + i === from) return true;
    const before = buf[i - 1];
    return before === LF || (before === CR && buf[i] !== LF);
  };
  /** The line at pos (its text and file offset), reading more as needed; null at the end. */
  const nextLine = (): { text: string; start: number } | null => {
    for (;;) {
      const lf = buf.indexOf(LF, pos);
      const cr = crFrom(pos);
      let end = -1;
      let after = -1;
      if (cr >= 0 && (lf < 0 || cr < lf)) {
        // A CR last in the buffer may be the first half of a CRLF.
        if (cr + 1 < buf.length || eof) {
          end = cr;
          after = buf[cr + 1] === LF ? cr + 2 : cr + 1;
        }
      } else if (lf >= 0) {
        end = lf;
        after = lf + 1;
      } else if (eof) {
        if (pos >= buf.length) return null;
        end = after = buf.length;
      }
      if (end < 0 && buf.length - pos > MAX_HEADER_BYTES) {
        // A "line" this long is no header; it is handed over in pieces.
        end = after = pos + MAX_HEADER_BYTES;
      }
      if (end >= 0) {
        const start = base + pos;
        const text = buf.toString('latin1', pos, end);
        pos = after;
        return { text, start };
      }
      read();
    }
  };
  /** Moves pos to the next line start at or after it (or the end). */
  const toLineStart = (): void => {
    for (;;) {
      if (pos >= buf.length && !read()) return;
      if (atLineStart(pos)) return;
      const lf = buf.indexOf(LF, pos);
      const cr = buf.indexOf(CR, pos);
      const hit = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
      pos = hit < 0 ? buf.length : hit + 1;
    }
  };
  /** Moves pos to the next line that begins with "From " (or the end), without reading the lines between. */
  const toNextFrom = (): void => {
    for (;;) {
      if (buf.length - pos >= FROM.length && buf.compare(FROM, 0, FROM.length, pos, pos + FROM.length) === 0 && atLineStart(pos)) return;
      for (let hit = buf.indexOf(FROM, pos + 1); hit >= 0; hit = buf.indexOf(FROM, hit + 1)) {
        if (atLineStart(hit)) {
          pos = hit;
          return;
        }
      }
      // The last bytes may be the start of a "From " that the next read completes.
      pos = Math.max(pos, buf.length - FROM.length + 1);
      if (!read()) {
        pos = buf.length;
        return;
      }
    }
  };

  try {
    let start = 0;
    let headers: string[] | null = null;
    let headerBytes = 0;
    let inHeaders = false;
    let sawSeparator = false;
    const message = (): MailItem => {
      const at = start;
      return { kind: 'message', message: headersToMessage(headers!), lineNumber: () => lines.lineAt(at) };
    };
    for (;;) {
      if (fileOffset - breathedAt >= BREATHE_BYTES) {
        breathedAt = fileOffset;
        await breathe();
      }
      if (sawSeparator && !inHeaders) toNextFrom();
      const line = nextLine();
      if (!line) break;
      const text = line.start === 0 ? line.text.replace(/^\xef\xbb\xbf/, '') : line.text;
      if (SEPARATOR.test(text)) {
        if (headers && inHeaders) yield { kind: 'error', line: lines.lineAt(start), reason: 'message ends inside its headers' };
        if (options.until !== undefined && line.start >= options.until) {
          options.onStop?.(line.start);
          return;
        }
        sawSeparator = true;
        start = line.start;
        headers = [];
        headerBytes = 0;
        inHeaders = true;
        continue;
      }
      if (!sawSeparator) {
        if (text.trim()) {
          yield { kind: 'error', line: lines.lineAt(line.start), reason: 'not an mbox file: it does not start with a "From " line' };
          return;
        }
        continue;
      }
      if (!inHeaders || !headers) continue;
      if (text === '' || text === '\r') {
        inHeaders = false;
        const length = headers.map((h) => /^content-length:\s*(\d+)/i.exec(h)).find(Boolean);
        yield message();
        if (length) {
          // The body runs for exactly this many bytes, then to the end of its line.
          const bodyEnd = base + pos + Number(length[1]);
          for (;;) {
            if (bodyEnd - base <= buf.length) {
              pos = bodyEnd - base;
              break;
            }
            pos = buf.length;
            if (!read()) break;
          }
          toLineStart();
        }
        continue;
      }
      headerBytes += text.length;
      if (headers.length >= MAX_HEADER_LINES || headerBytes > MAX_HEADER_BYTES) {
        yield { kind: 'error', line: lines.lineAt(start), reason: headers.length >= MAX_HEADER_LINES ? `more than ${MAX_HEADER_LINES} header lines` : 'more than 1 MB of headers' };
        inHeaders = false;
        continue;
      }
      headers.push(text.replace(/\r$/, ''));
    }
    if (headers && inHeaders && headers.length) yield message();
  } finally {
    closeSync(fd);
  }
}
