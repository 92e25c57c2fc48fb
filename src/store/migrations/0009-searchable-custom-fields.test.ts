import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, openTestStore, type TestStore } from '../../../test/stores.js';
import { searchableCustomFieldsMigration } from './0009-searchable-custom-fields.js';

describe.each(DIALECTS)('custom fields made searchable in existing databases on %s', (dialect) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore(dialect);
  });
  afterEach(() => t.cleanup());

  it('adds the values of custom fields to the documents written before they were searched', async () => {
    const maja = await t.kith.people.add({ name: 'Maja Lind', customFields: { 'relation (spouse)': 'Nils Ekström', role: 'Board member' } });
    const plain = await t.kith.people.add({ name: 'Nils Berg' });
    // A document as the search index wrote it before: no custom fields in it.
    if (dialect === 'sqlite') await sql`UPDATE person_fts SET body = '' WHERE rowid = (SELECT rowid FROM person_fts_row WHERE person_id = ${maja.id})`.execute(t.store.db);
    else await sql`UPDATE person_search SET document = setweight(to_tsvector('simple', 'maja lind'), 'A') WHERE person_id = ${maja.id}`.execute(t.store.db);
    expect(await t.kith.search.search('ekstrom')).toEqual([]);

    await searchableCustomFieldsMigration(dialect).up(t.store.db);
    expect((await t.kith.search.search('ekstrom')).map((h) => [h.person.id, h.match])).toEqual([[maja.id, 'text']]);
    expect((await t.kith.search.search('board')).map((h) => h.person.id)).toEqual([maja.id]);
    // Names still count, and people without custom fields are as they were.
    expect((await t.kith.search.search('maja')).map((h) => h.person.id)).toEqual([maja.id]);
    expect((await t.kith.search.search('nils')).map((h) => h.person.id).sort()).toEqual([maja.id, plain.id].sort());
  });
});
