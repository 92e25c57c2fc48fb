import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, openTestStore, type TestStore } from '../../test/stores.js';
import { readRepositories } from '../store/repositories.js';
import { StrengthIndex } from './strength-index.js';

for (const dialect of DIALECTS) {
  describe(`today's strengths on ${dialect}`, () => {
    let t: TestStore;
    let clock = new Date('2026-11-01T09:00:00Z');
    beforeEach(async () => {
      clock = new Date('2026-11-01T09:00:00Z');
      t = await openTestStore(dialect, () => clock);
    });
    afterEach(() => t.cleanup());

    it('reads the people asked for, keeps everyone only while nothing has changed, and leaves out the archived', async () => {
      const k = t.kith;
      const ana = await k.people.add({ name: 'Ana Often' });
      const bo = await k.people.add({ name: 'Bo Never' });
      const cy = await k.people.add({ name: 'Cy Archived' });
      await k.interactions.log({ kind: 'meeting', with: ['Ana Often'], at: '2026-10-30' });
      await k.people.archive(cy.id);
      const repos = readRepositories(t.store);
      const byId = new StrengthIndex(t.store, () => clock); // reads each person asked for
      const whole = new StrengthIndex(t.store, () => clock, 1); // reads everyone and keeps it

      const few = await byId.of(repos, [ana.id, cy.id]);
      expect([...few.keys()]).toEqual([ana.id]);
      expect(few.get(ana.id)).toMatchObject({ name: 'Ana Often', firstAt: expect.stringMatching(/^2026-10-30/) });
      expect(few.get(ana.id)!.strength).toBeGreaterThan(0);

      const first = await whole.of(repos, [bo.id]);
      expect(new Set(first.keys())).toEqual(new Set([ana.id, bo.id]));
      expect(first.get(bo.id)).toMatchObject({ strength: 0, firstAt: null });
      expect(first.get(ana.id)!.strength).toBe(few.get(ana.id)!.strength);
      // Kept while nothing changes, where the store can tell (SQLite's change mark).
      expect((await whole.of(repos, [bo.id])) === first).toBe(dialect === 'sqlite');

      await k.interactions.log({ kind: 'meeting', with: ['Bo Never'], at: '2026-10-31' });
      const after = await whole.of(repos, [bo.id]);
      expect(after.get(bo.id)!.strength).toBeGreaterThan(0);

      // Strength decays by the day: a later day is read again, and is weaker.
      clock = new Date('2027-03-01T09:00:00Z');
      expect((await whole.of(repos, [bo.id])).get(bo.id)!.strength).toBeLessThan(after.get(bo.id)!.strength);
    });
  });
}
