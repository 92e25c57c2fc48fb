import { describe, expect, it } from 'vitest';
import { coverage, normalizeAudienceFilter, strengthBand, type AudienceMember } from './audience.js';
import { keyResultProgress, parseKeyResult, periodStart } from './goal.js';

const m = (personId: string, organizationId: string | null, strength: number): AudienceMember => ({ personId, name: personId.toUpperCase(), organizationId, organization: organizationId ? `Org ${organizationId}` : null, strength });

describe('audience coverage', () => {
  it('counts by strength band, finds organizations with no strong tie, and says whom to meet next', () => {
    const members = [m('a', 'o1', 75), m('b', 'o1', 10), m('c', 'o2', 45), m('d', 'o2', 0), m('e', 'o2', 20), m('f', null, 0)];
    const c = coverage(members, 10);
    expect(c.people).toBe(6);
    expect(c.bands).toEqual({ strong: 1, medium: 1, weak: 2, none: 2 });
    expect(c.organizationsWithoutStrongTie).toEqual([{ organizationId: 'o2', name: 'Org o2', people: 3, bestStrength: 45 }]);
    // At o2 (no strong tie) first, warmest first; then the rest, never the strong tie.
    expect(c.meetNext.map((x) => x.personId)).toEqual(['c', 'e', 'd', 'b', 'f']);
    expect([strengthBand(60), strengthBand(59.9), strengthBand(30), strengthBand(0.1), strengthBand(0)]).toEqual(['strong', 'medium', 'medium', 'weak', 'none']);
  });

  it('needs at least one criterion and checks tiers and strength ranges', () => {
    expect(() => normalizeAudienceFilter({})).toThrow(/at least one criterion/);
    expect(() => normalizeAudienceFilter({ tiers: ['best'] })).toThrow(/invalid tier "best"/);
    expect(() => normalizeAudienceFilter({ minStrength: 50, maxStrength: 20 })).toThrow(/minimum is above the maximum/);
    expect(normalizeAudienceFilter({ tags: [' Fintech ', 'fintech'], titles: ['product'] })).toMatchObject({ tags: ['fintech'], titles: ['product'], minStrength: null });
  });
});

describe('goal key results', () => {
  it('parses targets and periods, and counts progress from numbers', () => {
    expect(parseKeyResult('meet:10')).toEqual({ metric: 'meet', target: 10, period: 'total' });
    expect(parseKeyResult('Interactions: 3 / month')).toEqual({ metric: 'interactions', target: 3, period: 'month' });
    expect(() => parseKeyResult('coffees:3')).toThrow(/METRIC:TARGET/);
    expect(() => parseKeyResult('meet:0')).toThrow(/at least 1/);
    expect(keyResultProgress('k', parseKeyResult('meet:4'), 3)).toMatchObject({ label: '4 people met', current: 3, fraction: 0.75, done: false });
    expect(keyResultProgress('k', parseKeyResult('introductions:2'), 5)).toMatchObject({ fraction: 1, done: true });
    const now = new Date('2026-11-28T10:00:00Z');
    expect(periodStart(parseKeyResult('interactions:3/month'), '2026-10-05T00:00:00.000Z', now)).toBe('2026-11-01T00:00:00.000Z');
    expect(periodStart(parseKeyResult('interactions:3/month'), '2026-11-20T00:00:00.000Z', now)).toBe('2026-11-20T00:00:00.000Z');
    expect(periodStart(parseKeyResult('meet:3'), '2026-10-05T00:00:00.000Z', now)).toBe('2026-10-05T00:00:00.000Z');
  });
});
