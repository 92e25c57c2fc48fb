import { createReadStream } from 'node:fs';
import { invalid } from '../domain/errors.js';

/** No line of a text file Kith reads is this long; past it, the file is rejected rather than held. */
const MAX_LINE_BYTES = 256 << 20;

export interface Line {
  /** The line as bytes read one-to-one into a string (latin1), so any charset can be decoded later. */
  raw: string;
  number: number;
  /** Bytes of the file consumed so far, for progress. */
  offset: number;
  /** The line's own bytes, with its line break. */
  bytes: number;
}

/**
 * Streams a file's lines a chunk at a time, without holding the file in memory.
 * A line ends at LF, CRLF or a lone CR, which is not part of it. Handing over a
 * chunk's lines together lets a parser run through them without an await per line:
 * in a mail archive of millions of body lines, that await cost more than the parse.
 */
export async function* readLineBatches(path: string, options: { fd?: number } = {}): AsyncGenerator<Line[]> {
  // With fd, the open file is read from its start and left open (its path, for messages, may be gone).
  const stream = createReadStream(path, { encoding: 'latin1', highWaterMark: 1 << 16, ...(options.fd === undefined ? {} : { fd: options.fd, start: 0, autoClose: false }) });
  let number = 0;
  let offset = 0;
  let carry = '';
  const batch: Line[] = [];
  const push = (raw: string, bytes: number) => {
    offset += bytes;
    batch.push({ raw, number: ++number, offset, bytes });
  };
  // Splits text whose last line may be incomplete (kept in carry) unless `last`.
  const split = (text: string, last: boolean) => {
    let start = 0;
    // The next CR is looked up again only once passed: most files have none, and
    // searching for it from every line would scan the rest of the chunk each time.
    let cr = text.indexOf('\r');
    for (;;) {
      if (cr >= 0 && cr < start) cr = text.indexOf('\r', start);
      const lf = text.indexOf('\n', start);
      if (lf < 0 && cr < 0) break;
      if (cr >= 0 && (lf < 0 || cr < lf)) {
        // CR at the very end of a chunk may be the first half of a CRLF.
        if (cr === text.length - 1 && !last) break;
        const crlf = text.charCodeAt(cr + 1) === 10;
        push(text.slice(start, cr), cr - start + (crlf ? 2 : 1));
        start = cr + (crlf ? 2 : 1);
      } else {
        push(text.slice(start, lf), lf - start + 1);
        start = lf + 1;
      }
    }
    carry = text.slice(start);
    if (last && carry) {
      push(carry, carry.length);
      carry = '';
    }
  };
  // A line longer than a chunk is kept as pieces and joined once its end is read:
  // joining and rescanning it at every chunk was quadratic in its length.
  const pieces: string[] = [];
  let pieceBytes = 0;
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      if (!/[\r\n]/.test(chunk) && !carry.endsWith('\r')) {
        pieces.push(chunk);
        pieceBytes += chunk.length;
        if (carry.length + pieceBytes > MAX_LINE_BYTES) throw invalid('file', path, `line ${number + 1} is longer than ${MAX_LINE_BYTES >> 20} MB`);
        continue;
      }
      if (pieces.length) {
        carry += pieces.join('');
        pieces.length = 0;
        pieceBytes = 0;
      }
      split(carry + chunk, false);
      if (batch.length) {
        yield batch.splice(0);
      }
    }
    split(carry + pieces.join(''), true);
    if (batch.length) yield batch.splice(0);
  } finally {
    // destroy() would close a file descriptor that belongs to the caller.
    if (options.fd === undefined) stream.destroy();
    else stream.pause();
  }
}

/** Streams a file's lines one at a time (see readLineBatches). */
export async function* readLines(path: string, options: { fd?: number } = {}): AsyncGenerator<Line> {
  for await (const batch of readLineBatches(path, options)) yield* batch;
}
