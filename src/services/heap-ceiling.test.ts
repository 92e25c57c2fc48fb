import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { HeapCeiling } from './heap-ceiling.js';

const used = () => getHeapStatistics().used_heap_size;

describe('HeapCeiling', () => {
  it('collects what a batch left behind once the heap has grown past the ceiling, and nothing before', () => {
    const ceiling = new HeapCeiling();
    // Large arrays live outside the young generation: only a full collection frees them.
    let garbage: number[][] | null = Array.from({ length: 12 }, () => new Array<number>(1_000_000).fill(1.5));
    const held = garbage.length;
    garbage = null;
    const before = used();
    expect(before).toBeGreaterThan(64 * 2 ** 20);
    ceiling.betweenBatches();
    expect(used()).toBeLessThan(before - held * 6 * 2 ** 20);
    // Right after a collection the ceiling is above the live heap: the next call is free.
    const after = used();
    ceiling.betweenBatches();
    expect(Math.abs(used() - after)).toBeLessThan(16 * 2 ** 20);
  });
});
