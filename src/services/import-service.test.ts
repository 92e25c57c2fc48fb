import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, openTestStore, type TestStore } from '../../test/stores.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'test', 'fixtures');
const CORPORA = process.env.KITH_CORPORA ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'corpora');
const VCARDS = join(CORPORA, 'vcard', 'ez-vcard');

let clock = new Date('2027-01-10T10:00:00.000Z');
if (!existsSync(VCARDS)) console.log(`skipping the vCard corpus test: ${VCARDS} not found (set KITH_CORPORA to ../shared/corpora)`);

describe.each(DIALECTS)('imports on %s', (dialect) => {
  let t: TestStore;
  let dir: string;
  beforeEach(async () => {
    clock = new Date('2027-01-10T10:00:00.000Z');
    t = await openTestStore(dialect, () => clock);
    dir = mkdtempSync(join(tmpdir(), 'kith-import-'));
  });
  afterEach(async () => {
    await t.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('rejects a file in which nothing reads as the format named, naming its file and line, and writes nothing', async () => {
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'shopping list\nmilk, eggs\n');
    await t.kith.settings.set('me.emails', 'me@home.example');
    const expected: Record<string, RegExp> = {
      vcard: /^nothing imported: notes\.txt:1: text outside a BEGIN:VCARD … END:VCARD card \(and 1 more failure\)$/,
      linkedin: /^nothing imported: notes\.txt:1: no header row with First Name and Last Name/,
      google: /^nothing imported: notes\.txt:1: /,
      mbox: /^nothing imported: notes\.txt:1: not an mbox file/,
      ical: /^nothing imported: notes\.txt:1: not a readable iCalendar file/,
    };
    for (const [format, message] of Object.entries(expected)) {
      for (const dryRun of [false, true]) await expect(t.kith.imports.run(format, file, { dryRun }), format).rejects.toMatchObject({ code: 'unreadable_import', message: expect.stringMatching(message) });
    }
    expect((await t.kith.people.list({})).items).toEqual([]);
    // A file with one good record among bad ones is an import with failures, as before.
    writeFileSync(file, 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nEND:VCARD\r\nstray text\r\n');
    const report = await t.kith.imports.run('vcard', file);
    expect([report.created, report.failed]).toEqual([1, 1]);
  });

  it('imports LinkedIn connections with the preamble, a BOM, quoted commas and hidden profiles', async () => {
    const report = await t.kith.imports.run('linkedin', join(FIXTURES, 'Connections.csv'));
    expect([report.created, report.skipped, report.failed]).toEqual([2, 1, 1]);
    expect(report.failures).toEqual([{ file: 'Connections.csv', line: 8, reason: 'invalid Connected On "31 Foo 2020": expected a date such as 08 Feb 2026' }]);
    const ada = await t.kith.people.get('ada@example.com');
    expect([ada.name, ada.company, ada.title, ada.metOn]).toEqual(['Ada Lovelace', 'Analytical Engines, Ltd', 'Programmer', '2026-02-08']);
    expect(ada.urls).toEqual([{ url: 'https://linkedin.com/in/ada-lovelace', kind: 'linkedin' }]);
    const shown = await t.kith.people.show('Ada Lovelace');
    expect(shown.interactions.map((i) => [i.summary, i.occurredAt.slice(0, 10)])).toEqual([['Connected on LinkedIn', '2026-02-08']]);
    // The same file again changes nothing.
    const again = await t.kith.imports.run('linkedin', join(FIXTURES, 'Connections.csv'));
    expect([again.created, again.updated, again.merged, again.skipped]).toEqual([0, 0, 0, 3]);
    expect((await t.kith.people.show('Ada Lovelace')).interactionCount).toBe(1);
  });

  it('detects a job change in a newer export and puts it in the queue', async () => {
    await t.kith.imports.run('linkedin', join(FIXTURES, 'Connections.csv'));
    clock = new Date('2027-02-01T10:00:00.000Z');
    mkdirSync(join(dir, 'export'));
    writeFileSync(join(dir, 'export', 'Connections.csv'), '');
    const report = await t.kith.imports.run('linkedin', join(FIXTURES, 'Connections-2027.csv'));
    expect([report.updated, report.skipped]).toEqual([1, 1]);
    const detail = await t.kith.people.show('Ada Lovelace');
    expect(detail.positions.map((p) => [p.organization, p.title, p.endDate])).toEqual([
      ['Babbage Labs', 'Chief Programmer', null],
      ['Analytical Engines, Ltd', 'Programmer', '2027-02-01'],
    ]);
    const entry = (await t.kith.today.queue()).entries.find((e) => e.name === 'Ada Lovelace');
    expect(entry!.reasons.map((r) => r.text)).toContain('new job at Babbage Labs today');
  });

  it('reads a LinkedIn export folder: connections, then messages and invitations as interactions', async () => {
    const folder = join(dir, 'linkedin');
    mkdirSync(folder);
    writeFileSync(join(folder, 'Connections.csv'), readFileSync(join(FIXTURES, 'Connections.csv')));
    writeFileSync(
      join(folder, 'messages.csv'),
      [
        'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,IS MESSAGE DRAFT',
        'c1,,Me Myself,https://www.linkedin.com/in/me,Ada Lovelace,https://www.linkedin.com/in/ada-lovelace,2026-03-01 10:00:00 UTC,,"Hi Ada, how are the engines?",INBOX,No',
        'c1,,Ada Lovelace,https://www.linkedin.com/in/ada-lovelace,Me Myself,https://www.linkedin.com/in/me,2026-03-02 11:30:00 UTC,,"Busy, thanks",INBOX,No',
        'c2,,Stranger,https://www.linkedin.com/in/stranger,Me Myself,https://www.linkedin.com/in/me,2026-03-03 09:00:00 UTC,,Hello,INBOX,No',
        'c3,,Me Myself,https://www.linkedin.com/in/me,Ada Lovelace,https://www.linkedin.com/in/ada-lovelace,yesterday-ish,,x,INBOX,No',
      ].join('\n'),
    );
    writeFileSync(join(folder, 'Invitations.csv'), ['From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl', 'Me Myself,Charles Babbage,"1/29/26, 2:37 PM",Hello Charles,OUTGOING,https://www.linkedin.com/in/me,https://www.linkedin.com/in/cbabbage/'].join('\n'));
    const report = await t.kith.imports.run('linkedin', folder);
    expect(report.failures).toEqual([{ file: 'messages.csv', line: 5, reason: 'invalid DATE "yesterday-ish": expected a date such as 2025-06-01 14:03:22 UTC' }, { file: 'Connections.csv', line: 8, reason: 'invalid Connected On "31 Foo 2020": expected a date such as 08 Feb 2026' }].reverse());
    const ada = await t.kith.people.show('Ada Lovelace');
    expect(ada.interactions.filter((i) => i.kind === 'message').map((i) => [i.direction, i.occurredAt])).toEqual([
      ['inbound', '2026-03-02T11:30:00.000Z'],
      ['outbound', '2026-03-01T10:00:00.000Z'],
    ]);
    const charles = await t.kith.people.show('Charles Babbage');
    expect(charles.interactions.filter((i) => i.kind === 'message').map((i) => [i.direction, i.occurredAt])).toEqual([['outbound', '2026-01-29T14:37:00.000Z']]);
    const again = await t.kith.imports.run('linkedin', folder);
    expect(again.created).toBe(0);
  });

  it('imports the LinkedIn export ZIP as downloaded, and rejects a broken one', async () => {
    const report = await t.kith.imports.run('linkedin', join(FIXTURES, 'Basic_LinkedInDataExport.zip'));
    expect([report.created, report.files]).toEqual([3, [join(FIXTURES, 'Basic_LinkedInDataExport.zip')]]);
    expect((await t.kith.people.show('Charles Babbage')).interactions.map((i) => i.direction)).toContain('outbound');
    writeFileSync(join(dir, 'broken.zip'), 'PK not really');
    await expect(t.kith.imports.run('linkedin', join(dir, 'broken.zip'))).rejects.toThrow(/^invalid file ".*broken.zip": cannot read the ZIP archive/);
  });

  it('reports without writing on a dry run', async () => {
    const report = await t.kith.imports.run('linkedin', join(FIXTURES, 'Connections.csv'), { dryRun: true });
    expect([report.dryRun, report.created]).toEqual([true, 2]);
    expect((await t.kith.stats.stats()).people).toBe(0);
  });

  it('merges by email, phone or LinkedIn URL instead of duplicating', async () => {
    await t.kith.people.add({ name: 'Charles B.', urls: ['linkedin.com/in/cbabbage'], tags: ['friend'] });
    await t.kith.people.add({ name: 'A. Lovelace', emails: ['ADA@example.com'] });
    const report = await t.kith.imports.run('linkedin', join(FIXTURES, 'Connections.csv'));
    expect([report.created, report.merged]).toEqual([0, 2]);
    const charles = await t.kith.people.get('Charles B.');
    expect([charles.company, charles.title, charles.tags]).toEqual(['Difference Co', 'Inventor', ['friend']]);
    expect((await t.kith.stats.stats()).people).toBe(2);
  });

  it('merges records of one batch that share an identity, and writes every new person whole', async () => {
    const header = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';
    const rows = [header];
    for (let i = 0; i < 1500; i++) rows.push(`Given${i},Family${i},https://www.linkedin.com/in/p${i},${i % 500 === 7 ? 'shared@example.com' : ''},Firm ${i % 3},Role,08 Feb 2026`);
    writeFileSync(join(dir, 'Connections.csv'), rows.join('\n'));
    const report = await t.kith.imports.run('linkedin', join(dir, 'Connections.csv'));
    // Rows 7, 507 and 1007 share an address: one person, two merges (across batches too).
    expect([report.records, report.created, report.merged, report.failed]).toEqual([1500, 1498, 2, 0]);
    expect((await t.kith.stats.stats()).people).toBe(1498);
    const shared = await t.kith.people.show('shared@example.com');
    expect(shared.person.urls.map((u) => u.url).sort()).toEqual(['https://linkedin.com/in/p1007', 'https://linkedin.com/in/p507', 'https://linkedin.com/in/p7']);
    const last = await t.kith.people.show('Given1499 Family1499');
    expect([last.person.company, last.person.metOn, last.interactionCount, last.strength.score > 0]).toEqual(['Firm 2', '2026-02-08', 1, true]);
    expect((await t.kith.search.search('Family1499'))[0]?.person.name).toBe('Given1499 Family1499');
    const again = await t.kith.imports.run('linkedin', join(dir, 'Connections.csv'));
    expect([again.created, again.merged, again.updated]).toEqual([0, 0, 0]);
  });

  it('imports Google Contacts CSV by header pattern, with multi-value cells and labels as tags', async () => {
    const report = await t.kith.imports.run('google', join(FIXTURES, 'google-contacts.csv'));
    expect([report.created, report.skipped, report.failed]).toEqual([2, 1, 0]);
    const zoe = await t.kith.people.get('zoe@fjord.example');
    expect(zoe.name).toBe('Zoë Ångström');
    expect(zoe.contacts.emails).toEqual([
      { value: 'zoe@fjord.example', label: 'work' },
      { value: 'zoe@home.example', label: 'home' },
      { value: 'zoe.a@home.example', label: 'home' },
    ]);
    expect(zoe.phones).toEqual(['+46701234567', '+46812345678']);
    expect([zoe.company, zoe.title, zoe.birthday, zoe.nickname, zoe.tags]).toEqual(['Fjord AB', 'Founder', '1988-04-02', 'Zo', ['investors', 'nordics']]);
    expect((await t.kith.notes.list('Zoë Ångström')).map((n) => n.body)).toEqual(['Met at the Oslo meetup, loves "fika"']);
    expect((await t.kith.people.get('raj@example.com')).birthday).toBe('--11-30');
    // Columns Kith has no field for are kept, under their names and labels.
    expect(zoe.location).toBe('Stockholm, Sweden');
    expect(zoe.customFields).toEqual({ 'address (home)': 'Drottninggatan 1, Stockholm, Sweden', 'relation (spouse)': 'Erik', 'event (anniversary)': '2015-06-01' });
    const again = await t.kith.imports.run('google', join(FIXTURES, 'google-contacts.csv'));
    expect([again.created, again.skipped]).toEqual([0, 3]);
  });

  it('imports a fully quoted Windows-1252 Outlook CSV', async () => {
    const report = await t.kith.imports.run('outlook', join(FIXTURES, 'outlook-contacts.csv'));
    expect([report.created, report.failed]).toEqual([2, 0]);
    const francois = await t.kith.people.get('francois@cafe.example');
    expect([francois.name, francois.company, francois.title, francois.birthday, francois.phones, francois.tags]).toEqual([
      'François Müller',
      'Café République',
      'Gérant',
      '1980-03-22',
      ['+33612345678'],
      ['clients', 'paris'],
    ]);
    // The honorific is kept; Outlook's empty values (0/0/00, an e-mail type of SMTP) are not.
    expect(francois.customFields).toEqual({ 'name prefix': 'Mr.' });
    const anna = await t.kith.people.get('Anna Nowak');
    expect([anna.emails, anna.phones, anna.birthday, anna.customFields]).toEqual([['anna@example.com', 'anna.nowak@example.com'], ['+14155552671'], null, {}]);
  });

  it('keeps the cells of columns with no name, a repeated name or no header at all, and custom fields by their labels', async () => {
    writeFileSync(join(dir, 'odd.csv'), 'First Name,Last Name,E-mail 1 - Value,,Spouse,Spouse,Custom Field 1 - Label,Custom Field 1 - Value\nLea,Roth,lea@example.com,unnamed,Tom,Tim,Shoe size,38,beyond\n');
    expect((await t.kith.imports.run('google', join(dir, 'odd.csv'))).created).toBe(1);
    expect((await t.kith.people.get('lea@example.com')).customFields).toEqual({ 'column 4': 'unnamed', spouse: 'Tom', 'spouse (2)': 'Tim', 'shoe size': '38', 'column 9': 'beyond' });
  });

  it('tells the format from the file with auto', async () => {
    for (const [file, format] of [['Connections.csv', 'linkedin'], ['google-contacts.csv', 'google'], ['outlook-contacts.csv', 'outlook']] as const) {
      expect((await t.kith.imports.run('auto', join(FIXTURES, file), { dryRun: true })).format).toBe(format);
    }
    writeFileSync(join(dir, 'card.txt'), 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Auto Card\r\nEND:VCARD\r\n');
    expect((await t.kith.imports.run('auto', join(dir, 'card.txt'))).created).toBe(1);
    writeFileSync(join(dir, 'notes.txt'), 'just some text\n');
    await expect(t.kith.imports.run('auto', join(dir, 'notes.txt'))).rejects.toThrow(/cannot tell its format/);
  });

  it('keeps every property of a card that Kith has no field for, and every note', async () => {
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
    writeFileSync(
      join(dir, 'apple.vcf'),
      [
        'BEGIN:VCARD', 'VERSION:3.0', 'PRODID:-//Apple Inc.//iPhone OS 17.0//EN', 'N:Lind;Maja;;Dr.;', 'FN:Maja Lind', 'ORG:Polar AB;Research',
        'ROLE:Board member', 'item1.X-ABRELATEDNAMES:Nils', 'item1.X-ABLabel:_$!<Spouse>!$_', 'NOTE:First note', 'NOTE:Second\\, with a comma',
        `PHOTO;ENCODING=b;TYPE=PNG:${png}`, `PHOTO;ENCODING=b;TYPE=PNG:${png}`, 'X-KITH-FIELD:seat\\;ing;aisle', 'REV:2026-01-01T00:00:00Z', 'END:VCARD',
      ].join('\r\n') + '\r\n',
    );
    expect((await t.kith.imports.run('vcard', join(dir, 'apple.vcf'))).created).toBe(1);
    const maja = await t.kith.people.get('Maja Lind');
    expect(maja.customFields).toEqual({ 'name prefix': 'Dr.', department: 'Research', role: 'Board member', 'related (spouse)': 'Nils', 'seat;ing': 'aisle' });
    expect((await t.kith.notes.list('Maja Lind')).map((n) => n.body)).toEqual(['First note\n\nSecond, with a comma']);
  });

  it('names the line of a card\'s value that is kept as text, not the card\'s first line', async () => {
    writeFileSync(join(dir, 'phones.vcf'), ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Pia Moss', 'EMAIL:pia@moss.example', 'TEL:+1 (111) 555-0100', 'BDAY:1990-02-31', 'END:VCARD'].join('\n') + '\n');
    const report = await t.kith.imports.run('vcard', join(dir, 'phones.vcf'));
    expect(report.warnings.map((w) => [w.line, w.reason.split(' as text')[0]]).sort()).toEqual([
      [5, 'kept phone "+1 (111) 555-0100"'],
      [6, 'kept birthday "1990-02-31"'],
    ]);
  });

  it('rejects unreadable input with one line naming the file and line', async () => {
    writeFileSync(join(dir, 'bad.vcf'), 'BEGIN:VCARD\nVERSION:3.0\nFN:Ok Person\nEND:VCARD\nBEGIN:VCARD\nthis is not a property\nEND:VCARD\nBEGIN:VCARD\nFN:Unfinished\n');
    const report = await t.kith.imports.run('vcard', join(dir, 'bad.vcf'));
    expect(report.created).toBe(1);
    expect(report.failures).toEqual([
      { file: 'bad.vcf', line: 5, reason: 'line 6 is not a vCard property' },
      { file: 'bad.vcf', line: 8, reason: 'file ends inside a card (no END:VCARD)' },
    ]);
    await expect(t.kith.imports.run('vcard', join(dir, 'missing.vcf'))).rejects.toThrow(/^invalid file ".*missing.vcf": no such file or folder$/);
    await expect(t.kith.imports.run('palmpilot', dir)).rejects.toThrow(/^invalid format "palmpilot"/);
  });

  it.runIf(existsSync(VCARDS))('imports every card of the vCard corpus with the right names, emails, phones and organizations', async () => {
    const report = await t.kith.imports.run('vcard', VCARDS);
    expect(report.failed).toBe(0);
    expect(report.records).toBe(26);
    const person = (email: string) => t.kith.people.get(email);
    const ibm = await person('john.doe@ibm.com');
    // Five cards share this address and become one person, named by the first file read.
    expect(ibm.name).toBe('Mr. John Richter, James Doe Sr.');
    expect(ibm.company).toBe('IBM');
    expect(ibm.nickname).toBe('Johny');
    expect(ibm.phones).toContain('+19055551234');
    const greg = await person('gdartmouth@hotmail.com');
    expect([greg.name, greg.company, greg.title, greg.birthday]).toEqual(['Greg Dartmouth', 'TheCompany', 'TheJobTitle', '1960-09-10']);
    const frank = await person('frank_dawson@lotus.com');
    expect([frank.name, frank.emails, frank.phones, frank.company]).toEqual(['Frank Dawson', ['frank_dawson@lotus.com', 'fdawson@earthlink.net'], ['+19196769515', '+19196769564'], 'Lotus Development Corporation']);
    const simon = await person('simon.perreault@viagenie.ca');
    expect([simon.name, simon.birthday, simon.company]).toEqual(['Simon Perreault', '--02-03', 'Viagenie']);
    const mike = await person('mike.angstadt@gmail.com');
    // Area code 111 does not exist: the numbers are kept as text, not dropped.
    expect([mike.name, mike.company, mike.nickname, mike.phones]).toEqual(['Mr. Michael Angstadt Jr.', 'TheCompany', 'Mike', []]);
    expect(mike.customFields['imported phone']).toBe('(111) 555-1111; (111) 555-2222; (111) 555-4444; (111) 555-3333');
    const vcardTest = await person('email@example.com');
    expect(vcardTest.emails).toEqual(['email@example.com', 'homeemail@example.com', 'workemail@example.com', 'otheremail@example.com', 'customcategory@example.com']);
    expect(vcardTest.contacts.emails.find((e) => e.value === 'customcategory@example.com')!.label).toBe('customemailcategory');
    const android = await person('bob@company.com');
    expect(android.name).toBe('Ñ Ñ Ñ Ñ');
    const dummy = await person('dummy.dummy@dummy.com');
    expect([dummy.name, dummy.company, dummy.phones, dummy.customFields['imported phone']]).toEqual(['Dummy, Dummy', 'Dummy GmbH', ['+49987654321'], '+49 1234 56789']);
    // What Kith has no field for is kept as custom fields: second organizations and
    // titles, whole addresses, instant messaging, gender.
    const full = await person('home@example.com');
    expect([full.company, full.title, full.location]).toEqual(['Organization1', 'Title1', 'HomeCity, HomeState, HomeCountry']);
    expect(full.customFields).toMatchObject({
      department: 'Department1',
      organization: 'Organization2, Department2',
      title: 'Title2',
      gender: 'M',
      'address (home)': 'HomeExtended, HomeStreet, HomeCity, HomeState, HomePostal, HomeCountry',
      'address (work)': 'WorkExtended, WorkStreet, WorkCity, WorkState, WorkPostal, WorkCountry',
      'x-fc-relatednames:spouse': 'Spouse',
    });
    expect(full.customFields.im).toContain('skype:skype');
    // Thunderbird escapes the commas between its categories: three tags, not one kept as text.
    const thunderbird = await person('doe.john@hotmail.com');
    expect([thunderbird.tags, thunderbird.customFields['imported tag']]).toEqual([['category1', 'category2', 'category3'], undefined]);
    const again = await t.kith.imports.run('vcard', VCARDS);
    expect([again.created, again.updated, again.merged, again.skipped]).toEqual([0, 0, 0, 26]);
  });
});
