import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, openTestStore, type TestStore } from '../../test/stores.js';
import { readRepositories } from '../store/repositories.js';

const CORPORA = process.env.KITH_CORPORA ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'corpora');
const MBOXES = join(CORPORA, 'mbox', 'mimekit');
if (!existsSync(MBOXES)) console.log(`skipping the mbox corpus test: ${MBOXES} not found (set KITH_CORPORA to ../shared/corpora)`);

const MBOX = [
  'From me@home.example Mon Jun 01 09:00:00 2026',
  'From: Me <me@home.example>',
  'To: "Ana Souza" <ana@client.example>',
  'Cc: Bo <bo@client.example>',
  'Date: Mon, 1 Jun 2026 09:00:00 +0000',
  'Message-ID: <m1@home.example>',
  '',
  'Hello Ana.',
  '',
  'From ana@client.example Tue Jun 02 10:00:00 2026',
  'From: =?UTF-8?Q?Ana_Souza?= <ana@client.example>',
  'To: me@home.example',
  'Date: Tue, 2 Jun 2026 10:00:00 +0000',
  'Message-ID: <m2@client.example>',
  'In-Reply-To: <m1@home.example>',
  '',
  'From Russia with love, a line nobody escaped.',
  '',
  'From news@shop.example Wed Jun 03 10:00:00 2026',
  'From: Shop <news@shop.example>',
  'To: me@home.example',
  'List-Id: <deals.shop.example>',
  'Date: Wed, 3 Jun 2026 10:00:00 +0000',
  'Message-ID: <m3@shop.example>',
  '',
  'Deals!',
  '',
  'From stranger@else.example Thu Jun 04 10:00:00 2026',
  'From: Stranger <stranger@else.example>',
  'To: me@home.example',
  'Date: Thu, 4 Jun 2026 10:00:00 +0000',
  'Message-ID: <m4@else.example>',
  '',
  'Hi.',
  '',
].join('\n');

describe.each(DIALECTS)('mail archives on %s', (dialect) => {
  let t: TestStore;
  let dir: string;
  beforeEach(async () => {
    t = await openTestStore(dialect, () => new Date('2026-06-15T10:00:00.000Z'));
    dir = mkdtempSync(join(tmpdir(), 'kith-mail-'));
  });
  afterEach(async () => {
    await t.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('needs your own addresses to tell sent from received', async () => {
    writeFileSync(join(dir, 'a.mbox'), MBOX);
    await expect(t.kith.imports.run('mbox', join(dir, 'a.mbox'))).rejects.toThrow(/kith config set me.emails/);
  });

  it('creates people only for two-way correspondents, skips bulk, and is idempotent by Message-ID', async () => {
    await t.kith.settings.set('me.emails', 'me@home.example');
    await t.kith.people.add({ name: 'Bo Known', emails: ['bo@client.example'] });
    writeFileSync(join(dir, 'a.mbox'), MBOX);
    const report = await t.kith.imports.run('mbox', join(dir, 'a.mbox'));
    expect([report.records, report.created, report.skipped, report.failed]).toEqual([4, 2, 2, 0]);
    const ana = await t.kith.people.get('ana@client.example');
    expect(ana.name).toBe('Ana Souza');
    const shown = await t.kith.people.show('Ana Souza');
    expect(shown.interactions.map((i) => [i.kind, i.direction, i.occurredAt])).toEqual([
      ['email', 'inbound', '2026-06-02T10:00:00.000Z'],
      ['email', 'outbound', '2026-06-01T09:00:00.000Z'],
    ]);
    expect(shown.strength.parts.find((p) => p.component === 'reciprocity')!.value).toBe(1);
    // Bo was only copied, and already known: an interaction, as cc.
    expect((await t.kith.people.show('Bo Known')).interactionCount).toBe(1);
    await expect(t.kith.people.get('stranger@else.example')).rejects.toThrow(/no person matches/);
    await expect(t.kith.people.get('news@shop.example')).rejects.toThrow(/no person matches/);
    const again = await t.kith.imports.run('mbox', join(dir, 'a.mbox'));
    expect([again.created, again.skipped]).toEqual([0, 4]);

    // The totals the import kept, message by message, are those recomputed from scratch.
    const repos = readRepositories(t.store);
    const ids = [ana.id, (await t.kith.people.get('bo@client.example')).id];
    const kept = await repos.contactStats.get(ids);
    await t.kith.strength.recomputeAll();
    expect(await repos.contactStats.get(ids)).toEqual(kept);
    expect(kept.get(ana.id)?.interactions).toBe(2);
  });

  it('makes new people of everyone, or of nobody, when told to', async () => {
    await t.kith.settings.set('me.emails', 'me@home.example');
    writeFileSync(join(dir, 'a.mbox'), MBOX);
    // By default the report says who was left out, and how to take them.
    const byDefault = await t.kith.imports.run('mbox', join(dir, 'a.mbox'), { dryRun: true });
    expect([byDefault.created, byDefault.notes]).toEqual([2, ['2 correspondents you only wrote to or only heard from not added as new people; "new people: all" adds them']]);
    const none = await t.kith.imports.run('mbox', join(dir, 'a.mbox'), { newPeople: 'none' });
    expect([none.created, none.skipped, none.notes]).toEqual([0, 4, []]);
    await expect(t.kith.people.get('ana@client.example')).rejects.toThrow(/no person matches/);
    // Everyone you exchanged mail with, but never bulk mail.
    const all = await t.kith.imports.run('mbox', join(dir, 'a.mbox'), { newPeople: 'all' });
    expect([all.created, all.skipped]).toEqual([3, 1]);
    expect((await t.kith.people.get('stranger@else.example')).name).toBe('Stranger');
    expect((await t.kith.people.get('bo@client.example')).name).toBe('Bo');
    await expect(t.kith.people.get('news@shop.example')).rejects.toThrow(/no person matches/);
    // Options a mail archive has no use for are refused, not ignored.
    await expect(t.kith.imports.run('mbox', join(dir, 'a.mbox'), { maxAttendees: 5 })).rejects.toThrow('invalid max-attendees 5: applies to calendars (ical) only');
    await expect(t.kith.imports.run('vcard', join(dir, 'a.mbox'), { newPeople: 'all' })).rejects.toThrow(/invalid new-people "all": applies to mail archives/);
  });

  it('writes an archive larger than a part of a batch: duplicates across parts once, totals and last contact as recomputed', async () => {
    await t.kith.settings.set('me.emails', 'me@home.example');
    const message = (i: number) => {
      const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000);
      const [from, to] = i % 2 ? ['ana@client.example', 'me@home.example'] : ['me@home.example', 'ana@client.example'];
      return `From x@y ${at.toUTCString()}\nFrom: ${from}\nTo: ${to}\nDate: ${at.toUTCString()}\nMessage-ID: <big${i}@x>\n\nhi\n`;
    };
    const count = 11_000;
    // The first message again at the end: a part of its own, long after the first was written.
    writeFileSync(join(dir, 'big.mbox'), Array.from({ length: count }, (_, i) => message(i)).join('\n') + '\n' + message(0));
    const report = await t.kith.imports.run('mbox', join(dir, 'big.mbox'));
    expect([report.records, report.created, report.skipped]).toEqual([count + 1, count, 1]);
    const ana = await t.kith.people.get('ana@client.example');
    expect(ana.lastContactAt).toBe(new Date(Date.UTC(2026, 0, 1) + (count - 1) * 60_000).toISOString());
    const repos = readRepositories(t.store);
    const kept = await repos.contactStats.get([ana.id]);
    await t.kith.strength.recomputeAll();
    expect(await repos.contactStats.get([ana.id])).toEqual(kept);
    expect(kept.get(ana.id)?.interactions).toBe(count);
  });

  it('counts every failure but lists the first thousand, each with its line', async () => {
    await t.kith.settings.set('me.emails', 'me@home.example');
    const undated = (i: number) => [`From ana@client.example Mon Jun 01 09:00:00 2026`, 'From: ana@client.example', 'To: me@home.example', `Message-ID: <u${i}@x>`, '', 'no date', ''];
    writeFileSync(join(dir, 'undated.mbox'), Array.from({ length: 1200 }, (_, i) => undated(i).join('\n')).join('\n'));
    const report = await t.kith.imports.run('mbox', join(dir, 'undated.mbox'));
    expect([report.records, report.failed, report.failures.length]).toEqual([1200, 1200, 1000]);
    // Each message takes 7 lines, the blank one between included: the 1,000th starts on line 6,994.
    expect(report.failures.at(-1)).toEqual({ file: 'undated.mbox', line: 999 * 7 + 1, reason: 'no readable Date header' });
  });

  it('refuses a message dated years ahead, which would otherwise be the last contact until then', async () => {
    await t.kith.settings.set('me.emails', 'me@home.example');
    const future = MBOX.replace('Date: Tue, 2 Jun 2026 10:00:00 +0000', 'Date: Tue, 2 Jun 2037 10:00:00 +0000');
    writeFileSync(join(dir, 'future.mbox'), future);
    const report = await t.kith.imports.run('mbox', join(dir, 'future.mbox'));
    expect(report.failures).toEqual([{ file: 'future.mbox', line: 10, reason: 'Date header is in the future (2037-06-02)' }]);
    // Ana never wrote back, as far as the archive can be believed: no two-way exchange, nobody created.
    expect(report.created).toBe(0);
  });

  it('reads a Maildir folder', async () => {
    await t.kith.settings.set('me.emails', 'me@home.example');
    mkdirSync(join(dir, 'Mail', 'cur'), { recursive: true });
    mkdirSync(join(dir, 'Mail', 'new'), { recursive: true });
    const messages = MBOX.split(/\n(?=From \S+@)/).map((m) => m.split('\n').slice(1).join('\n'));
    messages.forEach((m, i) => writeFileSync(join(dir, 'Mail', i % 2 ? 'new' : 'cur', `${i}.host:2,S`), m));
    const report = await t.kith.imports.run('maildir', join(dir, 'Mail'));
    expect([report.records, report.created]).toEqual([4, 2]);
  });

  it.runIf(existsSync(MBOXES))('reads every mbox of the corpus, with Content-Length framing and unescaped From lines', async () => {
    await t.kith.settings.set('me.emails', 'jwz@netscape.com,recipient@example.com,fejj@gnome.org,jeff@xamarin.com');
    const counts: Record<string, number> = {};
    for (const f of readdirSync(MBOXES).filter((n) => n.endsWith('.mbox')).sort()) {
      const report = await t.kith.imports.run('mbox', join(MBOXES, f));
      expect(report.failures.filter((x) => !/Date/.test(x.reason))).toEqual([]);
      counts[f] = report.records + report.failed;
    }
    // unmunged.mbox holds two messages whose bodies contain "From Russia with love".
    expect(counts).toEqual({ 'content-length.mbox': 29, 'issue1189.mbox': 4, 'simple.mbox': 3, 'unmunged.mbox': 2 });
    // issue1189.mbox only ever writes to "me": a one-way correspondent is not created.
    await expect(t.kith.people.get('sender@example.com')).rejects.toThrow(/no person matches/);
  });
});
