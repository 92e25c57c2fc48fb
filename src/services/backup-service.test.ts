import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { TIERS } from '../domain/vocabulary.js';
import { DIALECTS, openTestStore } from '../../test/stores.js';

const dir = mkdtempSync(join(tmpdir(), 'kith-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const NOW = () => new Date('2026-06-15T10:00:00.000Z');
let n = 0;

/** A backup without its creation time, for comparing two backups. */
function body(file: string): string {
  return readFileSync(file, 'utf8').split('\n').slice(1).join('\n');
}

const network = fc.record({
  people: fc.array(
    fc.record({ name: fc.stringMatching(/^[A-Z][a-zé]{1,8} [A-Z][a-z]{1,8}$/), email: fc.boolean(), tags: fc.subarray(['a', 'b', 'fintech']), tier: fc.option(fc.constantFrom(...TIERS), { nil: undefined }), company: fc.option(fc.constantFrom('Acme', 'Globex'), { nil: undefined }), birthday: fc.option(fc.constant('--02-29'), { nil: undefined }) }),
    { minLength: 1, maxLength: 8 },
  ),
  interactions: fc.array(fc.record({ who: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), kind: fc.constantFrom('call', 'meeting', 'email'), day: fc.integer({ min: 1, max: 28 }) }), { maxLength: 10 }),
  notes: fc.array(fc.record({ about: fc.nat(), text: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0) }), { maxLength: 4 }),
  links: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 4 }),
});

describe.each(DIALECTS)('backup and restore on %s', (dialect) => {
  it('restore(backup(db)) reproduces the database exactly', async () => {
    await fc.assert(
      fc.asyncProperty(network, async (spec) => {
        const source = await openTestStore(dialect, NOW);
        const target = await openTestStore(dialect, NOW);
        try {
          const ids: string[] = [];
          for (const [i, p] of spec.people.entries()) {
            const person = await source.kith.people.add({ name: p.name, emails: p.email ? [`p${i}@example.com`] : [], tags: p.tags, tier: p.tier, company: p.company, birthday: p.birthday, introducedBy: ids[0] });
            ids.push(person.id);
          }
          for (const x of spec.interactions) {
            await source.kith.interactions.log({ kind: x.kind, with: x.who.map((w) => ids[w % ids.length]!), at: `2026-05-${String(x.day).padStart(2, '0')}` });
          }
          for (const note of spec.notes) await source.kith.notes.add(note.text, [ids[note.about % ids.length]!]);
          for (const [a, b] of spec.links) if (a % ids.length !== b % ids.length) await source.kith.relationships.link(ids[a % ids.length]!, 'knows', ids[b % ids.length]!);
          await source.kith.reminders.add({ title: 'Weekly', at: '2026-06-15 09:00', rrule: 'FREQ=WEEKLY' });
          await source.kith.settings.set('timezone', 'Europe/Paris');
          const first = join(dir, `b${n++}.json`);
          const second = join(dir, `b${n++}.json`);
          await source.kith.backups.backup(first);
          await target.kith.backups.restore(first);
          await target.kith.backups.backup(second);
          expect(body(second)).toBe(body(first));
          // Derived data is rebuilt: search finds the restored people.
          const hits = await target.kith.search.search(spec.people[0]!.name);
          expect(hits.map((h) => h.person.id)).toContain(ids[0]);
        } finally {
          await source.cleanup();
          await target.cleanup();
        }
      }),
      { numRuns: dialect === 'sqlite' ? 12 : 6 },
    );
  });

  it('rejects a damaged backup in one line, changing nothing', async () => {
    const source = await openTestStore(dialect, NOW);
    const target = await openTestStore(dialect, NOW);
    try {
      await source.kith.people.add({ name: 'Kept Safe' });
      await source.kith.people.add({ name: 'Also Kept', emails: ['also@kept.example'] });
      const indexes = () => (target.store.sqlite?.prepare("SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name").all() as Array<{ name: string }> | undefined)?.map((r) => r.name);
      const indexesBefore = indexes();
      const file = join(dir, `b${n++}.json`);
      await source.kith.backups.backup(file);
      const lines = readFileSync(file, 'utf8').split('\n');
      const truncated = join(dir, `t${n++}.json`);
      writeFileSync(truncated, lines.slice(0, 8).join('\n'));
      await expect(target.kith.backups.restore(truncated)).rejects.toThrow(/ends early/);
      const garbled = join(dir, `g${n++}.json`);
      writeFileSync(garbled, lines.map((l) => (l.includes('Kept Safe') ? l.replace('{', '{{') : l)).join('\n'));
      await expect(target.kith.backups.restore(garbled)).rejects.toThrow(/g\d+\.json:\d+: not a JSON row/);
      const edited = join(dir, `e${n++}.json`);
      writeFileSync(edited, lines.map((l) => (l.includes('Also Kept') ? l.replace('{', '{"extra":1,') : l)).join('\n'));
      await expect(target.kith.backups.restore(edited)).rejects.toThrow(/e\d+\.json:\d+: a person row with the columns extra,id,.* where the rows before it have id,/);
      // A restore that failed half-way leaves every index as it was.
      expect(indexes()).toEqual(indexesBefore);
      const notBackup = join(dir, `x${n++}.json`);
      writeFileSync(notBackup, '{"hello": 1}\n');
      await expect(target.kith.backups.restore(notBackup)).rejects.toThrow(/not a Kith backup/);
      expect((await target.kith.stats.stats()).people).toBe(0);
      await target.kith.backups.restore(file);
      expect((await target.kith.people.get('Kept Safe')).name).toBe('Kept Safe');
      await expect(target.kith.backups.restore(file)).rejects.toThrow(/already holds data/);
    } finally {
      await source.cleanup();
      await target.cleanup();
    }
  });
});
