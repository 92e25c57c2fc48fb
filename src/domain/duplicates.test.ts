import { describe, expect, it } from 'vitest';
import { blockingKeys, findDuplicates, scorePair, type DuplicateCandidate } from './duplicates.js';

const person = (id: string, name: string, org: string | null = null, domains: string[] = []): DuplicateCandidate => ({ id, name, givenName: null, familyName: null, organizationId: org, emailDomains: domains });

describe('duplicate detection', () => {
  it('scores by name, nickname, initial and typo, plus shared employer and mail domain', () => {
    expect(scorePair(person('1', 'Robert Smith', 'o1'), person('2', 'Bob Smith', 'o1'))).toEqual({ a: '1', b: '2', score: 1, evidence: ['same family name "smith"', 'nickname of the same name (robert/bob)', 'same organization'] });
    expect(scorePair(person('1', 'J Garcia'), person('2', 'Juan Garcia'))!.score).toBe(0.65);
    expect(scorePair(person('1', 'Anna Kowalski'), person('2', 'Anna Kowalsky'))!.score).toBe(0.7);
    expect(scorePair(person('1', 'Mary Jones'), person('2', 'Peter Jones'))).toBeUndefined();
    // A free-mail domain is no evidence.
    expect(scorePair(person('1', 'Jo Lee', null, ['gmail.com']), person('2', 'Jo Lee', null, ['gmail.com']))!.evidence).not.toContain('same mail domain gmail.com');
  });

  it('compares only within blocks, and skips dismissed pairs', () => {
    expect(blockingKeys(person('1', 'Anna Kowalski'))).toContain('f:kowalski|a');
    const people = [person('1', 'Anna Kowalski'), person('2', 'Anna Kowalsky'), person('3', 'Zed Zulu')];
    expect(findDuplicates(people, new Set()).map((p) => [p.a, p.b])).toEqual([['1', '2']]);
    expect(findDuplicates(people, new Set(['1|2']))).toEqual([]);
  });
});
