import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, openTestStore, type TestStore } from '../../test/stores.js';

describe.each(DIALECTS)('duplicates and merge on %s', (dialect) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore(dialect, () => new Date('2026-06-15T10:00:00.000Z'));
  });
  afterEach(async () => {
    await t.cleanup();
  });

  it('proposes nicknames, initials and typos at the same company, with evidence, and remembers dismissals', async () => {
    await t.kith.people.add({ name: 'Robert Smith', company: 'Acme', emails: ['robert@acme.example'] });
    await t.kith.people.add({ name: 'Bob Smith', company: 'Acme', emails: ['bob.smith@acme.example'] });
    await t.kith.people.add({ name: 'J. Garcia', emails: ['jg@initech.example'] });
    await t.kith.people.add({ name: 'Juan Garcia', emails: ['juan@initech.example'] });
    await t.kith.people.add({ name: 'Anna Kowalski', company: 'Globex' });
    await t.kith.people.add({ name: 'Anna Kowalsky', company: 'Globex' });
    await t.kith.people.add({ name: 'Mary Jones', company: 'Globex' });
    await t.kith.people.add({ name: 'Peter Jones', company: 'Globex' });
    await t.kith.people.add({ name: 'Sam Same' });
    await t.kith.people.add({ name: 'Sam Same' });
    const pairs = await t.kith.duplicates.list();
    const byNames = new Map(pairs.map((p) => [p.people.map((x) => x.name).sort().join(' ~ '), p]));
    expect([...byNames.keys()].sort()).toEqual(['Anna Kowalski ~ Anna Kowalsky', 'Bob Smith ~ Robert Smith', 'J. Garcia ~ Juan Garcia']);
    const bob = byNames.get('Bob Smith ~ Robert Smith')!;
    expect(bob.evidence).toEqual(['same family name "smith"', 'nickname of the same name (robert/bob)', 'same organization', 'same mail domain acme.example']);
    expect(bob.score).toBe(0.96);
    await t.kith.duplicates.dismiss('Anna Kowalski', 'Anna Kowalsky');
    expect((await t.kith.duplicates.list()).map((p) => p.people.map((x) => x.name).sort().join(' ~ '))).not.toContain('Anna Kowalski ~ Anna Kowalsky');
    // Nothing was merged by any of this.
    expect((await t.kith.stats.stats()).people).toBe(10);
  });

  it('merges losslessly: fields, contacts, tags, positions, interactions, notes, links, reminders', async () => {
    await t.kith.people.add({ name: 'Robert Smith', emails: ['robert@acme.example'], tags: ['acme'], company: 'Acme', tier: 'close', location: 'London', customFields: { role: 'CTO' } });
    await t.kith.people.add({
      name: 'Bob Smith', emails: ['bob@home.example'], phones: ['+1 415 555 2671'], tags: ['friend'], birthday: '--04-01', nickname: 'Bob', location: 'Paris', customFields: { role: 'Founder', hobby: 'jazz' },
    });
    await t.kith.people.add({ name: 'Carol Chen' });
    await t.kith.positions.add('Bob Smith', { organization: 'OldCo', start: '2015-01-01', end: '2019-01-01' });
    await t.kith.interactions.log({ kind: 'meeting', with: ['Robert Smith', 'Bob Smith'], at: '2026-05-01' });
    await t.kith.interactions.log({ kind: 'call', with: ['Bob Smith'], at: '2026-06-01' });
    await t.kith.notes.add('Bob likes jazz', ['Bob Smith']);
    await t.kith.relationships.link('Carol Chen', 'knows', 'Bob Smith');
    await t.kith.relationships.link('Robert Smith', 'colleague', 'Bob Smith');
    await t.kith.reminders.add({ title: 'Call Bob back', about: 'Bob Smith', in: '1d' });
    const merged = await t.kith.duplicates.merge('Robert Smith', 'Bob Smith');
    expect(merged.emails).toEqual(['robert@acme.example', 'bob@home.example']);
    expect(merged.phones).toEqual(['+14155552671']);
    expect(merged.tags).toEqual(['acme', 'friend']);
    expect([merged.tier, merged.birthday, merged.nickname, merged.company]).toEqual(['close', '--04-01', 'Bob', 'Acme']);
    expect(merged.lastContactAt).toBe('2026-06-01T12:00:00.000Z');
    // Where the two disagree, the kept person's value stays and the other's is kept beside it.
    expect(merged.location).toBe('London');
    expect(merged.customFields).toEqual({ role: 'CTO', hobby: 'jazz', 'also known as': 'Bob Smith', 'merged location': 'Paris', 'role (merged)': 'Founder' });
    const detail = await t.kith.people.show(merged.id);
    expect(detail.interactionCount).toBe(2);
    expect(detail.interactions[1]!.participants.map((p) => p.name)).toEqual(['Robert Smith']);
    expect(detail.notes.map((n) => n.body)).toEqual(['Bob likes jazz']);
    expect(detail.positions.map((p) => p.organization)).toEqual(['Acme', 'OldCo']);
    // "knows" reads both ways; the link between the two merged people is gone.
    expect(detail.relationships.map((r) => [r.kind, [r.from.name, r.to.name].sort()])).toEqual([['knows', ['Carol Chen', 'Robert Smith']]]);
    expect((await t.kith.reminders.list({ about: merged.id })).map((r) => r.title)).toEqual(['Call Bob back']);
    expect(detail.strength.score).toBeGreaterThan(0);
    expect((await t.kith.search.search('bob')).map((h) => h.person.name)).toEqual(['Robert Smith']);
    expect((await t.kith.stats.stats()).people).toBe(2);
    await expect(t.kith.duplicates.merge('Robert Smith', 'robert@acme.example')).rejects.toThrow(/same person/);
  });

  it('keeps one of a symmetric link both people had, the right way round, when merging', async () => {
    // Ids grow with time: Bob < Carol < Dave < Robert, and symmetric links are stored smaller id first.
    await t.kith.people.add({ name: 'Bob Smith' });
    await t.kith.people.add({ name: 'Carol Chen' });
    await t.kith.people.add({ name: 'Dave Doe' });
    await t.kith.people.add({ name: 'Robert Smith' });
    await t.kith.relationships.link('Robert Smith', 'knows', 'Carol Chen');
    await t.kith.relationships.link('Bob Smith', 'knows', 'Carol Chen');
    await t.kith.relationships.link('Bob Smith', 'friend', 'Dave Doe');
    await t.kith.relationships.link('Bob Smith', 'mentor-of', 'Carol Chen');
    const merged = await t.kith.duplicates.merge('Robert Smith', 'Bob Smith');
    const links = async () => (await t.kith.relationships.list(merged.id)).map((r) => `${r.from.name} ${r.kind} ${r.to.name}`).sort();
    expect(await links()).toEqual(['Carol Chen knows Robert Smith', 'Dave Doe friend Robert Smith', 'Robert Smith mentor_of Carol Chen']);
    // Linking again finds the stored links, whichever way round they are asked for.
    await t.kith.relationships.link('Carol Chen', 'knows', 'Robert Smith');
    await t.kith.relationships.link('Robert Smith', 'friend', 'Dave Doe');
    expect(await links()).toHaveLength(3);
  });
});
