import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, openTestStore, type TestStore } from '../../test/stores.js';
import type { RawEdge } from './graph-repository.js';
import { readRepositories } from './repositories.js';

const sorted = (edges: RawEdge[]) => [...edges].sort((x, y) => `${x.kind}${x.a}${x.b}`.localeCompare(`${y.kind}${y.a}${y.b}`));

describe.each(DIALECTS)('the whole network read in parts on %s', (dialect) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore(dialect);
  });
  afterEach(() => t.cleanup());

  it('gives the same people and the same evidence, counted once per pair, whatever the size of the parts', async () => {
    const names = ['Ada', 'Ben', 'Cy', 'Di', 'Eve', 'Flo', 'Gus'];
    for (const name of names) await t.kith.people.add({ name, company: name < 'D' ? 'Acme' : 'Initech' });
    // Pairs meet again and again, so that their meetings fall in different parts.
    for (let i = 0; i < 14; i++) {
      const a = names[i % names.length]!;
      const b = names[(i * 3 + 1) % names.length]!;
      if (a !== b) await t.kith.interactions.log({ kind: 'meeting', with: [a, b], at: `2026-01-${String(i + 1).padStart(2, '0')}` });
    }
    await t.kith.interactions.log({ kind: 'meeting', with: ['Ada', 'Ben', 'Cy'], at: '2026-02-01' });
    await t.kith.interactions.log({ kind: 'call', with: ['Ada'], at: '2026-02-02' });
    await t.kith.people.archive('Gus');
    const graph = readRepositories(t.store).graph;
    let pauses = 0;
    const between = async () => {
      pauses++;
    };

    const whole = sorted(await graph.allEdges());
    const inParts = sorted(await graph.allEdges({ between, part: 2 }));
    expect(inParts).toEqual(whole);
    expect(pauses).toBeGreaterThanOrEqual(7);
    const together = whole.filter((e) => e.kind === 'interactions');
    // Every pair once, a before b, with all its meetings counted.
    expect(new Set(together.map((e) => `${e.a}|${e.b}`)).size).toBe(together.length);
    expect(together.every((e) => e.a < e.b)).toBe(true);
    // 12 meetings of two (two of the 14 would pair someone with themselves) and one of three.
    expect(together.reduce((n, e) => n + e.count, 0)).toBe(12 + 3);
    expect(whole.some((e) => e.kind === 'colleagues')).toBe(true);

    pauses = 0;
    const people = await graph.nodes(undefined, { between, part: 2 });
    expect(people.map((p) => p.id).sort()).toEqual((await graph.nodes()).map((p) => p.id).sort());
    expect(people.map((p) => p.name).sort()).toEqual(names.filter((n) => n !== 'Gus'));
    expect(people.find((p) => p.name === 'Ada')!.stats!.interactions).toBeGreaterThan(1);
    expect(pauses).toBe(3);
  });
});
