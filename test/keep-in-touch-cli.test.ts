import { cliRunner } from './cli-runner.js';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let dir: string;
let db: string;
const cli = cliRunner(() => ({ dir, db }));
const kith = (...args: string[]) => cli.run(args);
const json = <T>(...args: string[]): T => cli.json<T>(args);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kith-kit-'));
  db = join(dir, 'kith.db');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('keep-in-touch commands', () => {
  it('shows today with reasons and actions, and acts on entries', () => {
    json('config', 'set', 'timezone', 'Europe/Paris');
    json('person', 'add', '--name', 'Ida Inner', '--tier', 'inner');
    json('person', 'add', '--name', 'Carl Close', '--tier', 'close');
    json('log', 'call', '--with', 'Ida Inner', '--at', '20 days ago');
    json('log', 'call', '--with', 'Carl Close', '--at', 'yesterday');
    const queue = json<{ entries: Array<{ name: string; reasons: Array<{ text: string }>; action: string; strength: number }> }>('today');
    expect(queue.entries.map((e) => e.name)).toEqual(['Ida Inner']);
    expect(queue.entries[0]!.reasons[0]!.text).toMatch(/^overdue by 1[23] days \(every 7 days, tier inner\)$/);
    expect(queue.entries[0]!.action).toBe('Call or meet up');
    const text = kith('today');
    expect(text.stdout).toContain('Ida Inner');
    expect(text.stdout).toContain('→ Call or meet up');
    expect(kith('today', 'snooze', 'Ida Inner', '2d').code).toBe(0);
    expect(json<{ entries: unknown[] }>('today').entries).toHaveLength(0);
    expect(kith('today', 'snooze', 'Ida Inner', 'a while').stderr).toMatch(/^kith: invalid duration "a while"/);
  });

  it('shows the strength breakdown on person show', () => {
    const shown = json<{ strength: { score: number; parts: Array<{ component: string }> }; cadence: { status: string } }>('person', 'show', 'Carl Close');
    expect(shown.strength.score).toBeGreaterThan(0);
    expect(shown.strength.parts.map((p) => p.component)).toEqual(['recency', 'frequency', 'reciprocity', 'richness', 'duration']);
    expect(shown.cadence.status).toBe('ok');
    expect(kith('person', 'show', 'Carl Close').stdout).toMatch(/Tie strength\s+\d+\/100/);
  });

  it('adds, lists and completes reminders; rejects a bad RRULE with exit 1', () => {
    const r = json<{ id: string; rrule: string }>('remind', 'add', 'Weekly', 'review', '--at', '2026-12-07 09:00', '--rrule', 'FREQ=WEEKLY;BYDAY=MO');
    expect(r.rrule).toBe('FREQ=WEEKLY;BYDAY=MO');
    expect(json<unknown[]>('remind', 'ls')).toHaveLength(1);
    // A date in the past is kept, with a word about it.
    const late = kith('remind', 'add', 'Send', 'the', 'deck', '--at', '2020-01-01');
    expect([late.code, late.stdout, late.stderr]).toEqual([0, expect.stringMatching(/due 2020-01-01/), 'note: that is in the past, so it is due now\n']);
    const soon = json<{ id: string }>('remind', 'add', 'Call', 'back', '--in', '2d');
    expect(json<unknown[]>('remind', 'ls')).toHaveLength(3);
    for (const id of [/^Reminder (\S+)/.exec(late.stdout)![1]!, soon.id]) expect(kith('remind', 'done', id).code).toBe(0);
    const bad = kith('remind', 'add', 'x', '--rrule', 'FREQ=NEVER');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^kith: invalid rrule "FREQ=NEVER"/);
    const badZone = kith('config', 'set', 'timezone', 'Moon/Base');
    expect([badZone.code, badZone.stderr]).toEqual([1, 'kith: invalid timezone "Moon/Base": not an IANA time zone such as Europe/Paris\n']);
    expect(json<unknown[]>('remind', 'ls')).toHaveLength(1);
    expect(kith('remind', 'done', 'not-an-id').stderr).toMatch(/^kith: no reminder matches/);
  });

  it('exports a calendar file that ical.js parses, and a digest', () => {
    json('person', 'edit', 'Carl Close', '--birthday', '--01-15');
    const out = join(dir, 'kith.ics');
    expect(kith('calendar', 'export', '--out', out).code).toBe(0);
    const events = new ICAL.Component(ICAL.parse(readFileSync(out, 'utf8'))).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c).summary);
    expect(events.sort()).toEqual(["Carl Close's birthday", 'Reminder: Weekly review']);
    const digest = kith('digest', '--format', 'md');
    expect(digest.code).toBe(0);
    expect(digest.stdout).toMatch(/^# Kith: the week of/);
    expect(kith('digest', '--format', 'pdf').code).toBe(1);
  });

  it('sets cadences and suggests tiers without changing them', () => {
    expect(json<{ idealDays: number }>('cadence', 'set', '14', '--person', 'Carl Close').idealDays).toBe(14);
    expect(kith('cadence', 'set', '14', '--tier', 'close', '--tag', 'x').code).toBe(1);
    const before = json<Array<{ tier: string }>>('ls').map((p) => p.tier);
    json('tiers', 'suggest');
    expect(json<Array<{ tier: string }>>('ls').map((p) => p.tier)).toEqual(before);
    expect(kith('tiers', 'accept').code).toBe(2);
  });
});
