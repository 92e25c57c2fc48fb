import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, openTestStore, type TestStore } from '../../test/stores.js';
import { readRepositories } from '../store/repositories.js';

// A 1×1 PNG, as an imported photo is kept: base64 and its media type.
const PHOTO = { mediaType: 'image/png', data: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==' };

describe.each(DIALECTS)('exports on %s', (dialect) => {
  let t: TestStore;
  let dir: string;
  beforeEach(async () => {
    t = await openTestStore(dialect, () => new Date('2026-06-15T10:00:00.000Z'));
    dir = mkdtempSync(join(tmpdir(), 'kith-export-'));
    await t.kith.people.add({ name: 'Zoë Ångström', emails: ['work:zoe@fjord.example'], phones: ['mobile:+46 70 123 45 67'], company: 'Fjord; Sons, AB', title: 'Founder', tags: ['nordics', 'investors'], birthday: '--04-02', nickname: 'Zo', urls: ['linkedin.com/in/zoe'], customFields: { 'relation (spouse)': 'Erik', 'seating; notes, etc.': 'aisle;\nnever, ever the middle' } });
    await t.kith.people.add({ name: 'Nobody Reachable', location: 'Lisbon' });
    const zoe = await t.kith.people.get('zoe@fjord.example');
    await readRepositories(t.store).imports.setPhoto(zoe.id, PHOTO.mediaType, PHOTO.data);
    await t.kith.notes.add('Met at the Nordic founders dinner; wants intros to climate funds.', [zoe.id]);
    await t.kith.notes.add('Second note, with a comma, a; semicolon\nand a new line.', [zoe.id]);
  });
  afterEach(async () => {
    await t.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const version of ['3', '4']) {
    it(`writes vCard ${version}.0 that ical.js parses and that re-imports with no change`, async () => {
      const file = join(dir, `people-v${version}.vcf`);
      expect(await t.kith.exports.write('vcard', {}, { file }, version)).toBe(2);
      const text = readFileSync(file, 'utf8');
      const parsed = ICAL.parse(text) as unknown[];
      const cards = (Array.isArray(parsed[0]) ? parsed : [parsed]).map((c) => new ICAL.Component(c as never));
      expect(cards).toHaveLength(2);
      const zoe = cards.find((c) => c.getFirstPropertyValue('fn') === 'Zoë Ångström')!;
      expect(zoe.getFirstPropertyValue('version')).toBe(`${version}.0`);
      expect(zoe.getFirstPropertyValue('email')).toBe('zoe@fjord.example');
      expect(zoe.getFirstPropertyValue('org')).toEqual('Fjord; Sons, AB');
      // ical.js keeps 3.0's escaped semicolon in plain text as written.
      const note = String(zoe.getFirstPropertyValue('note'));
      expect(version === '3' ? note.replace(/\\;/g, ';') : note).toBe('Met at the Nordic founders dinner; wants intros to climate funds.\n\nSecond note, with a comma, a; semicolon\nand a new line.');
      const photo = zoe.getFirstProperty('photo')!;
      if (version === '4') expect(photo.getFirstValue()).toBe(`data:${PHOTO.mediaType};base64,${PHOTO.data}`);
      else expect([photo.getParameter('encoding'), photo.getParameter('type'), String(photo.getFirstValue()).replace(/\s+/g, '')]).toEqual(['b', 'PNG', PHOTO.data]);
      const before = await t.kith.people.list();
      const report = await t.kith.imports.run('vcard', file);
      expect([report.created, report.merged, report.updated, report.failed]).toEqual([0, 0, 0, 0]);
      expect(report.skipped).toBe(2);
      expect((await t.kith.people.list()).items).toEqual(before.items);

      // Into another database, the photo and the notes come along.
      const other = await openTestStore(dialect);
      try {
        expect((await other.kith.imports.run('vcard', file)).created).toBe(2);
        const copy = await other.kith.people.get('zoe@fjord.example');
        expect(copy.customFields).toEqual({ 'relation (spouse)': 'Erik', 'seating; notes, etc.': 'aisle;\nnever, ever the middle' });
        expect((await readRepositories(other.store).imports.photos([copy.id])).get(copy.id)).toEqual(PHOTO);
        expect((await readRepositories(other.store).notes.bodiesByPerson([copy.id])).get(copy.id)).toEqual([
          'Met at the Nordic founders dinner; wants intros to climate funds.\n\nSecond note, with a comma, a; semicolon\nand a new line.',
        ]);
      } finally {
        await other.cleanup();
      }
    });
  }

  it('writes CSV with quoting, filtered', async () => {
    const file = join(dir, 'people.csv');
    expect(await t.kith.exports.write('csv', { tag: 'nordics' }, { file })).toBe(1);
    const lines = readFileSync(file, 'utf8').trim().split('\r\n');
    expect(lines[0]).toBe('id,name,given_name,family_name,nickname,emails,phones,company,title,tier,tags,location,birthday,met_on,last_contact_at,urls,how_met,custom_fields');
    expect(lines[1]).toContain(',Zoë Ångström,Zoë,Ångström,Zo,zoe@fjord.example,+46701234567,"Fjord; Sons, AB",Founder,,investors; nordics,,--04-02,,');
    // The custom fields are one JSON object, quoted as CSV quotes any cell with commas or quotes.
    const custom = lines[1]!.slice(lines[1]!.indexOf(',https://linkedin.com/in/zoe,,') + ',https://linkedin.com/in/zoe,,'.length);
    expect(JSON.parse(custom.slice(1, -1).replace(/""/g, '"'))).toEqual({ 'relation (spouse)': 'Erik', 'seating; notes, etc.': 'aisle;\nnever, ever the middle' });
    await expect(t.kith.exports.write('pdf', {}, { file })).rejects.toThrow(/invalid format "pdf"/);
  });
});
