import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, openTestStore, type TestStore } from '../../test/stores.js';

for (const dialect of DIALECTS) {
  describe(`network intelligence on ${dialect}`, () => {
    let t: TestStore;
    beforeEach(async () => {
      t = await openTestStore(dialect, () => new Date('2026-11-28T09:00:00Z'));
    });
    afterEach(() => t.cleanup());

    /** Two groups of four who know each other; Xavier knows two in each; you know Ann well and Bob a little. */
    async function twoGroups() {
      const k = t.kith;
      const fintech = ['Ann Alpha', 'Amy Alpha', 'Abe Alpha', 'Ada Alpha'];
      const health = ['Bob Beta', 'Ben Beta', 'Bea Beta', 'Bo Beta'];
      for (const name of fintech) await k.people.add({ name, company: 'Payly', tags: ['fintech'] });
      for (const name of health) await k.people.add({ name, company: 'Carely', tags: ['health'] });
      await k.people.add({ name: 'Xavier Bridge', company: 'Consultly', tags: ['fintech', 'health'] });
      // They know each other (every interaction logged in Kith includes you, so these ties are relationships).
      for (const group of [fintech, health]) {
        for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) await k.relationships.link(group[i]!, 'knows', group[j]!);
      }
      for (const name of ['Abe Alpha', 'Ada Alpha', 'Ben Beta', 'Bo Beta']) await k.relationships.link('Xavier Bridge', 'knows', name);
      for (let d = 1; d <= 6; d++) await k.interactions.log({ kind: 'meeting', with: ['Ann Alpha'], at: `2026-11-0${d}` });
      await k.interactions.log({ kind: 'email', with: ['Bob Beta'], at: '2025-02-01' });
      return k;
    }

    it('answers paths from the cached network as it does from the neighbourhood, until the data changes', async () => {
      const k = await twoGroups();
      const before = await k.network.paths('Xavier Bridge');
      expect(before.graph.source).toBe('neighbourhood');
      expect((await k.network.status()).ready).toBe(false);
      const built = await k.network.network();
      expect([built.graph.order, built.graph.size]).toEqual([9, 6 + 6 + 4]);
      expect(await k.network.status()).toMatchObject({ ready: true, building: null, nodes: 9, edges: 16 });
      const after = await k.network.paths('Xavier Bridge');
      expect(after.graph.source).toBe('cache');
      expect(after.paths).toEqual(before.paths);
      expect(after.paths[0]!.hops.map((h) => h.to.name)).toEqual(['Ann Alpha', 'Abe Alpha', 'Xavier Bridge']);
      expect(after.paths[0]!.hops[2]!.evidence).toEqual(['knows']);
      // A write elsewhere (a preference) leaves the network current.
      await new Promise((resolve) => setTimeout(resolve, 20));
      await k.settings.set('timezone', 'Europe/Paris');
      expect((await k.network.paths('Xavier Bridge')).graph.source).toBe('cache');
      // A change to the evidence makes the cache stale: paths read the neighbourhood again.
      await k.relationships.link('Ann Alpha', 'friend', 'Xavier Bridge');
      const changed = await k.network.paths('Xavier Bridge');
      expect(changed.graph.source).toBe('neighbourhood');
      expect(changed.paths[0]!.hops.map((h) => h.to.name)).toEqual(['Ann Alpha', 'Xavier Bridge']);
      expect((await k.network.network()).graph.size).toBe(17);
    });

    it('reports communities, brokers, suggestions and the map', async () => {
      const k = await twoGroups();
      const c = await k.network.communities();
      expect(c.communities.map((x) => x.size).sort()).toEqual([4, 5]);
      const alpha = c.communities.find((x) => x.label.includes('Payly'))!;
      expect(alpha.label).toBe('Payly, #fintech');
      expect(alpha.bridged).toBe(true);
      expect(alpha.bestKnown?.name).toBe('Ann Alpha');
      expect(c.diversity.withAnyTie).toBe(2);
      expect(c.diversity.communities).toBe(2);

      const b = await k.network.brokers();
      // Xavier's four ties are two redundant pairs: effective size 4 − 4·¼ = 3, the highest.
      expect(b.brokers[0]).toMatchObject({ person: { name: 'Xavier Bridge' }, communities: 2, ties: 4, effectiveSize: 3 });
      expect(b.brokers.slice(1).every((x) => x.effectiveSize! < 3)).toBe(true);
      expect(b.you.ties).toBe(2);

      await expect(k.network.suggest()).resolves.toMatchObject({ audiences: [], suggestions: [] });
      await k.audiences.add({ name: 'Health people', filter: { tags: ['health'] } });
      await k.goals.add({ title: 'Learn about health', audience: 'Health people' });
      await k.audiences.add({ name: 'Fintech people', filter: { tags: ['fintech'] } });
      // Ann (a strong tie) is in the fintech group; nobody you know well reaches the health group.
      expect((await k.network.communities()).unbridgedAudiences).toEqual([expect.objectContaining({ name: 'Health people', members: 5 })]);
      const s = await k.network.suggest();
      expect(s.audiences).toEqual(['Health people']);
      // Two hops: people in the audience you have not met, who know Bob (or Xavier's contacts you do not know).
      expect(s.suggestions.map((x) => x.person.name).sort()).toEqual(['Bea Beta', 'Ben Beta', 'Bo Beta']);
      expect(s.suggestions[0]!.mutuals.map((m) => m.name)).toEqual(['Bob Beta']);
      expect(s.suggestions[0]!.for).toEqual(['goal Learn about health']);
      await expect(k.network.suggest({ audience: 'No Such Audience' })).rejects.toThrow(/no audience matches/);

      const map = await k.network.map({ limit: 3 });
      expect(map.nodes.map((n) => n.name).slice(0, 2)).toEqual(['Ann Alpha', 'Bob Beta']);
      expect(map.nodes).toHaveLength(3);
      for (const [i, j, w] of map.edges) {
        expect(i).toBeLessThan(3);
        expect(j).toBeLessThan(3);
        expect(w).toBeGreaterThan(0);
      }
      expect(map.communities.length).toBeGreaterThan(0);
    });
  });
}
