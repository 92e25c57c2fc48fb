import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KithError } from '../domain/errors.js';
import { DIALECTS, openTestStore, type TestStore } from '../../test/stores.js';

const CORPORA = process.env.KITH_CORPORA ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'corpora');
const ICS = join(CORPORA, 'ical', 'node-ical');
if (!existsSync(ICS)) console.log(`skipping the iCalendar corpus test: ${ICS} not found (set KITH_CORPORA to ../shared/corpora)`);

const attendees = (n: number) => Array.from({ length: n }, (_, i) => `ATTENDEE;PARTSTAT=ACCEPTED:mailto:guest${i}@example.com`).join('\r\n');
const CALENDAR = `BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Kith//Test//EN\r
BEGIN:VEVENT\r
UID:weekly@kith\r
DTSTART:20260504T090000Z\r
DTEND:20260504T093000Z\r
RRULE:FREQ=WEEKLY;COUNT=4\r
EXDATE:20260511T090000Z\r
SUMMARY:Weekly one-to-one\r
ORGANIZER:mailto:me@home.example\r
ATTENDEE;PARTSTAT=ACCEPTED:mailto:ana@client.example\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:weekly@kith\r
RECURRENCE-ID:20260518T090000Z\r
DTSTART:20260519T150000Z\r
DTEND:20260519T160000Z\r
SUMMARY:Weekly one-to-one (moved)\r
ORGANIZER:mailto:me@home.example\r
ATTENDEE:mailto:ana@client.example\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:cancelled@kith\r
STATUS:CANCELLED\r
DTSTART:20260601T090000Z\r
SUMMARY:Cancelled\r
ATTENDEE:mailto:ana@client.example\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:declined@kith\r
DTSTART:20260602T090000Z\r
SUMMARY:Declined\r
ATTENDEE;PARTSTAT=DECLINED:mailto:me@home.example\r
ATTENDEE:mailto:ana@client.example\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:crowd@kith\r
DTSTART:20260603T090000Z\r
SUMMARY:All hands\r
ATTENDEE:mailto:ana@client.example\r
${attendees(25)}\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:strangers@kith\r
DTSTART:20260604T090000Z\r
SUMMARY:Strangers only\r
ATTENDEE:mailto:nobody@else.example\r
END:VEVENT\r
END:VCALENDAR\r
`;

describe.each(DIALECTS)('calendar imports on %s', (dialect) => {
  let t: TestStore;
  let dir: string;
  beforeEach(async () => {
    t = await openTestStore(dialect, () => new Date('2026-06-15T10:00:00.000Z'));
    dir = mkdtempSync(join(tmpdir(), 'kith-ical-'));
    await t.kith.settings.set('me.emails', 'me@home.example');
    await t.kith.people.add({ name: 'Ana Souza', emails: ['ana@client.example'] });
  });
  afterEach(async () => {
    await t.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('expands recurrences with EXDATE and moved instances, and skips cancelled, declined, crowded and unknown', async () => {
    writeFileSync(join(dir, 'cal.ics'), CALENDAR);
    const report = await t.kith.imports.run('ical', join(dir, 'cal.ics'));
    expect([report.created, report.skipped, report.failed]).toEqual([3, 4, 0]);
    const ana = await t.kith.people.show('Ana Souza');
    expect(ana.interactions.map((i) => [i.occurredAt, i.summary, i.direction, i.durationMinutes])).toEqual([
      ['2026-05-25T09:00:00.000Z', 'Weekly one-to-one', 'outbound', 30],
      ['2026-05-19T15:00:00.000Z', 'Weekly one-to-one (moved)', 'outbound', 60],
      ['2026-05-04T09:00:00.000Z', 'Weekly one-to-one', 'outbound', 30],
    ]);
    const again = await t.kith.imports.run('auto', join(dir, 'cal.ics'));
    expect([again.format, again.created]).toEqual(['ical', 0]);
  });

  it('says what its defaults left out, and takes more when told: an earlier start, larger events, every attendee', async () => {
    const old = 'BEGIN:VEVENT\r\nUID:old@kith\r\nDTSTART:20230105T090000Z\r\nSUMMARY:Kick-off\r\nATTENDEE:mailto:ana@client.example\r\nEND:VEVENT\r\n';
    const alone = 'BEGIN:VEVENT\r\nUID:alone@kith\r\nDTSTART:20260605T090000Z\r\nSUMMARY:Focus time\r\nEND:VEVENT\r\n';
    const ahead = 'BEGIN:VEVENT\r\nUID:ahead@kith\r\nDTSTART:20260901T090000Z\r\nRRULE:FREQ=WEEKLY;COUNT=4\r\nSUMMARY:Autumn review\r\nATTENDEE:mailto:ana@client.example\r\nEND:VEVENT\r\n';
    const strangers = CALENDAR.replace('ATTENDEE:mailto:nobody@else.example', 'ORGANIZER;CN="Nadia Body":mailto:nobody@else.example\r\nATTENDEE;CN=Zoe Else:mailto:zoe@else.example');
    writeFileSync(join(dir, 'cal.ics'), strangers.replace('END:VCALENDAR', old + alone + ahead + 'END:VCALENDAR'));
    const byDefault = await t.kith.imports.run('ical', join(dir, 'cal.ics'), { dryRun: true });
    expect([byDefault.created, byDefault.skipped]).toEqual([3, 7]);
    expect(byDefault.notes).toEqual([
      '1 event before 2024-06-15 left out; an earlier "since" date takes them',
      '1 event still ahead left out: a calendar import takes the meetings that have happened',
      '1 event with more than 20 attendees skipped; a higher "max attendees" takes them',
      '1 event with nobody you know skipped; "new people: all" makes people of their attendees',
      '1 event with no attendee but you skipped',
    ]);
    const more = await t.kith.imports.run('ical', join(dir, 'cal.ics'), { since: '2023-01-01', maxAttendees: 30, newPeople: 'all' });
    // The kick-off, the all-hands (whose 25 guests become people) and the strangers' meeting join the three.
    expect([more.created, more.skipped, more.notes]).toEqual([6, 4, ['1 event still ahead left out: a calendar import takes the meetings that have happened', '1 event with no attendee but you skipped']]);
    expect((await t.kith.people.get('nobody@else.example')).name).toBe('Nadia Body');
    expect((await t.kith.people.get('zoe@else.example')).name).toBe('Zoe Else');
    expect((await t.kith.people.get('guest7@example.com')).name).toBe('guest7');
    expect((await t.kith.people.show('Ana Souza')).interactions.map((i) => i.summary)).toContain('Kick-off');
    await expect(t.kith.imports.run('ical', join(dir, 'cal.ics'), { since: '2027-01-01' })).rejects.toThrow('invalid since "2027-01-01": is after today');
    await expect(t.kith.imports.run('ical', join(dir, 'cal.ics'), { newPeople: 'two-way' })).rejects.toThrow(/two-way is for mail archives/);
    await expect(t.kith.imports.run('ical', join(dir, 'cal.ics'), { maxAttendees: 0 })).rejects.toThrow('invalid max-attendees 0: expected a whole number of 1 or more');
  });

  it('reports an event with no start, and says so when a calendar holds no events at all', async () => {
    writeFileSync(join(dir, 'nostart.ics'), 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x@kith\r\nSUMMARY:When?\r\nATTENDEE:mailto:ana@client.example\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n');
    await expect(t.kith.imports.run('ical', join(dir, 'nostart.ics'))).rejects.toThrow('nothing imported: nostart.ics:4: event "x@kith" has no start (DTSTART)');
    writeFileSync(join(dir, 'todo.ics'), 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTODO\r\nUID:t@kith\r\nSUMMARY:Write\r\nEND:VTODO\r\nEND:VCALENDAR\r\n');
    const report = await t.kith.imports.run('ical', join(dir, 'todo.ics'));
    expect([report.records, report.notes]).toEqual([0, ['no events (VEVENT) found; to-dos, journal entries and free/busy blocks are not imported']]);
  });

  it('reads an all-day event written with a bare date, as some calendars write them', async () => {
    writeFileSync(join(dir, 'allday.ics'), 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:allday@kith\r\nDTSTART:20260610\r\nDTEND:20260611\r\nSUMMARY:Offsite\r\nATTENDEE:mailto:ana@client.example\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n');
    const report = await t.kith.imports.run('ical', join(dir, 'allday.ics'));
    expect([report.created, report.failed]).toEqual([1, 0]);
    const [offsite] = (await t.kith.people.show('Ana Souza')).interactions;
    expect([offsite!.occurredAt.slice(0, 10), offsite!.summary, offsite!.durationMinutes]).toEqual(['2026-06-10', 'Offsite', null]);
  });

  it('imports the readable events of a calendar in which one event is broken, and names that one\'s line', async () => {
    // As in an Outlook export seen in the wild: a TZID whose closing quote comes after the value.
    const lines = [
      'BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VTIMEZONE', 'TZID:W. Europe Standard Time', 'BEGIN:STANDARD', 'DTSTART:16010101T030000', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'END:STANDARD', 'END:VTIMEZONE',
      'BEGIN:VEVENT', 'UID:good@kith', 'DTSTART;TZID=W. Europe Standard Time:20260610T090000', 'SUMMARY:Planning', 'ATTENDEE:mailto:ana@client.example', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:bad@kith', 'SUMMARY:Broken', 'DTSTART;TZID="W. Europe Standard Time:20260611T090000"', 'ATTENDEE:mailto:ana@client.example', 'END:VEVENT',
      // No UID, and a start that reads only when its value is asked for.
      'BEGIN:VEVENT', 'SUMMARY:Garbled', 'DTSTART:\u000020260613T090000Z', 'ATTENDEE:mailto:ana@client.example', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:open@kith', 'DTSTART:20260612T090000Z',
    ];
    writeFileSync(join(dir, 'outlook.ics'), lines.join('\r\n') + '\r\nEND:VCALENDAR\r\n');
    const report = await t.kith.imports.run('ical', join(dir, 'outlook.ics'));
    expect([report.created, report.failed]).toEqual([1, 3]);
    expect(report.failures.map((f) => [f.line, f.reason.split(':')[0]])).toEqual([[28, 'event not closed (no END'], [20, 'unreadable event'], [25, 'unreadable event']]);
    expect((await t.kith.people.show('Ana Souza')).interactions.map((i) => [i.summary, i.occurredAt])).toEqual([['Planning', '2026-06-10T08:00:00.000Z']]);
    // A calendar that is broken outside its events is still rejected whole.
    writeFileSync(join(dir, 'broken.ics'), 'BEGIN:VCALENDAR\r\nVERSION;X="2.0\r\n' + lines.slice(10, 16).join('\r\n') + '\r\nEND:VCALENDAR\r\n');
    await expect(t.kith.imports.run('ical', join(dir, 'broken.ics'))).rejects.toThrow(/^nothing imported: broken\.ics:2: not a readable iCalendar file/);
  });

  it('reads every calendar of a file that holds several, and rejects a file that holds none', async () => {
    const second = CALENDAR.replace(/UID:([a-z]+)@kith/g, 'UID:$1@other').replace(/2026-?05-?(\d\d)/g, '202604$1');
    writeFileSync(join(dir, 'two.ics'), CALENDAR + second);
    expect((await t.kith.imports.run('ical', join(dir, 'two.ics'))).created).toBe(6);
    for (const [name, text, reason] of [
      ['blank.ics', '\r\n\r\n', 'it holds no BEGIN:VCALENDAR'],
      ['card.ics', 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana\r\nEND:VCARD\r\n', 'it holds a VCARD where a VCALENDAR should be'],
    ]) {
      writeFileSync(join(dir, name!), text!);
      await expect(t.kith.imports.run('ical', join(dir, name!))).rejects.toThrow(`nothing imported: ${name}:1: not an iCalendar file: ${reason}`);
    }
  });

  it.runIf(existsSync(ICS))('imports or clearly rejects every file of the corpus', async () => {
    const failures: string[] = [];
    for (const f of readdirSync(ICS).filter((n) => n.endsWith('.ics')).sort()) {
      try {
        const report = await t.kith.imports.run('ical', join(ICS, f), { dryRun: true });
        for (const x of report.failures) {
          expect(x.reason).not.toContain('\n');
          failures.push(`${x.file}:${x.line}`);
        }
      } catch (error) {
        // A file with nothing readable in it is rejected whole, with one line naming file and line.
        expect(error).toBeInstanceOf(KithError);
        const message = (error as Error).message;
        expect(message).not.toContain('\n');
        failures.push(/^nothing imported: ([^:]+:\d+):/.exec(message)![1]!);
      }
    }
    // The deliberate late error names its line, and so does the Windows time zone file's malformed event.
    expect(failures).toContain('large-file-with-late-error.ics:2409');
    // Bare dates (DTSTART:20240215) are read as the dates they are, not rejected.
    for (const f of ['biweekly-exdate-until.ics', 'mixed-timezone-handling.ics', 'test_date_duration.ics']) expect(failures.filter((x) => x.startsWith(f))).toEqual([]);
    expect(failures).toContain('ms_timezones.ics:152');
  });
});
