import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { separatorAfter } from '../src/importers/mbox.js';
import { BIN, cliRunner, waitForCount } from './cli-runner.js';

let dir: string;
let db: string;
const cli = cliRunner(() => ({ dir, db }));
const FIXTURES = join(import.meta.dirname, 'fixtures');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kith-import-cli-'));
  db = join(dir, 'kith.db');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kith import', () => {
  it('prints a report, and the same report as JSON', () => {
    const text = cli.run(['import', 'linkedin', join(FIXTURES, 'Connections.csv')]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Created 2, updated 0, merged 0, skipped 1, failed 1 \(2 records\)\n  Connections\.csv:8: invalid Connected On "31 Foo 2020"/);
    const report = cli.json<{ created: number; skipped: number; failures: unknown[] }>(['import', 'linkedin', join(FIXTURES, 'Connections.csv')]);
    expect([report.created, report.skipped, report.failures.length]).toEqual([0, 3, 1]);
    const bad = cli.run(['import', 'rolodex', FIXTURES]);
    expect([bad.code, bad.stderr]).toEqual([1, 'kith: invalid format "rolodex": expected one of vcard, linkedin, google, outlook, ical, mbox, maildir or auto\n']);
  });

  it('exports vCard 3.0 when asked with --version, which is also how Kith tells its own version', () => {
    expect(cli.run(['person', 'add', '--name', 'Vera Version']).code).toBe(0);
    const v3 = cli.run(['export', 'vcard', '--version', '3']);
    expect([v3.code, v3.stdout.split('\r\n').slice(0, 2)]).toEqual([0, ['BEGIN:VCARD', 'VERSION:3.0']]);
    const bad = cli.run(['export', 'vcard', '--version', '5']);
    expect([bad.code, bad.stderr]).toEqual([1, 'kith: invalid version "5": expected 3 or 4\n']);
    for (const args of [['--version'], ['-V'], ['--json', '--version']]) expect(cli.run(args).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('says in words why a file cannot be written', () => {
    const missing = join(dir, 'no-such-folder', 'backup.json');
    expect(cli.run(['backup', missing]).stderr).toBe(`kith: cannot write ${missing}: no such folder\n`);
    expect(cli.run(['export', 'csv', '--out', dir]).stderr).toBe(`kith: cannot write ${dir}: it is a folder\n`);
  });

  it('fails with one line, exit code 1, when nothing in the file reads as the format named', () => {
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'shopping list\n');
    expect(cli.run(['config', 'set', 'me.emails', 'me@home.example']).code).toBe(0);
    const r = cli.run(['import', 'mbox', file]);
    expect([r.code, r.stdout, r.stderr]).toEqual([1, '', 'kith: nothing imported: notes.txt:1: not an mbox file: it does not start with a "From " line\n']);
    const empty = join(dir, 'contacts.vcf');
    writeFileSync(empty, '');
    for (const format of ['vcard', 'google', 'mbox', 'auto']) expect(cli.run(['import', format, empty]).stderr).toBe('kith: invalid file "contacts.vcf": is empty\n');
  });

  it('imports a mail archive, reporting the line of each failure', () => {
    const file = join(dir, 'mail.mbox');
    const body = 'From Russia with love, never escaped.\n'.repeat(3000);
    writeFileSync(
      file,
      [
        'From ana@x.example Mon Jun 01 09:00:00 2026', 'From: Ana Souza <ana@x.example>', 'To: me@home.example', 'Date: Mon, 1 Jun 2026 09:00:00 +0000', 'Message-ID: <a1@x>', '', body,
        'From me@home.example Tue Jun 02 09:00:00 2026', 'From: me@home.example', 'To: Ana <ana@x.example>', 'Date: Tue, 2 Jun 2026 09:00:00 +0000', 'Message-ID: <a2@x>', '', 'hi', '',
        'From ana@x.example Wed Jun 03 09:00:00 2026', 'From: ana@x.example', 'To: me@home.example', 'Message-ID: <a3@x>', '', 'no date', '',
      ].join('\n'),
    );
    expect(cli.run(['config', 'set', 'me.emails', 'me@home.example']).code).toBe(0);
    const report = cli.json<{ records: number; created: number; failed: number; failures: unknown[] }>(['import', 'mbox', file]);
    expect([report.records, report.created, report.failed]).toEqual([3, 2, 1]);
    expect(report.failures).toEqual([{ file: 'mail.mbox', line: 3016, reason: 'no readable Date header' }]);
    expect(cli.json<{ name: string }>(['person', 'show', 'ana@x.example']).name).toBe('Ana Souza');
  });

  it('takes a calendar\'s options as flags, prints its notes, and refuses a flag the format has no use for', () => {
    const file = join(dir, 'old.ics');
    writeFileSync(file, 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:old@kith\r\nDTSTART:20100105T090000Z\r\nSUMMARY:Kick-off\r\nATTENDEE;CN=Olga Old:mailto:olga@old.example\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n');
    const byDefault = cli.run(['import', 'ical', file]);
    expect([byDefault.code, byDefault.stdout.split('\n')[1]]).toEqual([0, expect.stringMatching(/^note: 1 event before \d{4}-\d\d-\d\d left out; an earlier "since" date takes them$/)]);
    const told = cli.json<{ created: number; notes: string[] }>(['import', 'ical', file, '--since', '2010-01-01', '--new-people', 'all', '--max-attendees', '5']);
    expect([told.created, told.notes]).toEqual([1, []]);
    expect(cli.json<{ name: string }>(['person', 'show', 'olga@old.example']).name).toBe('Olga Old');
    const bad = cli.run(['import', 'linkedin', join(FIXTURES, 'Connections.csv'), '--since', '2010-01-01']);
    expect([bad.code, bad.stderr]).toEqual([1, 'kith: invalid since "2010-01-01": applies to calendars (ical) only\n']);
  });

  it('reads an mbox with two threads to the result of one, also when its middle falls in a Content-Length body', () => {
    const message = (i: number, extra = '') => {
      const at = new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toUTCString();
      const [from, to] = i % 3 ? [`p${i % 7}@corp.example`, 'me@home.example'] : ['me@home.example', `p${i % 7}@corp.example`];
      // Every eleventh message has no date: a failure, with its line, in either half.
      return `From ${from} ${at}\nFrom: P ${i % 7} <${from}>\nTo: ${to}\n${i % 11 ? `Date: ${at}\n` : ''}Message-ID: <t${i}@x>\n${extra}\nbody ${i}\n\n`;
    };
    const plain = Array.from({ length: 200 }, (_, i) => message(i)).join('');
    // The middle of this one is inside a body that Content-Length frames and that is full of "From " lines.
    const trapBody = 'From trap@example.com Mon Jun 01 09:00:00 2026\n'.repeat(400);
    const trapped = Array.from({ length: 40 }, (_, i) => message(i)).join('') + message(40, `Content-Length: ${trapBody.length}\n`).replace('body 40\n', trapBody) + Array.from({ length: 40 }, (_, i) => message(41 + i)).join('');
    expect(cli.run(['config', 'set', 'me.emails', 'me@home.example']).code).toBe(0);
    for (const [name, text] of [['plain.mbox', plain], ['trapped.mbox', trapped]] as const) {
      const file = join(dir, name);
      writeFileSync(file, text);
      if (name === 'trapped.mbox') expect(text.slice(separatorAfter(file, Math.floor(text.length / 2)), separatorAfter(file, Math.floor(text.length / 2))! + 10)).toBe('From trap@');
      const outcomes = ['99999999999', '1'].map((split) => {
        const target = join(dir, `${name}-${split}.db`);
        const env = { KITH_DB: target, KITH_MBOX_SPLIT_BYTES: split };
        expect(cli.run(['config', 'set', 'me.emails', 'me@home.example'], env).code).toBe(0);
        const r = cli.run(['import', 'mbox', file, '--json'], env);
        expect([r.code, r.stderr]).toEqual([0, '']);
        const db = new BetterSqlite3(target, { readonly: true });
        const written = db.prepare('SELECT i.external_id, i.direction, i.occurred_at, p.display_name FROM interaction i JOIN interaction_participant ip ON ip.interaction_id = i.id JOIN person p ON p.id = ip.person_id ORDER BY i.external_id').all();
        db.close();
        return { report: JSON.parse(r.stdout) as { records: number; created: number; failed: number; failures: Array<{ line: number }> }, written };
      });
      expect(outcomes[1]).toEqual(outcomes[0]);
      expect(outcomes[0]!.report.failed).toBeGreaterThan(2);
      expect(outcomes[0]!.written.length).toBe(outcomes[0]!.report.created);
    }
  });

  it('leaves only whole people when killed in the middle of an import', async () => {
    const CARDS = 25_000;
    const file = join(dir, 'many.vcf');
    const cards: string[] = [];
    // More cards than one batch transaction holds, so that the kill falls between commits.
    for (let i = 0; i < CARDS; i++) cards.push(`BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person ${i}\r\nEMAIL:p${i}@example.com\r\nORG:Org ${i % 50}\r\nCATEGORIES:bulk\r\nEND:VCARD\r\n`);
    writeFileSync(file, cards.join(''));
    const killed = join(dir, 'killed.db');
    const child = spawn(process.execPath, [BIN, '--db', killed, 'import', 'vcard', file], { stdio: 'ignore' });
    await waitForCount(killed, 'SELECT count(*) AS n FROM person', 201);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    expect(child.signalCode).toBe('SIGKILL');
    const check = new BetterSqlite3(killed);
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    const count = (sql: string) => (check.prepare(sql).get() as { n: number }).n;
    const people = count('SELECT count(*) AS n FROM person');
    expect(people).toBeGreaterThan(200);
    expect(people).toBeLessThan(CARDS);
    expect(count('SELECT count(DISTINCT person_id) AS n FROM person_email')).toBe(people);
    expect(count('SELECT count(DISTINCT person_id) AS n FROM position')).toBe(people);
    expect(count('SELECT count(*) AS n FROM person_source')).toBe(people);
    expect(count('SELECT count(*) AS n FROM person_fts_row')).toBe(people);
    check.close();
    // Running it again finishes the job without duplicating anyone.
    const again = cli.run(['--db', killed, 'import', 'vcard', file, '--json']);
    const report = JSON.parse(again.stdout) as { created: number; skipped: number };
    expect(report.created + report.skipped).toBe(CARDS);
    expect(report.skipped).toBe(people);
  });
});
