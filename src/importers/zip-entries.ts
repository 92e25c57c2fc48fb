import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';

/**
 * Streams the entries of a ZIP whose base names pass `wanted` into a folder, so an
 * export can be imported as downloaded without holding it in memory. Paths inside
 * the archive are ignored (only the base name is kept), so nothing escapes the folder.
 */
export function extractEntries(zipPath: string, folder: string, wanted: (name: string) => boolean): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(zipPath, { lazyEntries: true, autoClose: true }, (error, zip) => {
      if (error || !zip) return reject(new Error(error?.message ?? 'not a ZIP archive'));
      const written: string[] = [];
      zip.on('error', (e: Error) => reject(e));
      zip.on('end', () => resolve(written));
      zip.on('entry', (entry: yauzl.Entry) => {
        const base = entry.fileName.split('/').pop() ?? '';
        if (entry.fileName.endsWith('/') || !wanted(base)) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(new Error(e?.message ?? 'unreadable entry'));
          const target = join(folder, base);
          pipeline(stream, createWriteStream(target))
            .then(() => {
              written.push(target);
              zip.readEntry();
            })
            .catch(reject);
        });
      });
      zip.readEntry();
    });
  });
}
