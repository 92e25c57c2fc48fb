import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { KithError } from '../domain/errors.js';

export interface FileWriter {
  write(text: string): Promise<void>;
  close(): Promise<void>;
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'over the disk quota',
};

/** The one-line error for a file that cannot be written, in words rather than an errno code. */
export function cannotWrite(file: string, error: unknown): KithError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = (code && REASONS[code]) ?? code ?? (error as Error).message;
  return new KithError('validation', 'cannot_write', `cannot write ${file}: ${reason}`);
}

/** A UTF-8 file written with backpressure; a write error becomes one line naming the file. */
export function openFileWriter(file: string): FileWriter {
  const stream = createWriteStream(file, { encoding: 'utf8' });
  const failed = new Promise<never>((_, reject) =>
    stream.on('error', (e) => reject(cannotWrite(file, e))),
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
