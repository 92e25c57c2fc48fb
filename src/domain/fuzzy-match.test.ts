import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deletionKeys, editDistance, nameMatchScore, tokenMatchScore } from './fuzzy-match.js';

describe('fuzzy name matching', () => {
  it('computes edit distance with transpositions', () => {
    expect(editDistance('john', 'jhon')).toBe(1);
    expect(editDistance('smith', 'smtih')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('is a symmetric distance that is zero only for equal strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = editDistance(a, b);
        expect(d).toBe(editDistance(b, a));
        expect(d === 0).toBe(a === b);
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
    );
  });

  it('shares a deletion key between any two tokens one edit apart', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{4,10}$/), fc.nat(), fc.constantFrom('delete', 'substitute', 'swap'), (token, at, edit) => {
        const i = at % (token.length - 1);
        const typo =
          edit === 'delete'
            ? token.slice(0, i) + token.slice(i + 1)
            : edit === 'substitute'
              ? token.slice(0, i) + (token[i] === 'z' ? 'y' : 'z') + token.slice(i + 1)
              : token.slice(0, i) + token[i + 1] + token[i] + token.slice(i + 2);
        const keys = new Set(deletionKeys(token));
        const shared = deletionKeys(typo).some((k) => keys.has(k)) || keys.has(typo);
        expect(shared).toBe(true);
      }),
    );
  });

  it('scores exact above prefix above typo, and requires every query word', () => {
    expect(tokenMatchScore('john', 'john')).toBe(1);
    expect(tokenMatchScore('jo', 'john')).toBe(0.9);
    expect(tokenMatchScore('jhon', 'john')).toBeCloseTo(0.65);
    expect(tokenMatchScore('abc', 'abd')).toBe(0);
    expect(nameMatchScore(['jhon', 'smtih'], ['john', 'smith'])).toBeCloseTo(0.65);
    expect(nameMatchScore(['jhon', 'brown'], ['john', 'smith'])).toBe(0);
    expect(nameMatchScore([], ['john'])).toBe(0);
  });
});
