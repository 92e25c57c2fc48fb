import { describe, expect, it } from 'vitest';
import { blockingKeys, findDuplicates, scorePair, type DuplicateCandidate } from './duplicates.js';

const person = (id: string, name: string, org: string | null = null, domains: string[] = []): DuplicateCandidate => ({ id, name, givenName: null, familyName: null, organizationId: org, emailDomains: domains });

describe('duplicate detection', () => {
  it('scores by name, nickname, initial and typo, plus shared employer and mail domain', () => {
    expect(scorePair(person('1', 'Robert Smith', 'o1'), person('2', 'Bob Smith', 'o1'))).toEqual({ a: '1', b: '2', score: 0.8, evidence: ['same family name "smith"', 'nickname of the same name (robert/bob)', 'same organization'] });
    expect(scorePair(person('1', 'J Garcia', null, ['x.example']), person('2', 'Juan Garcia', null, ['x.example']))!.score).toBe(0.68);
    expect(scorePair(person('1', 'Anna Kowalski', 'o'), person('2', 'Anna Kowalsky', 'o'))!.score).toBe(0.76);
    // The same name outranks names a letter apart, with the same organization and domain.
    expect(scorePair(person('1', 'Mary King', 'o', ['v.example']), person('2', 'Mary King', 'o', ['v.example']))!.score).toBe(1);
    expect(scorePair(person('1', 'Mary King', 'o', ['v.example']), person('2', 'Mark King', 'o', ['v.example']))!.score).toBe(0.92);
    expect(scorePair(person('1', 'Mary Jones', 'o'), person('2', 'Peter Jones', 'o'))).toBeUndefined();
    // The same name with nothing else in common is not enough, nor is a free-mail domain.
    expect(scorePair(person('1', 'Jo Lee'), person('2', 'Jo Lee'))).toBeUndefined();
    expect(scorePair(person('1', 'Jo Lee', null, ['gmail.com']), person('2', 'Jo Lee', null, ['gmail.com']))).toBeUndefined();
  });

  it('compares only within blocks, and skips dismissed pairs', () => {
    expect(blockingKeys(person('1', 'Anna Kowalski'))).toEqual(['e:kowalski|anna', 'p:anna|kowa', 'q:kowalski|an', 's:anna|aikklosw']);
    // Letters swapped at the start of the family name still meet in one block.
    const swapped = [person('1', 'Ada Lovelace', 'o'), person('2', 'Ada Lovleace', 'o')];
    expect(findDuplicates(swapped, new Set()).map((p) => [p.a, p.b, p.evidence[0]])).toEqual([['1', '2', 'family names one letter apart (lovelace/lovleace)']]);
    const people = [person('1', 'Anna Kowalski', 'o'), person('2', 'Anna Kowalsky', 'o'), person('3', 'Zed Zulu', 'o')];
    expect(findDuplicates(people, new Set()).map((p) => [p.a, p.b])).toEqual([['1', '2']]);
    expect(findDuplicates(people, new Set(['1|2']))).toEqual([]);
  });
});
