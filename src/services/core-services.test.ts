import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KithError } from '../domain/errors.js';
import { DIALECTS, openTestStore, type TestStore } from '../../test/stores.js';

const NOW = new Date('2026-06-15T10:00:00.000Z');

async function rejects(promise: Promise<unknown>, category: string, pattern: RegExp): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KithError);
  expect((error as KithError).category).toBe(category);
  expect((error as KithError).message).toMatch(pattern);
}

describe.each(DIALECTS)('core services on %s', (dialect) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore(dialect, () => NOW);
  });
  afterEach(async () => {
    await t.cleanup();
  });

  it('adds a person with normalised emails, phones, urls, tags and a current position', async () => {
    const p = await t.kith.people.add({
      name: 'Ada Lovelace',
      emails: ['Ada@Example.COM', 'home:ada@home.example.org'],
      phones: ['(415) 555-2671', 'mobile:+44 20 7946 0958'],
      urls: ['https://www.linkedin.com/in/Ada-L/?trk=x'],
      company: 'Analytical Engines',
      title: 'Programmer',
      tags: ['Math', ' pioneers '],
      tier: 'close',
      birthday: '--12-10',
      metOn: '2020-01-02',
      howMet: 'Salon',
    });
    expect(p.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(p.name).toBe('Ada Lovelace');
    expect(p.givenName).toBe('Ada');
    expect(p.familyName).toBe('Lovelace');
    expect(p.emails).toEqual(['ada@example.com', 'ada@home.example.org']);
    expect(p.contacts.emails[1]).toEqual({ value: 'ada@home.example.org', label: 'home' });
    expect(p.phones).toEqual(['+14155552671', '+442079460958']);
    expect(p.urls).toEqual([{ url: 'https://linkedin.com/in/ada-l', kind: 'linkedin' }]);
    expect(p.company).toBe('Analytical Engines');
    expect(p.title).toBe('Programmer');
    expect(p.tags).toEqual(['math', 'pioneers']);
    expect(p.tier).toBe('close');
    expect(p.birthday).toBe('--12-10');
    expect(p.metOn).toBe('2020-01-02');
    expect(p.createdAt).toBe(NOW.toISOString());
  });

  it('rejects bad values naming the field, and writes nothing', async () => {
    await rejects(t.kith.people.add({ name: 'X', emails: ['not-an-email'] }), 'validation', /invalid email "not-an-email"/);
    await rejects(t.kith.people.add({ name: 'X', phones: ['12'] }), 'validation', /invalid phone "12"/);
    await rejects(t.kith.people.add({ name: 'X', tier: 'bestie' }), 'validation', /invalid tier "bestie"/);
    await rejects(t.kith.people.add({ name: 'X', birthday: '1990-02-30' }), 'validation', /invalid birthday/);
    await rejects(t.kith.people.add({ name: 'X', metOn: 'last year' }), 'validation', /invalid met-on "last year"/);
    await rejects(t.kith.people.add({ name: '   ' }), 'validation', /invalid name/);
    expect((await t.kith.stats.stats()).people).toBe(0);
  });

  it('rolls back a failed add completely, even after the person row was written', async () => {
    await t.kith.people.add({ name: 'First', emails: ['taken@example.com'] });
    // The second email is taken: the check fails after validation, inside the transaction.
    await rejects(t.kith.people.add({ name: 'Second', emails: ['fresh@example.com', 'taken@example.com'], company: 'NewCo' }), 'conflict', /already belongs to First/);
    const stats = await t.kith.stats.stats();
    expect(stats.people).toBe(1);
    expect(stats.organizations).toBe(0);
    await rejects(t.kith.people.get('fresh@example.com'), 'not_found', /no person matches/);
  });

  it('resolves refs by id, email, exact name and prefix, and reports ambiguity with candidates', async () => {
    const john = await t.kith.people.add({ name: 'John Smith', emails: ['john@acme.com'] });
    await t.kith.people.add({ name: 'John Lee' });
    expect((await t.kith.people.get(john.id)).id).toBe(john.id);
    expect((await t.kith.people.get('JOHN@acme.com')).id).toBe(john.id);
    expect((await t.kith.people.get('john smith')).id).toBe(john.id);
    expect((await t.kith.people.get('John S')).id).toBe(john.id);
    const error = await t.kith.people.get('John').catch((e: KithError) => e);
    expect(error).toBeInstanceOf(KithError);
    expect((error as KithError).category).toBe('ambiguous');
    expect((error as KithError).message).toContain('John Lee');
    expect((error as KithError).message).toContain('John Smith');
    await rejects(t.kith.people.get('Nobody'), 'not_found', /no person matches "Nobody"/);
  });

  it('edits fields, lists, custom fields and changes jobs with position history', async () => {
    await t.kith.people.add({ name: 'Grace Hopper', emails: ['grace@navy.mil'], company: 'Navy', title: 'Officer', tags: ['cobol'] });
    const edited = await t.kith.people.edit('Grace Hopper', {
      addEmails: ['grace@univac.example.com'],
      removeEmails: ['grace@navy.mil'],
      addTags: ['compilers'],
      removeTags: ['cobol'],
      company: 'Univac',
      title: 'Director',
      tier: 'inner',
      setFields: { github: 'ghopper' },
      location: 'Arlington',
    });
    expect(edited.emails).toEqual(['grace@univac.example.com']);
    expect(edited.tags).toEqual(['compilers']);
    expect(edited.company).toBe('Univac');
    expect(edited.title).toBe('Director');
    expect(edited.tier).toBe('inner');
    expect(edited.location).toBe('Arlington');
    expect(edited.customFields).toEqual({ github: 'ghopper' });
    const detail = await t.kith.people.show('grace');
    expect(detail.positions.map((p) => [p.organization, p.current, p.endDate])).toEqual([
      ['Univac', true, null],
      ['Navy', false, '2026-06-15'],
    ]);
    const retitled = await t.kith.people.edit('grace', { title: 'Rear Admiral' });
    expect(retitled.title).toBe('Rear Admiral');
    expect(retitled.company).toBe('Univac');
    await rejects(t.kith.people.edit('grace', {}), 'usage', /nothing to change/);
    const cleared = await t.kith.people.edit('grace', { tier: 'none', unsetFields: ['github'] });
    expect(cleared.tier).toBeNull();
    expect(cleared.customFields).toEqual({});
  });

  it('records positions over time; the latest open one is the current job', async () => {
    await t.kith.people.add({ name: 'Pat Career' });
    const old = await t.kith.positions.add('Pat Career', { organization: 'OldCo', title: 'Analyst', start: '2018-01-01', end: '2021-06-30' });
    expect(old.current).toBe(false);
    await t.kith.positions.add('Pat Career', { organization: 'MidCo', title: 'Lead', start: '2021-07-01' });
    const latest = await t.kith.positions.add('Pat Career', { organization: 'NewCo', title: 'Head of Data', start: '2024-02-01' });
    expect((await t.kith.people.get('Pat Career')).company).toBe('NewCo');
    await t.kith.positions.end(latest.id, '2026-01-31');
    const pat = await t.kith.people.get('Pat Career');
    expect([pat.company, pat.title]).toEqual(['MidCo', 'Lead']);
    expect((await t.kith.positions.list('Pat Career')).map((p) => p.organization)).toEqual(['MidCo', 'NewCo', 'OldCo']);
    await rejects(t.kith.positions.add('Pat Career', { organization: 'X', start: '2020-01-01', end: '2019-01-01' }), 'validation', /ends before it starts/);
    await rejects(t.kith.positions.end('00000000-0000-7000-8000-000000000000'), 'not_found', /no position/);
  });

  it('lists people by tag, organization, tier and last contact, with cursor pages', async () => {
    const names = ['Alice Adams', 'Bob Brown', 'Carol Chen', 'Dan Diaz', 'Eve Evans'];
    for (const [i, name] of names.entries()) {
      await t.kith.people.add({ name, tags: i % 2 === 0 ? ['even'] : ['odd'], company: i < 2 ? 'Acme' : 'Beta', tier: i === 0 ? 'inner' : null });
    }
    await t.kith.interactions.log({ kind: 'call', with: ['Alice Adams'], at: '2026-06-01' });
    await t.kith.interactions.log({ kind: 'call', with: ['Bob Brown'], at: '2025-01-01' });
    const names_ = async (q: Parameters<typeof t.kith.people.list>[0]) => (await t.kith.people.list(q)).items.map((p) => p.name);
    expect(await names_({ tag: 'even' })).toEqual(['Alice Adams', 'Carol Chen', 'Eve Evans']);
    expect(await names_({ tag: 'missing' })).toEqual([]);
    expect(await names_({ organization: 'acme' })).toEqual(['Alice Adams', 'Bob Brown']);
    expect(await names_({ tier: 'inner' })).toEqual(['Alice Adams']);
    expect(await names_({ notContactedSince: '2026-01-01' })).toEqual(['Bob Brown', 'Carol Chen', 'Dan Diaz', 'Eve Evans']);
    const first = await t.kith.people.list({ limit: 2 });
    expect(first.items.map((p) => p.name)).toEqual(['Alice Adams', 'Bob Brown']);
    const second = await t.kith.people.list({ limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((p) => p.name)).toEqual(['Carol Chen', 'Dan Diaz']);
    const third = await t.kith.people.list({ limit: 2, cursor: second.nextCursor! });
    expect(third.items.map((p) => p.name)).toEqual(['Eve Evans']);
    expect(third.nextCursor).toBeNull();
    await rejects(t.kith.people.list({ cursor: 'garbage' }), 'validation', /invalid cursor/);
    await rejects(t.kith.people.list({ organization: 'Nowhere' }), 'not_found', /no organization matches/);
  });

  it('finds people by the values of their custom fields, and follows their changes', async () => {
    const maja = await t.kith.people.add({ name: 'Maja Lind', customFields: { 'relation (spouse)': 'Nils Ekström' } });
    expect((await t.kith.search.search('ekstrom')).map((h) => [h.person.id, h.match])).toEqual([[maja.id, 'text']]);
    await t.kith.people.edit('Maja Lind', { unsetFields: ['relation (spouse)'], setFields: { role: 'Board member' } });
    expect(await t.kith.search.search('ekstrom')).toEqual([]);
    expect((await t.kith.search.search('board member')).map((h) => h.person.id)).toEqual([maja.id]);
    // The field's name is not searched: it would find everyone who has one.
    expect(await t.kith.search.search('role')).toEqual([]);
  });

  it('finds the best match that is not archived when archived people rank above it', async () => {
    // Archived people named just "Carter" outrank the one active Carter, whose name is longer.
    for (let i = 0; i < 30; i++) await t.kith.people.add({ name: 'Carter', emails: [`cc${i}@example.com`] });
    const active = await t.kith.people.add({ name: 'Carter Zed Longname', emails: ['zed@example.com'] });
    for (let i = 0; i < 30; i++) await t.kith.people.archive(`cc${i}@example.com`);
    expect((await t.kith.search.search('carter', 1)).map((h) => [h.person.id, h.match])).toEqual([[active.id, 'text']]);
    expect((await t.kith.search.search('car', 5)).map((h) => h.person.id)).toEqual([active.id]);
  });

  it('archives, restores and purges', async () => {
    const p = await t.kith.people.add({ name: 'Temp Person', emails: ['temp@example.com'] });
    await t.kith.notes.add('shared note', ['Temp Person']);
    await t.kith.people.archive('Temp Person');
    expect((await t.kith.people.list()).items).toHaveLength(0);
    expect((await t.kith.people.list({ includeArchived: true })).items).toHaveLength(1);
    expect(await t.kith.search.search('temp')).toHaveLength(0);
    expect((await t.kith.people.get(p.id)).archived).toBe(true);
    await t.kith.people.unarchive(p.id);
    expect((await t.kith.search.search('temp')).map((h) => h.person.id)).toEqual([p.id]);
    await t.kith.people.purge(p.id);
    await rejects(t.kith.people.get(p.id), 'not_found', /no person/);
    expect(await t.kith.search.search('temp')).toHaveLength(0);
    expect((await t.kith.stats.stats()).people).toBe(0);
  });

  it('logs interactions, keeps last contact and stays idempotent by source and external id', async () => {
    await t.kith.people.add({ name: 'Ann Lee', emails: ['ann@example.com'] });
    await t.kith.people.add({ name: 'Ben Ode' });
    const a = await t.kith.interactions.log({ kind: 'meeting', with: ['ann@example.com', 'Ben Ode'], at: '2026-05-01T09:30Z', summary: 'Coffee', duration: '45m' });
    expect(a.participants.map((p) => p.name)).toEqual(['Ann Lee', 'Ben Ode']);
    expect(a.direction).toBe('mutual');
    expect(a.durationMinutes).toBe(45);
    expect(a.occurredAt).toBe('2026-05-01T09:30:00.000Z');
    await t.kith.interactions.log({ kind: 'email', with: ['Ann Lee'], at: '2026-04-01' });
    expect((await t.kith.people.get('Ann Lee')).lastContactAt).toBe('2026-05-01T09:30:00.000Z');
    const imported = await t.kith.interactions.log({ kind: 'email', with: ['Ben Ode'], at: '2026-06-01', source: 'mbox', externalId: '<m1@x>' });
    const again = await t.kith.interactions.log({ kind: 'email', with: ['Ben Ode'], at: '2026-06-01', source: 'mbox', externalId: '<m1@x>' });
    expect(again.id).toBe(imported.id);
    expect((await t.kith.people.show('Ben Ode')).interactionCount).toBe(2);
    await t.kith.interactions.remove(imported.id);
    await rejects(t.kith.interactions.remove(imported.id), 'not_found', /no interaction matches/);
    expect((await t.kith.people.get('Ben Ode')).lastContactAt).toBe('2026-05-01T09:30:00.000Z');
    await rejects(t.kith.interactions.log({ kind: 'dance', with: ['Ann Lee'] }), 'validation', /invalid kind "dance"/);
    await rejects(t.kith.interactions.log({ kind: 'call', with: [] }), 'validation', /at least one person/);
    await rejects(t.kith.interactions.log({ kind: 'call', with: ['Ann Lee'], direction: 'sideways' }), 'validation', /invalid direction/);
    await rejects(t.kith.interactions.log({ kind: 'call', with: ['Ann Lee'], at: '2026-13-01' }), 'validation', /invalid at/);
    // Now is 2026-06-15T10:00Z, already the 16th in UTC+14; the 18th is nowhere yet.
    expect((await t.kith.interactions.log({ kind: 'call', with: ['Ann Lee'], at: '2026-06-16' })).occurredAt).toBe('2026-06-16T12:00:00.000Z');
    await rejects(t.kith.interactions.log({ kind: 'call', with: ['Ann Lee'], at: '2026-06-18' }), 'validation', /invalid at "2026-06-18": is in the future/);
    await rejects(t.kith.interactions.log({ kind: 'call', with: ['Ann Lee'], at: '2062-06-15' }), 'validation', /invalid at "2062-06-15": is in the future/);
    await rejects(t.kith.interactions.log({ kind: 'call', with: ['Ann Lee'], at: 'tomorrow' }), 'validation', /invalid at "tomorrow": is in the future/);
    expect((await t.kith.interactions.log({ kind: 'call', with: ['Ann Lee'], at: 'today' })).occurredAt).toBe('2026-06-15T10:00:00.000Z');
    await rejects(t.kith.interactions.log({ kind: 'call', with: ['Nobody Here'] }), 'not_found', /no person matches/);
  });

  it('corrects a logged interaction, and its people\'s last contact and totals follow', async () => {
    await t.kith.people.add({ name: 'Cleo Fix' });
    await t.kith.interactions.log({ kind: 'call', with: ['Cleo Fix'], at: '2026-03-01' });
    const typo = await t.kith.interactions.log({ kind: 'call', with: ['Cleo Fix'], at: '2026-06-10', summary: 'Lunhc', duration: '30m' });
    expect((await t.kith.people.get('Cleo Fix')).lastContactAt).toBe('2026-06-10T12:00:00.000Z');
    // It was a meeting, in January, about lunch, and nobody timed it.
    const fixed = await t.kith.interactions.edit(typo.id, { kind: 'meeting', at: '2026-01-15', summary: 'Lunch', duration: null });
    expect([fixed.id, fixed.kind, fixed.occurredAt, fixed.summary, fixed.durationMinutes, fixed.direction]).toEqual([typo.id, 'meeting', '2026-01-15T12:00:00.000Z', 'Lunch', null, 'mutual']);
    const cleo = await t.kith.people.show('Cleo Fix');
    expect([(await t.kith.people.get('Cleo Fix')).lastContactAt, cleo.interactionCount]).toEqual(['2026-03-01T12:00:00.000Z', 2]);
    expect(cleo.strength.parts.find((x) => x.component === 'richness')!.explanation).toMatch(/meeting 1/);
    // A field left out stays; an empty summary clears it.
    expect((await t.kith.interactions.edit(typo.id, { summary: '' })).summary).toBeNull();
    expect((await t.kith.interactions.edit(typo.id, { direction: 'inbound' })).kind).toBe('meeting');
    await rejects(t.kith.interactions.edit(typo.id, {}), 'validation', /nothing to change/);
    await rejects(t.kith.interactions.edit(typo.id, { at: '2062-01-15' }), 'validation', /is in the future/);
    await rejects(t.kith.interactions.edit(typo.id, { kind: 'dance' }), 'validation', /invalid kind "dance"/);
    await rejects(t.kith.interactions.edit('0190c000-0000-7000-8000-000000000000', { summary: 'x' }), 'not_found', /no interaction matches/);
  });

  it('changes who took part in a logged interaction, and everyone\'s totals follow', async () => {
    await t.kith.people.add({ name: 'Dora Pick' });
    await t.kith.people.add({ name: 'Eli Pick' });
    await t.kith.people.add({ name: 'Finn Pick' });
    const lunch = await t.kith.interactions.log({ kind: 'meeting', with: ['Dora Pick', 'Eli Pick'], at: '2026-06-01' });
    // It was Dora and Finn; Eli was not there.
    const fixed = await t.kith.interactions.edit(lunch.id, { with: ['Dora Pick', 'Finn Pick', 'Finn Pick'] });
    expect(fixed.participants.map((p) => p.name).sort()).toEqual(['Dora Pick', 'Finn Pick']);
    expect([fixed.kind, fixed.occurredAt]).toEqual(['meeting', '2026-06-01T12:00:00.000Z']);
    const [eli, finn] = [await t.kith.people.show('Eli Pick'), await t.kith.people.show('Finn Pick')];
    expect([eli.interactionCount, (await t.kith.people.get('Eli Pick')).lastContactAt]).toEqual([0, null]);
    expect([finn.interactionCount, (await t.kith.people.get('Finn Pick')).lastContactAt]).toEqual([1, '2026-06-01T12:00:00.000Z']);
    expect((await t.kith.interactions.list('Eli Pick')).length).toBe(0);
    await rejects(t.kith.interactions.edit(lunch.id, { with: [] }), 'validation', /at least one person/);
    await rejects(t.kith.interactions.edit(lunch.id, { with: ['Nobody Here'] }), 'not_found', /no person matches/);
    // A failed change leaves it as it was.
    await rejects(t.kith.interactions.edit(lunch.id, { summary: 'Lunch', with: ['Dora Pick', 'Nobody Here'] }), 'not_found', /no person matches/);
    const after = (await t.kith.interactions.list('Dora Pick'))[0]!;
    expect([after.summary, after.participants.length]).toEqual([null, 2]);
  });

  it('keeps notes about several people and standalone notes', async () => {
    await t.kith.people.add({ name: 'Nia Park' });
    await t.kith.people.add({ name: 'Omar Haddad' });
    const note = await t.kith.notes.add('# Dinner\nBoth love **climbing**.', ['Nia Park', 'Omar Haddad']);
    expect(note.about.map((a) => a.name)).toEqual(['Nia Park', 'Omar Haddad']);
    const standalone = await t.kith.notes.add('Ideas for the next meetup');
    expect(standalone.about).toEqual([]);
    expect((await t.kith.notes.list('Omar Haddad')).map((n) => n.id)).toEqual([note.id]);
    expect((await t.kith.search.search('climbing')).map((h) => h.person.name).sort()).toEqual(['Nia Park', 'Omar Haddad']);
    await t.kith.notes.remove(note.id);
    await rejects(t.kith.notes.remove(note.id), 'not_found', /no note matches/);
    expect(await t.kith.search.search('climbing')).toHaveLength(0);
    await rejects(t.kith.notes.add('   '), 'validation', /note cannot be empty/);
  });

  it('links people with typed relationships, symmetric kinds stored once', async () => {
    await t.kith.people.add({ name: 'Mentor Mia' });
    await t.kith.people.add({ name: 'Mentee Max' });
    const r = await t.kith.relationships.link('Mentor Mia', 'mentor of', 'Mentee Max');
    expect([r.from.name, r.kind, r.to.name]).toEqual(['Mentor Mia', 'mentor_of', 'Mentee Max']);
    const k1 = await t.kith.relationships.link('Mentor Mia', 'knows', 'Mentee Max');
    const k2 = await t.kith.relationships.link('Mentee Max', 'knows', 'Mentor Mia');
    expect(k2.id).toBe(k1.id);
    expect(await t.kith.relationships.list('Mentee Max')).toHaveLength(2);
    await rejects(t.kith.relationships.link('Mentor Mia', 'frenemy', 'Mentee Max'), 'validation', /invalid relationship "frenemy"/);
    await rejects(t.kith.relationships.link('Mentor Mia', 'knows', 'Mentor Mia'), 'validation', /themselves/);
    await t.kith.relationships.unlink(r.id);
    expect(await t.kith.relationships.list('Mentee Max')).toHaveLength(1);
  });

  it('tags, renames tags and merges tags on rename', async () => {
    await t.kith.people.add({ name: 'Tag One', tags: ['ml'] });
    await t.kith.people.add({ name: 'Tag Two', tags: ['machine-learning'] });
    await t.kith.tags.tag('Tag One', ['AI', 'ai']);
    expect((await t.kith.people.get('Tag One')).tags).toEqual(['ai', 'ml']);
    const renamed = await t.kith.tags.rename('ml', 'machine learning');
    expect(renamed).toEqual({ from: 'ml', to: 'machine-learning', people: 1 });
    expect(await t.kith.tags.list()).toEqual([
      { name: 'ai', people: 1 },
      { name: 'machine-learning', people: 2 },
    ]);
    expect((await t.kith.search.search('machine learning')).length).toBe(2);
    await t.kith.tags.untag('Tag One', ['ai']);
    await rejects(t.kith.tags.untag('Tag One', ['nope']), 'not_found', /no tag matches/);
  });

  it('manages organizations and finds people by company', async () => {
    const org = await t.kith.organizations.add({ name: 'Initech', domain: 'https://www.initech.example/about', industry: 'software' });
    expect(org.domain).toBe('initech.example');
    await rejects(t.kith.organizations.add({ name: 'initech' }), 'conflict', /already exists/);
    await t.kith.people.add({ name: 'Peter Gibbons', company: 'INITECH', title: 'Engineer' });
    const shown = await t.kith.organizations.show('Initech');
    expect(shown.organization.peopleCount).toBe(1);
    expect(shown.people.map((p) => p.name)).toEqual(['Peter Gibbons']);
    await t.kith.organizations.edit('Initech', { name: 'Initrode' });
    expect((await t.kith.search.search('initrode')).map((h) => h.person.name)).toEqual(['Peter Gibbons']);
    await rejects(t.kith.organizations.add({ name: 'Bad', domain: 'not a domain' }), 'validation', /invalid domain/);
  });

  it('searches text ranked, by prefix, across fields, and tolerates typos in names', async () => {
    await t.kith.people.add({ name: 'John Smith', emails: ['jsmith@globex.example'], company: 'Globex', title: 'VP Sales', location: 'Springfield' });
    await t.kith.people.add({ name: 'Johanna Smythe', tags: ['fintech'] });
    await t.kith.people.add({ name: 'Zoë Ångström', nickname: 'Zo' });
    await t.kith.people.add({ name: 'Mark Jones', emails: ['mark@initech.example'] });
    const names = async (q: string) => (await t.kith.search.search(q)).map((h) => h.person.name);
    expect(await names('Jhon Smtih')).toEqual(['John Smith']);
    expect(await names('smith')).toEqual(['John Smith']);
    expect((await names('joh')).sort()).toEqual(['Johanna Smythe', 'John Smith']);
    expect(await names('globex')).toEqual(['John Smith']);
    expect(await names('vp sales')).toEqual(['John Smith']);
    expect(await names('springfield')).toEqual(['John Smith']);
    expect(await names('fintech')).toEqual(['Johanna Smythe']);
    expect(await names('zoe angstrom')).toEqual(['Zoë Ångström']);
    expect(await names('Zoë')).toEqual(['Zoë Ångström']);
    expect(await names('initech')).toEqual(['Mark Jones']);
    expect(await names('Mrak')).toEqual(['Mark Jones']);
    expect(await names('"; DROP TABLE person; --')).toEqual([]);
    expect(await names('*')).toEqual([]);
    const hits = await t.kith.search.search('Jhon Smtih');
    expect(hits[0]!.match).toBe('fuzzy');
    expect((await t.kith.search.search('smith'))[0]!.match).toBe('text');
  });

  it('sets and validates preferences', async () => {
    expect(await t.kith.settings.set('timezone', 'Europe/Paris')).toEqual({ key: 'timezone', value: 'Europe/Paris' });
    await rejects(t.kith.settings.set('timezone', 'Mars/Olympus'), 'validation', /invalid timezone "Mars\/Olympus"/);
    await rejects(t.kith.settings.set('colour', 'blue'), 'validation', /unknown setting/);
    await t.kith.settings.set('region', 'fr');
    const p = await t.kith.people.add({ name: 'Jean Dupont', phones: ['01 42 68 53 00'] });
    expect(p.phones).toEqual(['+33142685300']);
    expect(await t.kith.settings.all()).toEqual({ region: 'FR', timezone: 'Europe/Paris' });
  });

  it('generates the same demo network for the same seed', async () => {
    const summary = await t.kith.demo.generate({ people: 120, interactions: 600, seed: 's1' });
    expect(summary.people).toBe(120);
    const stats = await t.kith.stats.stats();
    expect(stats.people).toBe(120);
    expect(stats.interactions).toBe(600);
    expect(stats.byTier.inner).toBe(5);
    expect(stats.byTier.close).toBe(15);
    expect(stats.notes).toBe(30);
    const page = await t.kith.people.list({ limit: 500 });
    // Every person is whole: an email and a current company.
    expect(page.items.every((p) => p.emails.length === 1 && p.company !== null)).toBe(true);
    const inner = (await t.kith.people.list({ tier: 'inner' })).items;
    const wider = (await t.kith.people.list({ tier: 'wider', limit: 500 })).items;
    const counts = async (ids: string[]) => Promise.all(ids.map(async (id) => (await t.kith.people.show(id)).interactionCount));
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(await counts(inner.map((p) => p.id)))).toBeGreaterThan(mean(await counts(wider.map((p) => p.id))));
    await rejects(t.kith.demo.generate({ people: 10 }), 'conflict', /already holds 120 people/);

    const other = await openTestStore(dialect, () => NOW);
    try {
      await other.kith.demo.generate({ people: 120, interactions: 600, seed: 's1' });
      const mine = page.items.map((p) => [p.id, p.name, p.emails[0], p.company, p.title, p.tier, p.birthday, p.lastContactAt]);
      const theirs = (await other.kith.people.list({ limit: 500 })).items.map((p) => [p.id, p.name, p.emails[0], p.company, p.title, p.tier, p.birthday, p.lastContactAt]);
      expect(theirs).toEqual(mine);
    } finally {
      await other.cleanup();
    }
    expect((await t.kith.search.search(page.items[0]!.name)).length).toBeGreaterThan(0);
  });
});
