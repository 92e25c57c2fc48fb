import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readLineBatches, readLines } from './lines.js';

const dir = mkdtempSync(join(tmpdir(), 'kith-lines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function linesOf(content: string | Buffer) {
  const file = join(dir, `f${Math.random().toString(36).slice(2)}`);
  writeFileSync(file, content);
  const out = [];
  for await (const line of readLines(file)) out.push(line);
  return out;
}

describe('readLines', () => {
  it('ends a line at LF, CRLF or a lone CR, and counts each line\'s own bytes', async () => {
    const lines = await linesOf('a\nbb\r\nccc\rdddd');
    expect(lines.map((l) => l.raw)).toEqual(['a', 'bb', 'ccc', 'dddd']);
    expect(lines.map((l) => l.bytes)).toEqual([2, 4, 4, 4]);
    expect(lines.map((l) => l.number)).toEqual([1, 2, 3, 4]);
    expect(lines.at(-1)!.offset).toBe(14);
    expect((await linesOf('x\n\ny\n')).map((l) => l.raw)).toEqual(['x', '', 'y']);
    expect(await linesOf('')).toEqual([]);
  });

  it('keeps a CRLF that falls across two chunks as one break, and bytes as they are', async () => {
    // The reader takes 64 KiB at a time: put the CR last in the first chunk.
    const first = 'x'.repeat((1 << 16) - 1);
    const lines = await linesOf(Buffer.concat([Buffer.from(first + '\r\nnext\r\n'), Buffer.from([0xe9, 0x0a])]));
    expect(lines.map((l) => l.raw.length)).toEqual([first.length, 4, 1]);
    expect(lines.map((l) => l.bytes)).toEqual([first.length + 2, 6, 2]);
    expect(lines[2]!.raw).toBe('\xe9'); // latin1: one character per byte
  });

  it('hands over the lines of a chunk together', async () => {
    const file = join(dir, 'many');
    writeFileSync(file, 'line\n'.repeat(50_000));
    let batches = 0;
    let lines = 0;
    for await (const batch of readLineBatches(file)) {
      batches++;
      lines += batch.length;
    }
    expect(lines).toBe(50_000);
    expect(batches).toBeLessThan(10);
  });
});

describe('a line longer than many chunks', () => {
  it('is read whole, after the lines before it and before the lines after it', async () => {
    const long = 'x'.repeat(20 << 20);
    const lines = await linesOf(`first\r${long}\r\nlast`);
    expect(lines.map((l) => l.raw.length)).toEqual([5, long.length, 4]);
    expect(lines.map((l) => l.bytes)).toEqual([6, long.length + 2, 4]);
  });

  it('ends at a CR left at the end of a chunk when the next chunk has no break', async () => {
    const first = 'y'.repeat((1 << 16) - 1);
    const lines = await linesOf(`${first}\r${'z'.repeat(1 << 17)}`);
    expect(lines.map((l) => l.raw.length)).toEqual([first.length, 1 << 17]);
  });
});
