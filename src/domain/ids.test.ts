import { describe, expect, it } from 'vitest';
import { looksLikeId, newId } from './ids.js';

describe('newId', () => {
  it('gives distinct UUIDv7s in the order they were made, past the end of the random pool', () => {
    // 4096 random words last about 2,000 ids; three times that crosses several refills.
    const ids = Array.from({ length: 12_000 }, () => newId());
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every(looksLikeId)).toBe(true);
    expect([...ids].sort()).toEqual(ids);
  });

  it('does not repeat the random part across refills', () => {
    const tails = Array.from({ length: 12_000 }, () => newId().slice(-12));
    expect(new Set(tails).size).toBe(tails.length);
  });
});
