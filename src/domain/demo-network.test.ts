import { describe, expect, it } from 'vitest';
import { generateDemoNetwork, type DemoBatch } from './demo-network.js';

function collect(seed: string, people = 300, interactions = 3000): DemoBatch[] {
  return [...generateDemoNetwork({ people, interactions, seed, now: new Date('2026-06-01T00:00:00Z') }, 100)];
}

describe('demo network', () => {
  it('is reproducible for a seed and different across seeds', () => {
    expect(JSON.stringify(collect('a'))).toBe(JSON.stringify(collect('a')));
    expect(JSON.stringify(collect('a'))).not.toBe(JSON.stringify(collect('b')));
  });

  it('has consistent references, unique emails and tiers following frequency', () => {
    const batches = collect('shape');
    const people = batches.flatMap((b) => (b.type === 'people' ? b.rows : []));
    const orgs = new Set(batches.flatMap((b) => (b.type === 'organizations' ? b.rows.map((o) => o.id) : [])));
    const interactions = batches.flatMap((b) => (b.type === 'interactions' ? b.rows : []));
    const ids = new Set(people.map((p) => p.id));
    expect(people).toHaveLength(300);
    expect(interactions).toHaveLength(3000);
    expect(new Set(people.map((p) => p.email)).size).toBe(300);
    for (const p of people) for (const pos of p.positions) expect(orgs.has(pos.organizationId)).toBe(true);
    for (const i of interactions) for (const id of i.participantIds) expect(ids.has(id)).toBe(true);
    expect(interactions.every((i) => i.occurredAt <= '2026-06-01T12:00:00.000Z')).toBe(true);
    const count = new Map<string, number>();
    for (const i of interactions) for (const id of i.participantIds) count.set(id, (count.get(id) ?? 0) + 1);
    const mean = (tier: string) => {
      const group = people.filter((p) => p.tier === tier);
      return group.reduce((s, p) => s + (count.get(p.id) ?? 0), 0) / group.length;
    };
    expect(people.filter((p) => p.tier === 'inner')).toHaveLength(5);
    expect(mean('inner')).toBeGreaterThan(mean('active'));
    expect(mean('active')).toBeGreaterThan(mean('wider'));
  });
});
