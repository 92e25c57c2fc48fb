import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { KithError } from '../domain/errors.js';

export interface FileWriter {
  write(text: string): Promise<void>;
  close(): Promise<void>;
}

/** A UTF-8 file written with backpressure; a write error becomes one line naming the file. */
export function openFileWriter(file: string): FileWriter {
  const stream = createWriteStream(file, { encoding: 'utf8' });
  const failed = new Promise<never>((_, reject) =>
    stream.on('error', (e) => reject(new KithError('validation', 'cannot_write', `cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? e.message}`))),
  );
  failed.catch(() => {});
  return {
    async write(text) {
      if (!stream.write(text)) await Promise.race([once(stream, 'drain'), failed]);
    },
    async close() {
      stream.end();
      await Promise.race([once(stream, 'finish'), failed]);
    },
  };
}
