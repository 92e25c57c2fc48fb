import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readLines } from '../importers/lines.js';

/**
 * A queue read once, in order, that keeps its first items in memory and writes the
 * rest to a private temporary file, so that memory stays flat however much is
 * queued. The file is readable by its owner only, and its name is removed as soon
 * as it is open, so that nothing is left behind even if the process is killed
 * (where the system refuses, as Windows does for an open file, close() removes it).
 *
 * Items are held as their JSON text, in memory as in the file: a string is a tenth
 * of the memory of the object it stands for and nothing for the collector to trace,
 * so a budget of text holds a whole 1 GB mail archive's messages (100,000 of them,
 * about 15 MB) where 20,000 objects filled it before, and writing the rest to the
 * file and reading it back cost a tenth of that archive's import.
 */
export class SpillQueue<T> {
  private readonly held: string[] = [];
  private heldBytes = 0;
  private spill: { dir: string; path: string; fd: number; removed: boolean } | null = null;
  private pending: string[] = [];
  private count = 0;

  /** memoryBytes: how much JSON text is held in memory before the rest goes to the file. */
  constructor(private readonly memoryBytes = 32 << 20) {}

  get length(): number {
    return this.count;
  }

  push(item: T): void {
    this.pushText(JSON.stringify(item));
  }

  /** An item already as its JSON text (as another thread sends it). */
  pushText(text: string): void {
    this.count++;
    if (!this.spill && this.heldBytes + text.length <= this.memoryBytes) {
      this.held.push(text);
      this.heldBytes += text.length;
      return;
    }
    if (!this.spill) {
      const dir = mkdtempSync(join(tmpdir(), 'kith-queue-'));
      const path = join(dir, 'queue.ndjson');
      const fd = openSync(path, 'w+', 0o600);
      let removed = false;
      try {
        rmSync(dir, { recursive: true });
        removed = true;
      } catch {
        // kept until close()
      }
      this.spill = { dir, path, fd, removed };
    }
    this.pending.push(text);
    if (this.pending.length >= 1000) this.flush();
  }

  private flush(): void {
    if (!this.spill || this.pending.length === 0) return;
    writeSync(this.spill.fd, this.pending.join('\n') + '\n');
    this.pending = [];
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for (const text of this.held) yield JSON.parse(text) as T;
    if (!this.spill) return;
    this.flush();
    for await (const line of readLines(this.spill.path, { fd: this.spill.fd })) {
      if (line.raw) yield JSON.parse(Buffer.from(line.raw, 'latin1').toString('utf8')) as T;
    }
  }

  close(): void {
    if (!this.spill) return;
    closeSync(this.spill.fd);
    if (!this.spill.removed) rmSync(this.spill.dir, { recursive: true, force: true });
    this.spill = null;
  }
}
