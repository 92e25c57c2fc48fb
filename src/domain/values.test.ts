import { describe, expect, it } from 'vitest';
import { parseBirthday, parseDate, parseDateTime } from './dates.js';
import { normalizeEmail } from './email.js';
import { KithError } from './errors.js';
import { foldText, nameTokens, splitName } from './names.js';
import { normalizePersonDraft, splitLabel } from './person.js';
import { normalizePhone } from './phone.js';
import { normalizeTag } from './tags.js';
import { normalizeUrl, urlKind } from './urls.js';

function message(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(KithError);
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

describe('values', () => {
  it('normalises and rejects emails', () => {
    expect(normalizeEmail('  Ada@Example.COM ')).toBe('ada@example.com');
    expect(message(() => normalizeEmail('ada@'))).toBe('invalid email "ada@": not an email address');
    expect(message(() => normalizeEmail('a b@c.de'))).toMatch(/invalid email/);
  });

  it('normalises phones to E.164 in the user region', () => {
    expect(normalizePhone('+44 20 7946 0958')).toBe('+442079460958');
    expect(normalizePhone('(415) 555-2671')).toBe('+14155552671');
    expect(normalizePhone('0033 1 42 68 53 00')).toBe('+33142685300');
    expect(normalizePhone('01 42 68 53 00', 'FR')).toBe('+33142685300');
    expect(message(() => normalizePhone('hello'))).toBe('invalid phone "hello": not a phone number');
    expect(message(() => normalizePhone('123'))).toMatch(/invalid phone "123": not a valid phone number/);
  });

  it('parses dates, times, relative days and birthdays', () => {
    const now = new Date('2026-03-10T08:00:00Z');
    expect(parseDate('2024-02-29', 'at')).toBe('2024-02-29');
    expect(parseDate('yesterday', 'at', now)).toBe('2026-03-09');
    expect(parseDate('2 weeks ago', 'at', now)).toBe('2026-02-24');
    expect(message(() => parseDate('2023-02-29', 'met-on'))).toBe('invalid met-on "2023-02-29": expected a date as YYYY-MM-DD');
    expect(parseDateTime('2026-01-02', 'at')).toBe('2026-01-02T12:00:00.000Z');
    expect(parseDateTime('2026-01-02T09:15+02:00', 'at')).toBe('2026-01-02T07:15:00.000Z');
    expect(parseDateTime('2026-01-02 09:15', 'at')).toMatch(/^2026-01-02T/);
    expect(message(() => parseDateTime('soon', 'at'))).toMatch(/^invalid at "soon"/);
    expect(parseBirthday('--02-29')).toBe('--02-29');
    expect(parseBirthday('--0514')).toBe('--05-14');
    expect(parseBirthday('1990-05-14')).toBe('1990-05-14');
    expect(message(() => parseBirthday('--13-01'))).toMatch(/invalid birthday "--13-01"/);
  });

  it('normalises profile URLs so the same profile compares equal', () => {
    const a = normalizeUrl('https://www.linkedin.com/in/Jane-Doe/?originalSubdomain=uk');
    const b = normalizeUrl('linkedin.com/in/jane-doe');
    expect(a).toBe('https://linkedin.com/in/jane-doe');
    expect(b).toBe(a);
    expect(urlKind(a)).toBe('linkedin');
    expect(urlKind(normalizeUrl('github.com/ada'))).toBe('github');
    expect(message(() => normalizeUrl('not a url'))).toMatch(/invalid url/);
  });

  it('splits and folds names', () => {
    expect(splitName('Ludwig van Beethoven')).toEqual({ displayName: 'Ludwig van Beethoven', givenName: 'Ludwig', familyName: 'van Beethoven' });
    expect(splitName('Smith, John')).toEqual({ displayName: 'John Smith', givenName: 'John', familyName: 'Smith' });
    expect(splitName('Cher')).toEqual({ displayName: 'Cher', givenName: 'Cher', familyName: null });
    expect(foldText('Zoë Ångström')).toBe('zoe angstrom');
    expect(nameTokens('Jean-Luc Picard', 'J')).toEqual(['jean', 'luc', 'picard']);
  });

  it('reads labelled values and tags', () => {
    expect(splitLabel('work:ada@example.com')).toEqual({ value: 'ada@example.com', label: 'work' });
    expect(splitLabel('https://example.com')).toEqual({ value: 'https://example.com', label: null });
    expect(normalizeTag(' Machine Learning ')).toBe('machine-learning');
    expect(message(() => normalizeTag('a,b'))).toMatch(/invalid tag/);
  });

  it('normalises a whole person draft, reporting the first bad field', () => {
    const person = normalizePersonDraft({ name: ' Ada  Lovelace ', emails: ['A@B.CO', 'a@b.co'], tags: ['X', 'x'], tier: 'INNER' }, 'US');
    expect(person.fields.name).toBe('Ada Lovelace');
    expect(person.emails).toEqual([{ value: 'a@b.co', label: null }]);
    expect(person.tags).toEqual(['x']);
    expect(person.fields.tier).toBe('inner');
    expect(message(() => normalizePersonDraft({ name: 'X', emails: [42 as unknown as string] }, 'US'))).toMatch(/invalid emails/);
  });
});
