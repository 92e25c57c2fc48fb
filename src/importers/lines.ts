import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

export interface Line {
  /** The line as bytes read one-to-one into a string (latin1), so any charset can be decoded later. */
  raw: string;
  number: number;
  /** Bytes of the file consumed so far, for progress. */
  offset: number;
}

/** Streams a file's lines without holding the file in memory. */
export async function* readLines(path: string): AsyncGenerator<Line> {
  const stream = createReadStream(path, { encoding: 'latin1', highWaterMark: 1 << 16 });
  const reader = createInterface({ input: stream, crlfDelay: Infinity });
  let number = 0;
  let offset = 0;
  try {
    for await (const raw of reader) {
      number++;
      offset += raw.length + 1;
      yield { raw, number, offset };
    }
  } finally {
    reader.close();
    stream.destroy();
  }
}
