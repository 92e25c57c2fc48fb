import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, openTestStore, type TestStore } from '../../test/stores.js';

for (const dialect of DIALECTS) {
  describe(`goals and audiences on ${dialect}`, () => {
    let t: TestStore;
    let clock = new Date('2026-11-01T09:00:00Z');
    beforeEach(async () => {
      clock = new Date('2026-11-01T09:00:00Z');
      t = await openTestStore(dialect, () => clock);
    });
    afterEach(() => t.cleanup());

    it('computes coverage and key-result progress from the data, and puts audience members on Today', async () => {
      const k = t.kith;
      await k.people.add({ name: 'Priya Product', company: 'Payly', title: 'VP Product', tags: ['fintech'] });
      await k.people.add({ name: 'Omar Owner', company: 'Payly', title: 'Product Owner', tags: ['fintech'] });
      await k.people.add({ name: 'Lena Lead', company: 'Coinly', title: 'Product Lead', tags: ['fintech'] });
      await k.people.add({ name: 'Sam Sales', company: 'Coinly', title: 'Sales', tags: ['fintech'] });
      await k.people.add({ name: 'Fred Far', company: 'Elsewhere', title: 'Product Manager' });
      const audience = await k.audiences.add({ name: 'Fintech product', filter: { tags: ['fintech'], titles: ['product'] } });
      expect(audience.filter).toMatchObject({ tags: ['fintech'], titles: ['product'] });
      const goal = await k.goals.add({ title: 'Meet product leaders in fintech', why: 'move into product', by: '2027-03-31', keyResults: ['meet:3', 'interactions:2/month', 'introductions:1'], audience: 'Fintech product' });
      expect(goal.keyResults.map((r) => [r.label, r.current])).toEqual([['3 people met', 0], ['2 interactions a month', 0], ['1 introductions received', 0]]);

      clock = new Date('2026-11-10T09:00:00Z');
      for (let i = 0; i < 4; i++) await k.interactions.log({ kind: 'meeting', with: ['Priya Product'], at: `2026-11-0${i + 2}` });
      await k.interactions.log({ kind: 'intro', with: ['Lena Lead'], at: '2026-11-09' });
      await k.interactions.log({ kind: 'meeting', with: ['Sam Sales'], at: '2026-11-09' }); // not in the audience
      await k.interactions.log({ kind: 'meeting', with: ['Fred Far'], at: '2026-11-09' }); // not in the audience
      const progress = await k.goals.show('Meet product leaders in fintech');
      expect(progress.keyResults.map((r) => [r.current, r.done])).toEqual([[2, false], [5, true], [1, true]]);
      expect(progress.audience?.name).toBe('Fintech product');

      const { coverage } = await k.audiences.show('fintech PRODUCT');
      expect(coverage.people).toBe(3);
      expect(coverage.bands.none).toBe(1);
      expect(coverage.meetNext.map((p) => p.name)).toContain('Omar Owner');
      // Coinly: only an introduction to Lena so far.
      expect(coverage.organizationsWithoutStrongTie.find((o) => o.name === 'Coinly')).toMatchObject({ people: 1 });

      // Omar (never met, in the audience) gets a goal reason on Today.
      const today = await k.today.queue(20);
      const omar = today.entries.find((e) => e.name === 'Omar Owner');
      expect(omar?.reasons.map((r) => r.kind)).toEqual(['goal']);
      expect(today.entries.some((e) => e.name === 'Fred Far' && e.reasons.some((r) => r.kind === 'goal'))).toBe(false);

      const done = await k.goals.done(goal.id);
      expect(done.status).toBe('done');
      expect((await k.today.queue(20)).entries.some((e) => e.reasons.some((r) => r.kind === 'goal'))).toBe(false);
      await expect(k.goals.add({ title: 'x', keyResults: ['coffees:2'] })).rejects.toThrow(/invalid key-result/);
      await expect(k.audiences.add({ name: 'Fintech product', filter: { tags: ['x'] } })).rejects.toThrow(/already named/);
    });

    it('matches titles without regard to case or LIKE wildcards, on the same open position as the organization, and leaves out the archived', async () => {
      const k = t.kith;
      await k.people.add({ name: 'Ada Upper', company: 'Payly', title: 'SENIOR MANAGER', location: 'Berlin', tier: 'inner' });
      await k.people.add({ name: 'Ben Percent', company: 'Coinly', title: '100% Manager' });
      await k.people.add({ name: 'Cy Wild', company: 'Coinly', title: '1000 Managers' });
      await k.people.add({ name: 'Dee Gone', company: 'Payly', title: 'Manager' });
      await k.people.archive('Dee Gone');
      const two = await k.people.add({ name: 'Eve Two', company: 'Payly', title: 'Advisor' });
      await k.positions.add(two.id, { organization: 'Coinly', title: 'Engineering manager', start: '2020-01-01' });
      await k.positions.add(two.id, { organization: 'Ledgerly', title: 'Product manager', start: '2024-01-01' });

      const names = async (filter: Record<string, unknown>) => {
        const a = await k.audiences.add({ name: `a ${JSON.stringify(filter)}`, filter });
        const { coverage } = await k.audiences.show(a.id, 50);
        return { people: coverage.people, names: coverage.meetNext.map((m) => `${m.name}@${m.organization}`).sort() };
      };
      expect(await names({ titles: ['manager'] })).toEqual({ people: 4, names: ['Ada Upper@Payly', 'Ben Percent@Coinly', 'Cy Wild@Coinly', 'Eve Two@Ledgerly'] });
      expect((await names({ titles: ['100%'] })).names).toEqual(['Ben Percent@Coinly']);
      // Eve's Payly position is not a manager's: organization and title hold for the same position.
      expect((await names({ organizations: ['Payly'], titles: ['manager'] })).names).toEqual(['Ada Upper@Payly']);
      expect((await names({ organizations: ['Coinly'], titles: ['engineering'] })).names).toEqual(['Eve Two@Coinly']);
      expect((await names({ titles: ['manager'], locations: ['berlin'], tiers: ['inner'] })).names).toEqual(['Ada Upper@Payly']);
    });
  });
}

for (const dialect of DIALECTS) {
  describe(`events on ${dialect}`, () => {
    let t: TestStore;
    let now = new Date('2026-11-28T09:00:00Z');
    const clock = () => now;
    beforeEach(async () => {
      now = new Date('2026-11-28T09:00:00Z');
      t = await openTestStore(dialect, clock);
    });
    afterEach(() => t.cleanup());

    it('plans an event, briefs you on who is coming, and captures whom you met with follow-ups', async () => {
      const k = t.kith;
      await k.settings.set('me.interests', 'climate, music');
      await k.people.add({ name: 'Ada Lovelace', company: 'Analytical Engines', tags: ['climate'] });
      await k.interactions.log({ kind: 'call', with: ['Ada Lovelace'], at: '2026-11-01', summary: 'her new battery startup' });
      await k.reminders.add({ title: 'Send Ada the grant list', about: 'Ada Lovelace', in: '3d' });
      await k.people.add({ name: 'Bob Stranger', company: 'Globex' });
      const event = await k.events.add({ name: 'Climate Tech Summit', kind: 'conference', on: '2026-12-03', place: 'Berlin', attendees: ['Ada Lovelace'], wantToMeet: ['Bob Stranger'], pitch: 'I build tools for grid operators' });
      expect(event.attendees.map((a) => [a.person.name, a.role])).toEqual([['Ada Lovelace', 'attending'], ['Bob Stranger', 'want_to_meet']]);
      const brief = await k.events.brief('climate tech summit');
      expect(brief.pitch).toBe('I build tools for grid operators');
      const [ada, bob] = brief.attendees;
      expect(ada!.person.name).toBe('Ada Lovelace');
      expect(ada!.talkingPoints).toEqual(['Pick up from 2026-11-01: her new battery startup', 'You share an interest in climate', 'Open: Send Ada the grant list']);
      expect(bob!.talkingPoints).toEqual(['First meeting: ask what brings them to Climate Tech Summit and what Globex is working on']);
      // Whom you met is known after the event, not before.
      await expect(k.events.capture(event.id, ['Carla New'])).rejects.toThrow('invalid event "Climate Tech Summit": has not happened yet (it starts 2026-12-03): capture whom you met after it');
      now = new Date('2026-12-03T19:00:00Z');
      await expect(k.events.capture(event.id, ['Carla New, Initech, works on heat pumps', ', no name'])).rejects.toThrow(/start with a name/);
      expect((await k.stats.stats()).people).toBe(2);
      const captured = await k.events.capture(event.id, ['Carla New, Initech, works on heat pumps', 'Dev Fresh']);
      expect(captured.people.map((p) => [p.name, p.company, p.howMet, p.metOn])).toEqual([
        ['Carla New', 'Initech', 'Met at Climate Tech Summit', '2026-12-03'],
        ['Dev Fresh', null, 'Met at Climate Tech Summit', '2026-12-03'],
      ]);
      expect(captured.reminders.map((r) => [r.title, r.kind, r.dueAt.slice(0, 10)])).toEqual([
        ['Follow up with Carla New after Climate Tech Summit', 'follow_up', '2026-12-05'],
        ['Follow up with Dev Fresh after Climate Tech Summit', 'follow_up', '2026-12-05'],
      ]);
      expect(captured.event.status).toBe('attended');
      const carla = await k.people.show('Carla New');
      expect(carla.interactions.map((i) => [i.kind, i.summary])).toEqual([['event', 'Met at Climate Tech Summit: works on heat pumps']]);
      // The after-event draft finds the event they were met at.
      expect((await k.drafts.draft('after-event', 'Carla New')).subject).toBe('Great to meet you at Climate Tech Summit');
      // Two days on, the follow-ups are on Today.
      const later = await k.today.queue(20, 2);
      expect(later.entries.filter((e) => e.reasons.some((r) => r.kind === 'follow_up')).map((e) => e.name).sort()).toEqual(['Carla New', 'Dev Fresh']);
    });
  });
}

for (const dialect of DIALECTS) {
  describe(`give and ask, and drafts, on ${dialect}`, () => {
    let t: TestStore;
    beforeEach(async () => {
      t = await openTestStore(dialect, () => new Date('2026-11-28T09:00:00Z'));
    });
    afterEach(() => t.cleanup());

    it('keeps a balance per person, suggests giving before asking on Today, and drafts messages', async () => {
      const k = t.kith;
      await k.settings.set('me.name', 'Sam Me');
      await k.people.add({ name: 'Grace Hopper', company: 'US Navy', title: 'Rear Admiral', emails: ['grace@navy.example'], tier: 'inner', metOn: '2020-01-01' });
      await k.exchanges.add({ person: 'Grace Hopper', direction: 'received', kind: 'intro', description: 'to the COBOL team' });
      await k.exchanges.add({ person: 'Grace Hopper', direction: 'asked', kind: 'advice' });
      await k.exchanges.add({ person: 'Grace Hopper', direction: 'gave', kind: 'resource', on: '2026-11-01' });
      await expect(k.exchanges.add({ person: 'Grace Hopper', direction: 'took' })).rejects.toThrow(/invalid direction "took"/);
      expect(await k.exchanges.balance('grace@navy.example')).toEqual({ gave: 1, asked: 1, received: 1, balance: -1 });
      expect((await k.exchanges.list('Grace Hopper')).map((e) => e.direction)).toEqual(['asked', 'received', 'gave']); // newest first
      // Grace is overdue (inner tier, never contacted): the entry also says to give first.
      const entry = (await k.today.queue(10)).entries.find((e) => e.name === 'Grace Hopper')!;
      expect(entry.reasons.map((r) => r.kind)).toEqual(['overdue', 'give']);
      expect(entry.action).toMatch(/offer help before asking for any$/);
      const draft = await k.drafts.draft('new-job', 'Grace Hopper');
      expect(draft).toEqual({ template: 'new-job', to: 'grace@navy.example', subject: 'Congratulations on US Navy!', body: expect.stringContaining('started at US Navy as Rear Admiral') });
      expect((await k.drafts.draft('reconnect', 'Grace Hopper', { topic: 'compilers' })).body).toContain('since we last talked (compilers)');
      await expect(k.drafts.draft('haiku', 'Grace Hopper')).rejects.toThrow(/invalid template/);
    });
  });
}

for (const dialect of DIALECTS) {
  describe(`opportunities, introductions, mentorship, brand and support circle on ${dialect}`, () => {
    let t: TestStore;
    beforeEach(async () => {
      t = await openTestStore(dialect, () => new Date('2026-11-28T09:00:00Z'));
    });
    afterEach(() => t.cleanup());

    it('keeps the career side of the method', async () => {
      const k = t.kith;
      await k.settings.set('me.name', 'Sam');
      await k.people.add({ name: 'Ada Lovelace', company: 'Analytical Engines', tier: 'acquaintance' });
      await k.people.add({ name: 'Charles Babbage', company: 'Difference Co' });
      const opp = await k.career.addOpportunity({ title: 'Head of Product at Payly', kind: 'job', organization: 'Payly', people: ['Ada Lovelace'], nextStep: 'Ask Ada about the team', due: '2026-12-10' });
      expect([opp.stage, opp.organization?.name, opp.people.map((p) => p.name)]).toEqual(['idea', 'Payly', ['Ada Lovelace']]);
      expect((await k.career.moveOpportunity(opp.id, { stage: 'in progress' })).stage).toBe('in_progress');
      // Its next step shows on Today once due.
      expect((await k.today.queue(10)).entries.some((e) => e.name === 'Ada Lovelace')).toBe(false);
      await k.career.moveOpportunity(opp.id, { due: '2026-11-28' });
      const ada = (await k.today.queue(10)).entries.find((e) => e.name === 'Ada Lovelace');
      expect(ada?.reasons.map((r) => r.text)).toContain('follow-up due: Head of Product at Payly: Ask Ada about the team');
      await expect(k.career.moveOpportunity(opp.id, { stage: 'maybe' })).rejects.toThrow(/invalid stage "maybe"/);

      const intro = await k.career.proposeIntroduction({ a: 'Ada Lovelace', b: 'Charles Babbage', why: 'both build engines' });
      expect(intro.messages.askA).toContain('Would you be open to an introduction to Charles Babbage (Difference Co)? both build engines.');
      expect(intro.messages.introduction.startsWith('Hi Ada and Charles,')).toBe(true);
      expect((await k.career.updateIntroduction(intro.id, { status: 'made', outcome: 'they met' })).status).toBe('made');
      await expect(k.career.proposeIntroduction({ a: 'Ada Lovelace', b: 'Ada Lovelace' })).rejects.toThrow(/two different people/);

      const m = await k.career.addMentorship({ person: 'Charles Babbage', role: 'mentor', focus: 'product strategy', every: '2w', since: '2026-11-01' });
      await k.interactions.log({ kind: 'call', with: ['Charles Babbage'], at: '2026-11-20', summary: 'roadmaps' });
      expect((await k.career.mentorships()).map((x) => [x.role, x.focus, x.sessions])).toEqual([['mentor', 'product strategy', 1]]);
      expect((await k.cadences.status('Charles Babbage')).cadence).toMatchObject({ idealDays: 14, source: 'person' });
      expect((await k.career.endMentorship(m.id)).endedOn).toBe('2026-11-28');

      const talk = await k.career.addBrandItem({ kind: 'content', title: 'Talk: engines of the future', url: 'https://example.com/talk', on: '2026-11-10', engaged: ['Ada Lovelace'] });
      await k.career.addBrandItem({ kind: 'offer', title: 'Reviews of pitch decks' });
      expect(talk.engaged.map((p) => p.name)).toEqual(['Ada Lovelace']);
      expect((await k.career.brand()).map((b) => b.kind).sort()).toEqual(['content', 'offer']);

      // The support circle's own cadence overrides Ada's (yearly) acquaintance tier.
      expect((await k.career.support(['Ada Lovelace'])).map((p) => p.name)).toEqual(['Ada Lovelace']);
      expect((await k.cadences.status('Ada Lovelace')).cadence).toMatchObject({ idealDays: 14, source: 'tag support-circle' });
      expect(await k.career.support(['Ada Lovelace'], true)).toEqual([]);
    });
  });
}

for (const dialect of DIALECTS) {
  describe(`warm introduction paths on ${dialect}`, () => {
    let t: TestStore;
    beforeEach(async () => {
      t = await openTestStore(dialect, () => new Date('2026-11-28T09:00:00Z'));
    });
    afterEach(() => t.cleanup());

    it('finds who can introduce you, with the evidence for each hop', async () => {
      const k = t.kith;
      await k.people.add({ name: 'Ada Friend' });
      await k.people.add({ name: 'Bea Acquaintance' });
      await k.people.add({ name: 'Tom Target', company: 'Globex' });
      await k.people.add({ name: 'Uma Far' });
      for (let i = 1; i <= 5; i++) await k.interactions.log({ kind: 'meeting', with: ['Ada Friend'], at: `2026-11-0${i}` });
      await k.interactions.log({ kind: 'email', with: ['Bea Acquaintance'], at: '2025-01-10' });
      await k.relationships.link('Ada Friend', 'colleague', 'Tom Target');
      // Bea and Tom were at a dinner together (with you).
      await k.interactions.log({ kind: 'event', with: ['Bea Acquaintance', 'Tom Target'], at: '2026-10-01' });
      await k.relationships.link('Tom Target', 'friend', 'Uma Far');
      const { paths, graph } = await k.network.paths('Tom Target');
      expect(graph.edges).toBe(3);
      // Through your good friend first; directly (you met Tom once) and through Bea too.
      expect(paths[0]!.hops.map((h) => h.to.name)).toEqual(['Ada Friend', 'Tom Target']);
      expect(paths.map((p) => p.hops.map((h) => h.to.name).join(' > ')).sort()).toEqual(['Ada Friend > Tom Target', 'Bea Acquaintance > Tom Target', 'Tom Target']);
      const viaAda = paths.find((p) => p.hops[0]!.to.name === 'Ada Friend')!;
      expect(viaAda.hops[1]!.evidence).toEqual(['colleague']);
      const viaBea = paths.find((p) => p.hops[0]!.to.name === 'Bea Acquaintance')!;
      expect(viaBea.hops[1]!.evidence).toEqual(['together in 1 interaction, last 2026-10-01']);
      expect(viaAda.score).toBeGreaterThan(viaBea.score);
      // Three hops to Uma; an organization as the target.
      expect((await k.network.paths('Uma Far')).paths.map((p) => p.hops.map((h) => h.to.name).join(' > '))).toContain('Ada Friend > Tom Target > Uma Far');
      expect((await k.network.paths('Globex')).paths.every((p) => p.target.name === 'Tom Target')).toBe(true);
      await expect(k.network.paths('Nobody At All')).rejects.toThrow(/no person, organization or audience matches/);
    });
  });
}
