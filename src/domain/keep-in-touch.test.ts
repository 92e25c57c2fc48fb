import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cadenceState, effectiveCadence, parseCadenceDays } from './cadence.js';
import { rankDormant } from './dormant.js';
import { KithError } from './errors.js';
import { nextOccurrence, parseRrule } from './recurrence.js';
import { addInteraction, EMPTY_STATS, tieStrength, tieStrengthScore, type ContactStats, type ObservedInteraction } from './tie-strength.js';
import { suggestTiers } from './tier-suggestion.js';
import { localDay, zonedToUtc } from './time-zone.js';
import { birthdayReason, cadenceReason, daysUntilBirthday, rankQueue, type QueueCandidate } from './today-queue.js';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

function fold(list: ObservedInteraction[]): ContactStats {
  return list.reduce(addInteraction, EMPTY_STATS);
}

describe('tie strength', () => {
  it('scores the same with or without explanations', () => {
    const interaction = fc.record({
      kind: fc.constantFrom('meeting', 'call', 'email', 'message', 'event', 'intro', 'other', 'video'),
      occurredAt: fc.integer({ min: 0, max: 3000 }).map((d) => ago(d)),
      direction: fc.constantFrom('outbound', 'inbound', 'mutual'),
      role: fc.constantFrom('participant', 'cc'),
    });
    fc.assert(
      fc.property(fc.array(interaction, { maxLength: 30 }), fc.option(fc.integer({ min: 0, max: 5000 }).map((d) => ago(d).slice(0, 10))), (list, metOn) => {
        const stats = fold(list as ObservedInteraction[]);
        expect(tieStrengthScore(stats, NOW, metOn)).toBe(tieStrength(stats, NOW, metOn).score);
      }),
      { numRuns: 300 },
    );
  });

  it('is zero without interactions', () => {
    expect(tieStrength(EMPTY_STATS, NOW).score).toBe(0);
  });

  it('matches the documented formula on a hand-computed case', () => {
    // One meeting today, initiated by neither side (mutual), met 5 years ago.
    const stats = fold([{ kind: 'meeting', occurredAt: NOW.toISOString(), direction: 'mutual', role: 'participant' }]);
    const s = tieStrength(stats, NOW, ago(5 * 365));
    const part = (c: string) => s.parts.find((p) => p.component === c)!.value;
    expect(part('recency')).toBe(1);
    // frequency: 0.5 × ln(2)/ln(13) + 0.5 × ln(2)/ln(53)
    expect(part('frequency')).toBeCloseTo(0.5 * (Math.log(2) / Math.log(13)) + 0.5 * (Math.log(2) / Math.log(53)), 3);
    expect(part('reciprocity')).toBe(1);
    expect(part('richness')).toBe(1);
    expect(part('duration')).toBe(1);
    const expected = 100 * (0.35 + 0.25 * part('frequency') + 0.15 + 0.15 + 0.1);
    expect(s.score).toBe(Math.round(expected));
  });

  it('decays with time, grows with frequency, rewards reciprocity and rich channels', () => {
    const recent = fold([{ kind: 'call', occurredAt: ago(3), direction: 'outbound', role: 'participant' }]);
    const old = fold([{ kind: 'call', occurredAt: ago(300), direction: 'outbound', role: 'participant' }]);
    expect(tieStrength(recent, NOW).score).toBeGreaterThan(tieStrength(old, NOW).score);
    const weekly = fold(Array.from({ length: 12 }, (_, i) => ({ kind: 'call' as const, occurredAt: ago(3 + 7 * i), direction: 'outbound' as const, role: 'participant' })));
    expect(tieStrength(weekly, NOW).score).toBeGreaterThan(tieStrength(recent, NOW).score);
    const oneSided = fold([0, 10, 20].map((d) => ({ kind: 'email' as const, occurredAt: ago(d), direction: 'outbound' as const, role: 'participant' })));
    const balanced = fold([0, 10, 20].map((d, i) => ({ kind: 'email' as const, occurredAt: ago(d), direction: i % 2 ? ('inbound' as const) : ('outbound' as const), role: 'participant' })));
    expect(tieStrength(balanced, NOW).score).toBeGreaterThan(tieStrength(oneSided, NOW).score);
    const cc = fold([{ kind: 'email', occurredAt: ago(1), direction: 'inbound', role: 'cc' }]);
    const direct = fold([{ kind: 'email', occurredAt: ago(1), direction: 'inbound', role: 'participant' }]);
    expect(tieStrength(cc, NOW).score).toBeLessThan(tieStrength(direct, NOW).score);
  });

  it('does not depend on the order interactions arrive in', () => {
    const list: ObservedInteraction[] = [10, 400, 35, 2, 900].map((d, i) => ({ kind: i % 2 ? 'email' : 'meeting', occurredAt: ago(d), direction: 'outbound', role: 'participant' }));
    const a = fold(list);
    const b = fold([...list].reverse());
    expect(b.decayedShort).toBeCloseTo(a.decayedShort, 9);
    expect(b.decayedLong).toBeCloseTo(a.decayedLong, 9);
    expect(tieStrength(b, NOW)).toEqual(tieStrength(a, NOW));
  });
});

describe('cadences', () => {
  it('uses person, then the shortest tag, then the tier', () => {
    const overrides = [
      { scope: 'tag' as const, target: 'investor', idealDays: 60, maxDays: null },
      { scope: 'tag' as const, target: 'friend', idealDays: 14, maxDays: 20 },
      { scope: 'tier' as const, target: 'close', idealDays: 21, maxDays: null },
    ];
    expect(effectiveCadence('close', [], undefined, overrides)).toEqual({ idealDays: 21, maxDays: 32, source: 'tier close' });
    expect(effectiveCadence('active', [], undefined, overrides)).toEqual({ idealDays: 90, maxDays: 135, source: 'tier active' });
    expect(effectiveCadence('active', ['investor', 'friend'], undefined, overrides)).toEqual({ idealDays: 14, maxDays: 20, source: 'tag friend' });
    expect(effectiveCadence('inner', ['friend'], { scope: 'person', target: 'x', idealDays: 3, maxDays: null }, overrides)).toEqual({ idealDays: 3, maxDays: 5, source: 'person' });
    expect(effectiveCadence('acquaintance', [], undefined, [])).toBeNull();
    expect(effectiveCadence(null, [], undefined, [])).toBeNull();
  });

  it('is ok, due or overdue by days since the last contact', () => {
    const c = { idealDays: 30, maxDays: 45, source: 'tier close' };
    expect(cadenceState(c, ago(10), ago(500), NOW).status).toBe('ok');
    expect(cadenceState(c, ago(30), ago(500), NOW).status).toBe('due');
    const overdue = cadenceState(c, ago(50), ago(500), NOW);
    expect([overdue.status, overdue.overdueByDays]).toEqual(['overdue', 20]);
    expect(cadenceState(c, null, ago(31), NOW).status).toBe('due');
    expect(parseCadenceDays('2w')).toBe(14);
    expect(parseCadenceDays('none')).toBeNull();
    expect(() => parseCadenceDays('often')).toThrow(KithError);
  });
});

describe("today's queue ranking", () => {
  const candidate = (id: string, reasons: QueueCandidate['reasons'], strength = 50, tier: QueueCandidate['tier'] = 'close'): QueueCandidate => ({ personId: id, name: id, company: null, tier, strength, reasons });

  it('puts a birthday today above an overdue inner tie, and that above a due wider tie', () => {
    const inner = cadenceReason(cadenceState({ idealDays: 7, maxDays: 11, source: 'tier inner' }, ago(20), ago(900), NOW))!;
    const wider = cadenceReason(cadenceState({ idealDays: 365, maxDays: 548, source: 'tier wider' }, ago(400), ago(900), NOW))!;
    const birthday = birthdayReason('--06-15', '2026-06-15')!;
    const ranked = rankQueue([candidate('w', [wider]), candidate('i', [inner]), candidate('b', [birthday])], 10);
    expect(ranked.map((e) => e.personId)).toEqual(['b', 'i', 'w']);
    expect(ranked[0]!.action).toBe('Send birthday wishes');
    expect(ranked[1]!.reasons[0]!.text).toBe('overdue by 13 days (every 7 days, tier inner)');
  });

  it('adds up several reasons, breaks ties by strength then id, and respects the limit', () => {
    const r = (score: number) => ({ kind: 'due' as const, text: 'due', score });
    const ranked = rankQueue([candidate('b', [r(50)], 40), candidate('a', [r(50)], 40), candidate('c', [r(50), r(40)], 40), candidate('d', [r(50)], 80), candidate('e', [], 99)], 3);
    expect(ranked.map((e) => e.personId)).toEqual(['c', 'd', 'a']);
    expect(ranked[0]!.score).toBe(50 + 10 + 2);
  });

  it('counts days to birthdays, with 29 February on the 28th in other years', () => {
    expect(daysUntilBirthday('--06-17', '2026-06-15')).toBe(2);
    expect(daysUntilBirthday('1990-06-14', '2026-06-15')).toBe(364);
    expect(daysUntilBirthday('--02-29', '2027-02-27')).toBe(1);
    expect(daysUntilBirthday('--02-29', '2028-02-27')).toBe(2);
    expect(birthdayReason('1990-06-17', '2026-06-15')!.text).toBe('birthday in 2 days (turning 36)');
    expect(birthdayReason('--06-30', '2026-06-15')).toBeUndefined();
  });
});

describe('time zones and recurrence', () => {
  it('converts wall-clock times, across daylight saving', () => {
    expect(zonedToUtc(2026, 1, 15, 9, 0, 'Europe/Paris').toISOString()).toBe('2026-01-15T08:00:00.000Z');
    expect(zonedToUtc(2026, 7, 15, 9, 0, 'Europe/Paris').toISOString()).toBe('2026-07-15T07:00:00.000Z');
    expect(zonedToUtc(2026, 3, 8, 2, 30, 'America/New_York').toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(localDay(new Date('2026-06-15T23:30:00Z'), 'Asia/Tokyo')).toBe('2026-06-16');
  });

  it('keeps a weekly reminder at 9:00 local across the change to summer time', () => {
    const start = { year: 2026, month: 3, day: 23, hour: 9, minute: 0 };
    const first = nextOccurrence('FREQ=WEEKLY;BYDAY=MO', start, 'Europe/Paris', new Date('2026-03-22T00:00:00Z'))!;
    expect(first.toISOString()).toBe('2026-03-23T08:00:00.000Z');
    const second = nextOccurrence('FREQ=WEEKLY;BYDAY=MO', start, 'Europe/Paris', first)!;
    expect(second.toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(nextOccurrence('FREQ=DAILY;COUNT=2', start, 'UTC', new Date('2026-03-24T12:00:00Z'))).toBeNull();
  });

  it('rejects a bad RRULE naming it', () => {
    expect(parseRrule('RRULE:FREQ=MONTHLY;BYMONTHDAY=1')).toBe('FREQ=MONTHLY;BYMONTHDAY=1');
    expect(() => parseRrule('FREQ=SOMETIMES')).toThrow(/invalid rrule "FREQ=SOMETIMES"/);
    expect(() => parseRrule('BYDAY=MO')).toThrow(/invalid rrule/);
  });
});

describe('dormant ties and tier suggestions', () => {
  it('ranks weaker past ties in your field above strong ones outside it', () => {
    const strongPast = fold(Array.from({ length: 30 }, (_, i) => ({ kind: 'meeting' as const, occurredAt: ago(1500 + 7 * i), direction: 'mutual' as const, role: 'participant' })));
    const weakPast = fold(Array.from({ length: 4 }, (_, i) => ({ kind: 'email' as const, occurredAt: ago(1300 + 60 * i), direction: 'outbound' as const, role: 'participant' })));
    const ranked = rankDormant(
      [
        { personId: 'strong', stats: strongPast, metOn: null, fields: ['retail'] },
        { personId: 'weak', stats: weakPast, metOn: null, fields: ['fintech'] },
      ],
      ['fintech'],
      NOW,
    );
    expect(ranked.map((r) => r.personId)).toEqual(['weak', 'strong']);
    expect(ranked[0]!.matchedInterests).toEqual(['fintech']);
    expect(ranked[0]!.yearsSilent).toBeGreaterThan(3);
  });

  it("fills Dunbar's layers by strength and proposes only changes", () => {
    const people = Array.from({ length: 30 }, (_, i) => ({ personId: `p${String(i).padStart(2, '0')}`, strength: 90 - i * 3, current: i < 5 ? ('inner' as const) : i === 29 ? ('wider' as const) : null }));
    const suggestions = suggestTiers(people);
    expect(suggestions.find((s) => s.personId === 'p00')).toBeUndefined();
    expect(suggestions.find((s) => s.personId === 'p05')!.suggested).toBe('close');
    expect(suggestions.find((s) => s.personId === 'p20')!.suggested).toBe('active');
    // Too faint to place: its tier is proposed for removal.
    expect(suggestions.find((s) => s.personId === 'p29')!.suggested).toBeNull();
    expect(suggestions.find((s) => s.personId === 'p28')!.suggested).toBe('active');
  });
});
