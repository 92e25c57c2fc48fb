import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KithError } from '../domain/errors.js';
import { DIALECTS, openTestStore, type TestStore } from '../../test/stores.js';

let clock = new Date('2026-06-15T10:00:00.000Z');
const DAY = 86_400_000;

async function rejects(promise: Promise<unknown>, pattern: RegExp): Promise<void> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(KithError);
  expect((error as KithError).message).toMatch(pattern);
}

describe.each(DIALECTS)('keep in touch on %s', (dialect) => {
  let t: TestStore;
  beforeEach(async () => {
    clock = new Date('2026-06-15T10:00:00.000Z');
    t = await openTestStore(dialect, () => clock);
  });
  afterEach(async () => {
    await t.cleanup();
  });

  it('updates tie strength incrementally, matching a full recompute', async () => {
    await t.kith.people.add({ name: 'Ann Strong', metOn: '2022-01-01' });
    await t.kith.people.add({ name: 'Bo Weak' });
    for (const [days, kind, direction] of [[2, 'meeting', 'mutual'], [40, 'call', 'inbound'], [200, 'email', 'outbound'], [9, 'video', 'outbound']] as const) {
      await t.kith.interactions.log({ kind, with: ['Ann Strong'], at: new Date(clock.getTime() - days * DAY).toISOString(), direction });
    }
    await t.kith.interactions.log({ kind: 'email', with: ['Bo Weak'], at: '2025-01-01' });
    const ann = await t.kith.strength.forPerson('Ann Strong');
    const bo = await t.kith.strength.forPerson('Bo Weak');
    expect(ann.score).toBeGreaterThan(bo.score);
    expect(ann.parts.map((p) => p.component)).toEqual(['recency', 'frequency', 'reciprocity', 'richness', 'duration']);
    const shown = await t.kith.people.show('Ann Strong');
    expect(shown.strength).toEqual(ann);
    const result = await t.kith.strength.recomputeAll();
    expect(result).toEqual({ people: 2, interactions: 5 });
    expect(await t.kith.strength.forPerson('Ann Strong')).toEqual(ann);
    // Deleting an interaction rebuilds that person's totals.
    const [latest] = await t.kith.interactions.list('Ann Strong', 1);
    await t.kith.interactions.remove(latest!.id);
    expect((await t.kith.strength.forPerson('Ann Strong')).score).toBeLessThan(ann.score);
  });

  it("builds today's queue from cadences, birthdays, reminders and new jobs, and acts on it", async () => {
    await t.kith.settings.set('timezone', 'Europe/Paris');
    await t.kith.people.add({ name: 'Inner Iris', tier: 'inner', company: 'Acme' });
    await t.kith.people.add({ name: 'Close Cleo', tier: 'close' });
    await t.kith.people.add({ name: 'Fresh Fred', tier: 'inner' });
    await t.kith.people.add({ name: 'Birthday Bea', birthday: '1990-06-17' });
    await t.kith.people.add({ name: 'Mover Max', company: 'OldCo' });
    await t.kith.interactions.log({ kind: 'call', with: ['Inner Iris'], at: '2026-05-20' });
    await t.kith.interactions.log({ kind: 'call', with: ['Close Cleo'], at: '2026-05-01' });
    await t.kith.interactions.log({ kind: 'call', with: ['Fresh Fred'], at: '2026-06-14' });
    await t.kith.positions.add('Mover Max', { organization: 'NewCo', title: 'CTO', start: '2026-06-05' });
    await t.kith.reminders.add({ title: 'Send the intro deck', about: 'Close Cleo', at: '2026-06-14 09:00', kind: 'follow_up' });

    const queue = await t.kith.today.queue();
    expect(queue.day).toBe('2026-06-15');
    expect(queue.timezone).toBe('Europe/Paris');
    const byName = new Map(queue.entries.map((e) => [e.name, e]));
    expect([...byName.keys()].sort()).toEqual(['Birthday Bea', 'Close Cleo', 'Inner Iris', 'Mover Max']);
    expect(queue.entries[0]!.name).toBe('Close Cleo');
    expect(byName.get('Close Cleo')!.reasons.map((r) => r.kind)).toEqual(['follow_up', 'due']);
    expect(byName.get('Close Cleo')!.action).toBe('Send the intro deck');
    expect(byName.get('Inner Iris')!.reasons[0]!.text).toBe('overdue by 18 days (every 7 days, tier inner)');
    expect(byName.get('Birthday Bea')!.reasons[0]!.text).toBe('birthday in 2 days (turning 36)');
    expect(byName.get('Mover Max')!.reasons[0]!.text).toBe('new job at NewCo 10 days ago');
    expect(byName.get('Mover Max')!.action).toBe('Congratulate them on the new role at NewCo');
    // Stable: the same call gives the same order.
    expect((await t.kith.today.queue()).entries.map((e) => e.personId)).toEqual(queue.entries.map((e) => e.personId));
    expect((await t.kith.today.queue(2)).entries).toHaveLength(2);

    await t.kith.today.done('Inner Iris');
    await t.kith.today.snooze('Birthday Bea', '3d');
    await t.kith.today.skip('Mover Max');
    const after = await t.kith.today.queue();
    expect(after.entries.map((e) => e.name)).toEqual(['Close Cleo']);
    expect((await t.kith.people.get('Inner Iris')).lastContactAt).toBe(clock.toISOString());

    // Tomorrow the skip has expired; the snooze has not.
    clock = new Date(clock.getTime() + DAY);
    const tomorrow = (await t.kith.today.queue()).entries.map((e) => e.name);
    expect(tomorrow).toContain('Mover Max');
    expect(tomorrow).not.toContain('Birthday Bea');
    expect(tomorrow).not.toContain('Inner Iris');
  });

  it('applies cadence overrides by tag and person, and reports cadence status', async () => {
    await t.kith.people.add({ name: 'Vic Investor', tags: ['investor'] });
    await t.kith.people.add({ name: 'Pia Person', tier: 'wider' });
    await t.kith.interactions.log({ kind: 'email', with: ['Vic Investor'], at: '2026-04-01' });
    await t.kith.interactions.log({ kind: 'email', with: ['Pia Person'], at: '2026-05-01' });
    expect((await t.kith.cadences.status('Vic Investor')).status).toBe('none');
    await t.kith.cadences.set({ tag: 'Investor' }, '30');
    await t.kith.cadences.set({ person: 'Pia Person' }, '2w', '3w');
    const vic = await t.kith.cadences.status('Vic Investor');
    expect([vic.status, vic.cadence!.source]).toEqual(['overdue', 'tag investor']);
    expect((await t.kith.cadences.status('Pia Person')).status).toBe('overdue');
    const names = (await t.kith.today.queue()).entries.map((e) => e.name).sort();
    expect(names).toEqual(['Pia Person', 'Vic Investor']);
    await t.kith.cadences.set({ tier: 'close' }, '21');
    const rules = await t.kith.cadences.list();
    expect(rules.find((r) => r.scope === 'tier' && r.target === 'close')).toMatchObject({ idealDays: 21, maxDays: 32, isDefault: false });
    expect(rules.find((r) => r.scope === 'person')!.label).toBe('Pia Person');
    await t.kith.cadences.reset({ person: 'Pia Person' });
    expect((await t.kith.cadences.status('Pia Person')).cadence!.idealDays).toBe(365);
    await rejects(t.kith.cadences.set({ tier: 'close', tag: 'x' }, '30'), /exactly one/);
    await rejects(t.kith.cadences.set({ tier: 'close' }, 'often'), /invalid every "often"/);
  });

  it('keeps one-time and recurring reminders in the user time zone', async () => {
    await t.kith.settings.set('timezone', 'America/New_York');
    await t.kith.people.add({ name: 'Rita Remind' });
    const weekly = await t.kith.reminders.add({ title: 'Team sync notes', at: '2026-06-15 09:00', rrule: 'FREQ=WEEKLY;BYDAY=MO' });
    expect(weekly.dueAt).toBe('2026-06-15T13:00:00.000Z');
    clock = new Date('2026-06-15T14:00:00.000Z');
    const next = await t.kith.reminders.done(weekly.id);
    expect(next.doneAt).toBeNull();
    expect(next.dueAt).toBe('2026-06-22T13:00:00.000Z');
    const once = await t.kith.reminders.add({ title: 'Ask about the offer', about: 'Rita Remind', in: '2d' });
    expect(once.dueAt).toBe(new Date(clock.getTime() + 2 * DAY).toISOString());
    const snoozed = await t.kith.reminders.snooze(once.id, '1w');
    expect(snoozed.snoozedUntil).toBe(new Date(clock.getTime() + 7 * DAY).toISOString());
    expect((await t.kith.reminders.done(once.id)).doneAt).toBe(clock.toISOString());
    expect((await t.kith.reminders.list()).map((r) => r.title)).toEqual(['Team sync notes']);
    expect((await t.kith.reminders.list({ all: true }))).toHaveLength(2);
    // An overdue reminder about nobody shows in today's reminders.
    clock = new Date('2026-06-23T15:00:00.000Z');
    expect((await t.kith.today.queue()).reminders.map((r) => r.title)).toEqual(['Team sync notes']);
  });

  it('rejects a bad RRULE, time zone, duration or ref with one line, changing nothing', async () => {
    await t.kith.people.add({ name: 'Nia Safe' });
    await rejects(t.kith.reminders.add({ title: 'x', rrule: 'FREQ=FORTNIGHTLY' }), /^invalid rrule "FREQ=FORTNIGHTLY"/);
    await rejects(t.kith.reminders.add({ title: 'x', in: 'soon' }), /^invalid in "soon"/);
    await rejects(t.kith.reminders.add({ title: 'x', at: '2026-02-30' }), /^invalid at "2026-02-30"/);
    await rejects(t.kith.reminders.add({ title: 'x', about: 'Nobody Known' }), /^no person matches "Nobody Known"/);
    await rejects(t.kith.settings.set('timezone', 'Europe/Atlantis'), /^invalid timezone "Europe\/Atlantis"/);
    await rejects(t.kith.today.snooze('Nia Safe', 'forever'), /^invalid duration "forever"/);
    await rejects(t.kith.today.done('Nobody Known'), /^no person matches/);
    expect(await t.kith.reminders.list({ all: true })).toEqual([]);
    expect((await t.kith.people.show('Nia Safe')).interactionCount).toBe(0);
    expect(await t.kith.settings.all()).toEqual({});
  });

  it('exports a calendar that ical.js reads back', async () => {
    await t.kith.settings.set('timezone', 'Europe/Paris');
    await t.kith.people.add({ name: 'Cal Birthday', birthday: '--07-04' });
    await t.kith.reminders.add({ title: 'Monthly review', at: '2026-07-01 09:00', rrule: 'FREQ=MONTHLY;BYMONTHDAY=1' });
    await t.kith.reminders.add({ title: 'Thank Cal', about: 'Cal Birthday', at: '2026-06-20 10:30', kind: 'follow_up' });
    const ics = await t.kith.calendar.export();
    const vcalendar = new ICAL.Component(ICAL.parse(ics));
    const events = vcalendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    const bySummary = new Map(events.map((e) => [e.summary, e]));
    expect([...bySummary.keys()].sort()).toEqual(["Cal Birthday's birthday", 'Follow up: Thank Cal (Cal Birthday)', 'Reminder: Monthly review']);
    const birthday = bySummary.get("Cal Birthday's birthday")!;
    expect(birthday.startDate.isDate).toBe(true);
    expect(birthday.startDate.toString()).toBe('2026-07-04');
    expect(birthday.isRecurring()).toBe(true);
    const monthly = bySummary.get('Reminder: Monthly review')!;
    expect(monthly.isRecurring()).toBe(true);
    expect(monthly.startDate.toString()).toBe('2026-07-01T09:00:00');
    expect(bySummary.get('Follow up: Thank Cal (Cal Birthday)')!.startDate.toJSDate().toISOString()).toBe('2026-06-20T08:30:00.000Z');
  });

  it('writes a weekly digest in Markdown and HTML', async () => {
    await t.kith.people.add({ name: 'Dee <Digest>', tier: 'inner', birthday: '--06-19' });
    await t.kith.interactions.log({ kind: 'call', with: ['Dee <Digest>'], at: '2026-06-12' });
    const md = await t.kith.digest.render('md');
    expect(md).toMatch(/^# Kith: the week of 2026-06-15 to 2026-06-21/);
    expect(md).toContain('**Dee <Digest>**');
    expect(md).toContain('birthday in 4 days');
    // Described as of today: Dee comes due during the week, Otto is overdue already.
    await t.kith.people.add({ name: 'Otto Overdue', tier: 'inner' });
    await t.kith.interactions.log({ kind: 'call', with: ['Otto Overdue'], at: '2026-05-01' });
    const week = await t.kith.digest.render('md');
    expect(week).toContain('**Dee <Digest>**: birthday in 4 days; due in 5 days (every 7 days, tier inner)');
    expect(week).toContain('**Otto Overdue**: overdue by 37 days (every 7 days, tier inner)');
    expect((await t.kith.today.queue()).entries.find((e) => e.name === 'Otto Overdue')!.reasons[0]!.text).toBe('overdue by 37 days (every 7 days, tier inner)');
    const html = await t.kith.digest.render('html');
    expect(html).toContain('<strong>Dee &lt;Digest&gt;</strong>');
    await rejects(t.kith.digest.render('pdf'), /invalid format "pdf"/);
  });

  it('suggests tiers from behaviour without changing anything until accepted', async () => {
    await t.kith.people.add({ name: 'Often Olu', tier: 'acquaintance' });
    await t.kith.people.add({ name: 'Rare Ray', tier: 'inner' });
    for (let i = 0; i < 10; i++) await t.kith.interactions.log({ kind: 'meeting', with: ['Often Olu'], at: new Date(clock.getTime() - (1 + 6 * i) * DAY).toISOString() });
    await t.kith.interactions.log({ kind: 'email', with: ['Rare Ray'], at: '2019-01-01' });
    const proposals = await t.kith.tiers.suggest();
    expect(proposals.find((p) => p.name === 'Often Olu')!.suggested).toBe('inner');
    expect((await t.kith.people.get('Often Olu')).tier).toBe('acquaintance');
    await t.kith.tiers.accept(['Often Olu']);
    expect((await t.kith.people.get('Often Olu')).tier).toBe('inner');
    expect((await t.kith.people.get('Rare Ray')).tier).toBe('inner');
  });

  it('reminds of work anniversaries only when opted in', async () => {
    await t.kith.people.add({ name: 'Ann Iversary' });
    await t.kith.positions.add('Ann Iversary', { organization: 'Stayco', start: '2021-06-18' });
    expect((await t.kith.today.queue()).entries).toHaveLength(0);
    await t.kith.settings.set('reminders.anniversaries', 'on');
    const [entry] = (await t.kith.today.queue()).entries;
    expect(entry!.reasons[0]!.text).toBe('5 years at Stayco in 3 days');
    expect(entry!.action).toBe('Congratulate them on the work anniversary');
  });

  it('ranks dormant ties and feeds one into the queue', async () => {
    await t.kith.settings.set('me.interests', 'fintech');
    await t.kith.people.add({ name: 'Old Friend', tags: ['fintech'] });
    await t.kith.people.add({ name: 'Old Acquaintance' });
    for (const at of ['2021-01-10', '2021-02-10', '2021-03-10']) await t.kith.interactions.log({ kind: 'email', with: ['Old Friend'], at });
    for (const at of ['2022-01-10', '2022-02-10']) await t.kith.interactions.log({ kind: 'meeting', with: ['Old Acquaintance'], at });
    const dormant = await t.kith.today.dormant();
    expect(dormant.map((d) => d.person.name)).toEqual(['Old Friend', 'Old Acquaintance']);
    expect(dormant[0]!.matchedInterests).toEqual(['fintech']);
    const queue = await t.kith.today.queue();
    const dormantEntries = queue.entries.filter((e) => e.reasons.some((r) => r.kind === 'dormant'));
    expect(dormantEntries).toHaveLength(1);
  });
});
