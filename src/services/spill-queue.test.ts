import { fstatSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { SpillQueue } from './spill-queue.js';

const spills = () => new Set(readdirSync(tmpdir()).filter((n) => n.startsWith('kith-queue-')));

describe('SpillQueue', () => {
  it('gives back everything in order, past its memory through a private file that has no name left to find', async () => {
    const before = spills();
    const queue = new SpillQueue<{ n: number; text: string }>(200);
    const items = Array.from({ length: 2500 }, (_, n) => ({ n, text: n % 7 ? `item ${n}` : `Zoë, 東京 "${n}"\n` }));
    for (const item of items) queue.push(item);
    expect(queue.length).toBe(2500);
    // Written and still readable, yet no longer in the temporary folder: a killed import leaves nothing.
    expect([...spills()].filter((n) => !before.has(n))).toEqual([]);
    const fd = (queue as unknown as { spill: { fd: number } }).spill.fd;
    expect(fstatSync(fd).mode & 0o777).toBe(0o600);
    expect(fstatSync(fd).size).toBeGreaterThan(2000 * 10);
    const out = [];
    for await (const item of queue) out.push(item);
    expect(out).toEqual(items);
    queue.close();
    expect(() => fstatSync(fd)).toThrow();
  });

  it('writes nothing to disk while it fits in memory', async () => {
    const before = spills();
    // The numbers 0 to 99 are 190 bytes of text: they just fit.
    const queue = new SpillQueue<number>(190);
    for (let i = 0; i < 100; i++) queue.push(i);
    expect([...spills()].filter((n) => !before.has(n))).toEqual([]);
    const out = [];
    for await (const item of queue) out.push(item);
    expect(out).toEqual(Array.from({ length: 100 }, (_, i) => i));
    queue.close();
  });
});
