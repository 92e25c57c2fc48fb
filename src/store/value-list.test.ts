import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, openTestStore, type TestStore } from '../../test/stores.js';
import { readRepositories } from './repositories.js';
import { valueList } from './value-list.js';

describe.each(DIALECTS)('a list of values as one parameter on %s', (dialect) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore(dialect);
  });
  afterEach(() => t.cleanup());

  it('matches exactly the values given, whatever characters they hold and however many there are', async () => {
    const awkward = ['plain', 'with "quotes"', "it's", 'back\\slash', 'comma,and}brace{', 'NULL', '', ' spaced ', 'ünïcødé ✓', '[1,2]'];
    const many = Array.from({ length: 12_000 }, (_, i) => `key-${i}`);
    const stored = [...awkward, ...many.filter((_, i) => i % 3 === 0), 'not asked for'];
    for (const [i, key] of stored.entries()) await t.store.db.insertInto('setting').values({ key: `k${i}`, value: key }).execute();
    const found = async (values: string[]) =>
      (await t.store.db.selectFrom('setting').select('value').where('value', 'in', valueList(t.store.dialect, values)).execute()).map((r) => r.value).sort();
    expect(await found(awkward)).toEqual([...awkward].sort());
    expect(await found(many)).toEqual(many.filter((_, i) => i % 3 === 0).sort());
    expect(await found([])).toEqual([]);
    expect(await found(['absent', 'Plain'])).toEqual([]);
  });

  it('serves the import lookups: owners of addresses, totals, known sources', async () => {
    const ada = await t.kith.people.add({ name: 'Ada Lovelace', emails: ['ada@example.com'] });
    await t.kith.interactions.log({ kind: 'call', with: ['ada@example.com'] });
    const repos = readRepositories(t.store);
    const addresses = ['ada@example.com', ...Array.from({ length: 3000 }, (_, i) => `nobody${i}@example.com`)];
    expect([...(await repos.people.emailOwners(addresses))]).toEqual([['ada@example.com', ada.id]]);
    expect([...(await repos.contactStats.get([ada.id, 'no-such-id'])).keys()]).toEqual([ada.id]);
    expect(await repos.batches.sources('vcard', ['x'])).toEqual(new Map());
  });
});
