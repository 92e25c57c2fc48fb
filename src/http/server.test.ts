import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import fc from 'fast-check';
import { DIALECTS, openTestStore, type TestStore } from '../../test/stores.js';
import type { Api } from './api.js';
import { buildServer } from './server.js';

const SETUP = 'setup-code-for-tests';
const PASSWORD = 'correct horse battery';

async function multipart(name: string, content: string): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const form = new FormData();
  form.append('file', new Blob([content]), name);
  const response = new Response(form);
  return { payload: Buffer.from(await response.arrayBuffer()), headers: { 'content-type': response.headers.get('content-type')! } };
}

/** A logged-in browser: the session cookie and the CSRF header on every call. */
async function login(app: Api): Promise<{ cookie: string; csrf: string }> {
  const setup = await app.inject({ method: 'POST', url: '/api/v1/auth/setup', payload: { code: SETUP, password: PASSWORD } });
  expect(setup.statusCode).toBe(200);
  const cookie = setup.cookies.find((c) => c.name === 'kith_session')!;
  expect([cookie.httpOnly, cookie.sameSite]).toEqual([true, 'Strict']);
  return { cookie: `kith_session=${cookie.value}`, csrf: setup.json().csrfToken };
}

for (const dialect of DIALECTS) {
  describe(`HTTP API on ${dialect}`, () => {
    let t: TestStore;
    let app: Api;
    let auth: { cookie: string; csrf: string };
    const call = (method: string, url: string, payload?: unknown) =>
      app.inject({ method: method as 'GET', url, payload: payload as object, headers: { cookie: auth.cookie, 'x-csrf-token': auth.csrf } });

    beforeEach(async () => {
      t = await openTestStore(dialect, () => new Date('2026-11-28T09:00:00Z'));
      ({ app } = await buildServer({ kith: t.kith, setupCode: SETUP }));
      auth = await login(app);
    });
    afterEach(async () => {
      await app.close();
      await t.cleanup();
    });

    it('keeps everything but health and login behind a session or a token', async () => {
      expect((await app.inject({ url: '/api/v1/health' })).json()).toEqual({ status: 'ok' });
      for (const url of ['/api/v1/people', '/api/openapi.json', '/api/v1/today', '/api/v1/tokens']) {
        const res = await app.inject({ url });
        expect([res.statusCode, res.json().error.code]).toEqual([401, 'not_logged_in']);
      }
      // A change sent with the cookie alone (a cross-site form, say) is refused.
      const forged = await app.inject({ method: 'POST', url: '/api/v1/people', payload: { name: 'Mallory' }, headers: { cookie: auth.cookie } });
      expect([forged.statusCode, forged.json().error.code]).toEqual([403, 'csrf_token_mismatch']);
      // The setup code works once.
      const again = await app.inject({ method: 'POST', url: '/api/v1/auth/setup', payload: { code: SETUP, password: 'another password' } });
      expect(again.statusCode).toBe(409);
      const wrong = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { password: 'nope nope' } });
      expect([wrong.statusCode, wrong.json().error.code]).toEqual([401, 'wrong_password']);
      const ok = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { password: PASSWORD } });
      expect(ok.statusCode).toBe(200);
      // Bearer tokens: valid until revoked; a feed token is not an API token.
      const token = (await call('POST', '/api/v1/tokens', { name: 'script' })).json();
      const feed = (await call('POST', '/api/v1/tokens', { name: 'phone', scope: 'feed' })).json();
      expect((await app.inject({ url: '/api/v1/people', headers: { authorization: `Bearer ${token.token}` } })).statusCode).toBe(200);
      expect((await app.inject({ url: '/api/v1/people', headers: { authorization: `Bearer ${feed.token}` } })).statusCode).toBe(401);
      const ics = await app.inject({ url: `/feeds/${feed.token}.ics` });
      expect([ics.statusCode, ics.headers['content-type'], ics.body.startsWith('BEGIN:VCALENDAR')]).toEqual([200, 'text/calendar; charset=utf-8', true]);
      expect((await app.inject({ url: `/feeds/${token.token}.ics` })).statusCode).toBe(404);
      expect((await call('GET', '/api/v1/tokens')).json().map((x: { name: string }) => x.name)).toEqual(['script', 'phone']);
      expect((await call('DELETE', `/api/v1/tokens/${token.id}`)).statusCode).toBe(200);
      expect((await app.inject({ url: '/api/v1/people', headers: { authorization: `Bearer ${token.token}` } })).statusCode).toBe(401);
      // Security headers on every answer.
      const headers = (await app.inject({ url: '/api/v1/health' })).headers;
      expect(String(headers['content-security-policy'])).toContain("script-src 'self'");
      expect([headers['x-frame-options'], headers['x-content-type-options']]).toEqual(['SAMEORIGIN', 'nosniff']);
      // Logging out ends the session.
      expect((await call('POST', '/api/v1/auth/logout')).statusCode).toBe(200);
      expect((await call('GET', '/api/v1/people')).statusCode).toBe(401);
    });

    it('limits login attempts', async () => {
      const codes: number[] = [];
      for (let i = 0; i < 12; i++) codes.push((await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { password: 'guess ' + i } })).statusCode);
      expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
      const limited = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { password: PASSWORD } });
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error.code).toEqual(expect.any(String));
    });

    it('answers client mistakes with 4xx and one error shape', async () => {
      const cases: Array<[string, string, unknown, number, string]> = [
        ['POST', '/api/v1/people', { name: 5 }, 400, 'invalid_request'],
        ['POST', '/api/v1/people', { name: '   ' }, 400, 'invalid_name'],
        ['GET', '/api/v1/people/no-such-person', undefined, 404, 'person_not_found'],
        ['GET', '/api/v1/people?limit=0', undefined, 400, 'invalid_request'],
        ['GET', '/api/v1/people?cursor=garbage', undefined, 400, 'invalid_cursor'],
        ['POST', '/api/v1/interactions', { kind: 'meeting', with: ['Nobody Known'] }, 404, 'person_not_found'],
        ['GET', '/api/v1/nothing-here', undefined, 404, 'route_not_found'],
        ['POST', '/api/v1/imports', undefined, 400, 'file_missing'],
      ];
      for (const [method, url, payload, status, code] of cases) {
        const res = await call(method, url, payload);
        expect([method, url, res.statusCode, res.json().error.code]).toEqual([method, url, status, code]);
        expect(typeof res.json().error.message).toBe('string');
      }
      const malformed = await app.inject({ method: 'POST', url: '/api/v1/people', payload: '{"name":', headers: { cookie: auth.cookie, 'x-csrf-token': auth.csrf, 'content-type': 'application/json' } });
      expect([malformed.statusCode, malformed.json().error.code]).toEqual([400, 'ctp_invalid_json_body']);
      const huge = await app.inject({ method: 'POST', url: '/api/v1/notes', payload: JSON.stringify({ body: 'x'.repeat(3 * 1024 * 1024) }), headers: { cookie: auth.cookie, 'x-csrf-token': auth.csrf, 'content-type': 'application/json' } });
      expect(huge.statusCode).toBe(413);
    });

    it('pages through organizations, interactions, notes and reminders with cursors', async () => {
      for (const name of ['Acme', 'Beta', 'Gamma']) await call('POST', '/api/v1/people', { name: `${name} Person`, company: name });
      for (const day of ['2026-11-01', '2026-11-02', '2026-11-02']) await call('POST', '/api/v1/interactions', { kind: 'call', with: ['Acme Person'], at: day });
      for (const body of ['one', 'two', 'three']) await call('POST', '/api/v1/notes', { body, about: ['Acme Person'] });
      // Follows the cursors to the end and returns every item's key, in order.
      const walk = async (url: string, key: (item: Record<string, unknown>) => string) => {
        const seen: string[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const response = await call('GET', `${url}${url.includes('?') ? '&' : '?'}limit=2${cursor ? `&cursor=${cursor}` : ''}`);
          expect(response.statusCode).toBe(200);
          const body = response.json() as { items: Array<Record<string, unknown>>; nextCursor: string | null };
          expect(body.items.length).toBeLessThanOrEqual(2);
          seen.push(...body.items.map(key));
          cursor = body.nextCursor;
          pages++;
        } while (cursor);
        return { seen, pages };
      };
      expect(await walk('/api/v1/organizations', (o) => String(o.name))).toEqual({ seen: ['Acme', 'Beta', 'Gamma'], pages: 2 });
      // With the most people first, and only names holding some text (any case, any accents, % taken literally).
      await call('POST', '/api/v1/people', { name: 'Second Gamma', company: 'Gamma' });
      await call('POST', '/api/v1/people', { name: 'Café Person', company: 'Café Ünïcode' });
      const orgKey = (o: Record<string, unknown>) => `${String(o.name)} ${String(o.peopleCount)}`;
      expect(await walk('/api/v1/organizations?order=people', orgKey)).toEqual({ seen: ['Gamma 2', 'Acme 1', 'Beta 1', 'Café Ünïcode 1'], pages: 2 });
      // A page is read after the last one shown, not at a position: an organization that
      // grows ahead of it between two pages shifts nothing.
      const first = (await call('GET', '/api/v1/organizations?order=people&limit=2')).json() as { items: Array<Record<string, unknown>>; nextCursor: string };
      expect(first.items.map(orgKey)).toEqual(['Gamma 2', 'Acme 1']);
      for (const name of ['Zed One', 'Zed Two', 'Zed Three']) await call('POST', '/api/v1/people', { name, company: 'Zeta' });
      const second = (await call('GET', `/api/v1/organizations?order=people&limit=2&cursor=${first.nextCursor}`)).json() as { items: Array<Record<string, unknown>> };
      expect(second.items.map(orgKey)).toEqual(['Beta 1', 'Café Ünïcode 1']);
      expect((await call('GET', '/api/v1/organizations?order=people&cursor=garbage')).statusCode).toBe(400);
      for (const name of ['Zed One', 'Zed Two', 'Zed Three']) expect((await call('DELETE', `/api/v1/people/${encodeURIComponent(name)}`)).statusCode).toBeLessThan(300);
      expect((await walk('/api/v1/organizations?q=UNICODE', orgKey)).seen).toEqual(['Café Ünïcode 1']);
      expect((await walk('/api/v1/organizations?order=people&q=m', orgKey)).seen).toEqual(['Gamma 2', 'Acme 1']);
      expect((await walk('/api/v1/organizations?q=%25', orgKey)).seen).toEqual([]);
      expect((await call('GET', '/api/v1/organizations?order=size')).statusCode).toBe(400);
      const all = await walk('/api/v1/interactions', (i) => String(i.id));
      expect([all.seen.length, new Set(all.seen).size, all.pages]).toEqual([3, 3, 2]);
      const person = (await call('GET', '/api/v1/people/Acme Person/interactions?limit=50')).json().items.map((i: { id: string }) => i.id);
      expect((await walk('/api/v1/people/Acme Person/interactions', (i) => String(i.id))).seen).toEqual(person);
      expect((await walk('/api/v1/notes', (n) => String(n.body))).seen.sort()).toEqual(['one', 'three', 'two']);
      expect((await walk('/api/v1/people/Acme Person/notes', (n) => String(n.body))).pages).toBe(2);
      for (const days of ['3d', '1d', '2d']) await call('POST', '/api/v1/reminders', { title: `in ${days}`, about: 'Acme Person', in: days });
      await call('POST', '/api/v1/reminders', { title: 'about someone else', about: 'Beta Person', in: '1d' });
      // Soonest first; the two due at the same moment in the order they were made.
      expect((await walk('/api/v1/reminders', (r) => String(r.title))).seen).toEqual(['in 1d', 'about someone else', 'in 2d', 'in 3d']);
      expect(await walk('/api/v1/people/Acme Person/reminders?all=true', (r) => String(r.title))).toEqual({ seen: ['in 1d', 'in 2d', 'in 3d'], pages: 2 });
      const bad = await call('GET', '/api/v1/interactions?cursor=nonsense');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.message).toMatch(/not a cursor/);
    });

    it('does what the CLI does: people, interactions, notes, reminders, today, search, duplicates, export and backup', async () => {
      const ada = (await call('POST', '/api/v1/people', { name: 'Ada Lovelace', emails: ['ada@example.com'], company: 'Analytical Engines', tier: 'inner', tags: ['math'] })).json();
      expect(ada.company).toBe('Analytical Engines');
      await call('POST', '/api/v1/people', { name: 'Charles Babbage', company: 'Analytical Engines' });
      const org = (await call('GET', '/api/v1/organizations')).json().items[0];
      expect([org.name, org.peopleCount]).toEqual(['Analytical Engines', 2]);
      expect((await call('GET', `/api/v1/organizations/${org.id}`)).json().people).toHaveLength(2);
      const logged = await call('POST', '/api/v1/interactions', { kind: 'meeting', with: ['ada@example.com'], summary: 'Talked about engines', at: '2026-11-20' });
      expect(logged.statusCode).toBe(201);
      const corrected = await call('PATCH', `/api/v1/interactions/${logged.json().id}`, { summary: 'Talked about looms', duration: 45 });
      expect([corrected.statusCode, corrected.json().summary, corrected.json().durationMinutes, corrected.json().kind]).toEqual([200, 'Talked about looms', 45, 'meeting']);
      expect((await call('PATCH', `/api/v1/interactions/${logged.json().id}`, {})).json().error.code).toBe('invalid_interaction');
      expect((await call('PATCH', `/api/v1/interactions/${logged.json().id}`, { with: [] })).statusCode).toBe(400);
      const regrouped = (await call('PATCH', `/api/v1/interactions/${logged.json().id}`, { with: [ada.id, 'Charles Babbage'] })).json();
      expect([regrouped.summary, regrouped.participants.map((p: { name: string }) => p.name)]).toEqual(['Talked about looms', ['Ada Lovelace', 'Charles Babbage']]);
      expect((await call('PATCH', `/api/v1/interactions/${logged.json().id}`, { with: [ada.id] })).json().participants).toHaveLength(1);
      await call('POST', '/api/v1/notes', { body: 'Loves poetry', about: [ada.id] });
      await call('POST', '/api/v1/relationships', { from: 'Ada Lovelace', kind: 'colleague', to: 'Charles Babbage' });
      const reminder = (await call('POST', '/api/v1/reminders', { title: 'Send the paper', about: ada.id, in: '2d' })).json();
      const detail = (await call('GET', `/api/v1/people/${ada.id}`)).json();
      expect([detail.interactionCount, detail.notes[0].body, detail.relationships[0].kind, detail.strength.score > 0, detail.cadence.status]).toEqual([1, 'Loves poetry', 'colleague', true, 'due']);
      expect((await call('GET', `/api/v1/people/${ada.id}/reminders`)).json().items.map((r: { id: string }) => r.id)).toEqual([reminder.id]);
      const edited = (await call('PATCH', `/api/v1/people/${ada.id}`, { nickname: 'Countess', addTags: ['poetry'] })).json();
      expect([edited.nickname, edited.tags]).toEqual(['Countess', ['math', 'poetry']]);
      const today = (await call('GET', '/api/v1/today')).json();
      expect(today.entries.map((e: { name: string }) => e.name)).toContain('Ada Lovelace');
      const done = await call('POST', `/api/v1/today/${ada.id}/done`, { kind: 'call' });
      expect(done.statusCode).toBe(200);
      expect((await call('GET', `/api/v1/people/${ada.id}/interactions`)).json().items).toHaveLength(2);
      expect((await call('GET', '/api/v1/search?q=Lovlace')).json()[0].person.id).toBe(ada.id);
      // A page at a time, by cursor.
      const first = (await call('GET', '/api/v1/people?limit=1')).json();
      const second = (await call('GET', `/api/v1/people?limit=1&cursor=${first.nextCursor}`)).json();
      expect([first.items[0].name, second.items[0].name, second.nextCursor]).toEqual(['Ada Lovelace', 'Charles Babbage', null]);
      expect((await call('GET', '/api/v1/people?tag=poetry')).json().items).toHaveLength(1);
      // Counted with the same filters; not by computed values, which would read everyone.
      const counts = await Promise.all(['', '?tag=poetry', '?tag=nobody-has-it', '?tier=inner', '?organization=Analytical Engines', '?minStrength=1'].map(async (q) => (await call('GET', `/api/v1/people/count${q}`)).json().count));
      expect(counts).toEqual([2, 1, 0, 1, 2, null]);
      // Filters on computed values: tie strength and cadence status.
      expect((await call('GET', '/api/v1/people?minStrength=1')).json().items.map((p: { name: string }) => p.name)).toEqual(['Ada Lovelace']);
      expect((await call('GET', '/api/v1/people?maxStrength=0')).json().items.map((p: { name: string }) => p.name)).toEqual(['Charles Babbage']);
      expect((await call('GET', '/api/v1/people?status=none')).json().items.map((p: { name: string }) => p.name)).toEqual(['Charles Babbage']);
      expect((await call('GET', '/api/v1/people?status=ok')).json().items.map((p: { name: string }) => p.name)).toEqual(['Ada Lovelace']);
      const band = (await call('GET', '/api/v1/people?maxStrength=100&limit=1')).json();
      const bandNext = (await call('GET', `/api/v1/people?maxStrength=100&limit=1&cursor=${band.nextCursor}`)).json();
      expect([band.items[0].name, bandNext.items[0].name, bandNext.nextCursor]).toEqual(['Ada Lovelace', 'Charles Babbage', null]);
      // Other orders page by their own key: last contact first (never contacted last), newest first.
      const recent = (await call('GET', '/api/v1/people?sort=recent&limit=1')).json();
      const recentNext = (await call('GET', `/api/v1/people?sort=recent&limit=1&cursor=${recent.nextCursor}`)).json();
      expect([recent.items[0].name, recentNext.items[0].name, recentNext.nextCursor]).toEqual(['Ada Lovelace', 'Charles Babbage', null]);
      expect((await call('GET', '/api/v1/people?sort=added')).json().items.map((p: { name: string }) => p.name)).toEqual(['Charles Babbage', 'Ada Lovelace']);
      // Bulk tag, then export the tagged.
      const everyone = (await call('GET', '/api/v1/people')).json().items.map((p: { id: string }) => p.id);
      expect((await call('POST', '/api/v1/people/bulk', { ids: everyone, addTags: ['engines'] })).json()).toEqual({ updated: 2 });
      const vcf = await call('GET', '/api/v1/exports/vcard?tag=engines');
      expect([vcf.headers['content-type'], (vcf.body.match(/BEGIN:VCARD/g) ?? []).length]).toEqual(['text/vcard; charset=utf-8', 2]);
      // Duplicates: a probable one, reviewed and merged.
      await call('POST', '/api/v1/people', { name: 'Ada Lovleace', company: 'Analytical Engines' });
      const dupes = (await call('GET', '/api/v1/duplicates')).json();
      expect(dupes.length).toBeGreaterThan(0);
      const pair = dupes.find((d: { people: Array<{ name: string }> }) => d.people.some((p) => p.name === 'Ada Lovleace'));
      const keep = pair.people.find((p: { id: string }) => p.id === ada.id) ?? pair.people[0];
      const other = pair.people.find((p: { id: string }) => p.id !== keep.id);
      expect((await call('POST', '/api/v1/duplicates/merge', { keep: keep.id, other: other.id })).statusCode).toBe(200);
      expect((await call('GET', '/api/v1/people')).json().items).toHaveLength(2);
      const backup = await call('GET', '/api/v1/backup');
      expect([backup.statusCode, backup.headers['content-type']]).toEqual([200, 'application/json']);
      expect(backup.body).toContain('Ada Lovelace');
      expect((await call('GET', '/api/v1/settings')).statusCode).toBe(200);
      expect((await call('PUT', '/api/v1/settings/timezone', { value: 'Europe/Oslo' })).json()).toEqual({ key: 'timezone', value: 'Europe/Oslo' });
    });

    it('keeps goals and audiences, with coverage and progress', async () => {
      await call('POST', '/api/v1/people', { name: 'Priya Product', company: 'Payly', title: 'VP Product', tags: ['fintech'] });
      const bad = await call('POST', '/api/v1/audiences', { name: 'Nobody', filter: {} });
      expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'invalid_audience']);
      const audience = await call('POST', '/api/v1/audiences', { name: 'Fintech', filter: { tags: ['fintech'] } });
      expect(audience.statusCode).toBe(201);
      const goalRes = await call('POST', '/api/v1/goals', { title: 'Meet fintech people', keyResults: ['meet:2'], audience: 'Fintech' });
      expect([goalRes.statusCode, goalRes.body.slice(0, 300)]).toEqual([201, expect.any(String)]);
      const goal = goalRes.json();
      expect([goal.audience.name, goal.keyResults[0].label]).toEqual(['Fintech', '2 people met']);
      await call('POST', '/api/v1/interactions', { kind: 'call', with: ['Priya Product'] });
      expect((await call('GET', `/api/v1/goals/${goal.id}`)).json().keyResults[0].current).toBe(1);
      const shown = (await call('GET', '/api/v1/audiences/Fintech')).json();
      expect([shown.coverage.people, shown.coverage.bands.none]).toEqual([1, 0]);
      expect((await call('POST', `/api/v1/goals/${goal.id}/done`)).json().status).toBe('done');
      expect((await call('GET', '/api/v1/goals?status=active')).json()).toEqual([]);
    });

    it('plans events, briefs and captures', async () => {
      await call('POST', '/api/v1/people', { name: 'Ada Lovelace', company: 'Analytical Engines' });
      // Captured after it happened: the day before the test clock's today (2026-11-28).
      const yesterday = '2026-11-27';
      const created = await call('POST', '/api/v1/events', { name: 'Engine Fair', on: yesterday, kind: 'conference', attendees: ['Ada Lovelace'] });
      expect(created.statusCode).toBe(201);
      const event = created.json();
      expect((await call('POST', '/api/v1/events', { name: 'Bad', on: '2026-12-05', kind: 'rave' })).json().error.code).toBe('invalid_kind');
      const brief = (await call('GET', `/api/v1/events/${event.id}/brief`)).json();
      expect(brief.attendees.map((a: { person: { name: string }; talkingPoints: string[] }) => [a.person.name, a.talkingPoints.length > 0])).toEqual([['Ada Lovelace', true]]);
      const captured = (await call('POST', `/api/v1/events/${event.id}/capture`, { people: [{ name: 'Nina New', company: 'Initech' }] })).json();
      expect([captured.people[0].howMet, captured.reminders[0].kind, captured.event.status]).toEqual(['Met at Engine Fair', 'follow_up', 'attended']);
      expect((await call('GET', '/api/v1/events')).json().map((e: { attendees: unknown[] }) => e.attendees.length)).toEqual([2]);
    });

    it('moves opportunities across the board and drafts introductions', async () => {
      await call('POST', '/api/v1/people', { name: 'Ada Lovelace' });
      await call('POST', '/api/v1/people', { name: 'Charles Babbage' });
      const opp = (await call('POST', '/api/v1/opportunities', { title: 'Speak at EngineConf', kind: 'speaking', people: ['Ada Lovelace'] })).json();
      expect((await call('PATCH', `/api/v1/opportunities/${opp.id}`, { stage: 'won' })).json().stage).toBe('won');
      expect((await call('PATCH', `/api/v1/opportunities/${opp.id}`, { stage: 'eventually' })).statusCode).toBe(400);
      const intro = (await call('POST', '/api/v1/introductions', { a: 'Ada Lovelace', b: 'Charles Babbage' })).json();
      expect(intro.messages.introduction).toContain('Ada Lovelace, meet Charles Babbage.');
      expect((await call('GET', '/api/v1/introductions')).json().made).toHaveLength(1);
      expect((await call('POST', '/api/v1/support-circle', { people: ['Ada Lovelace'] })).json().map((p: { name: string }) => p.name)).toEqual(['Ada Lovelace']);
      expect((await call('POST', '/api/v1/mentorships', { person: 'Charles Babbage', role: 'mentor' })).statusCode).toBe(201);
      expect((await call('POST', '/api/v1/brand', { kind: 'ask', title: 'Intros to grid operators' })).json().active).toBe(true);
      // Charles is reachable through Ada, whom you know (logged above as a colleague link).
      await call('POST', '/api/v1/interactions', { kind: 'meeting', with: ['Ada Lovelace'] });
      await call('POST', '/api/v1/relationships', { from: 'Ada Lovelace', kind: 'colleague', to: 'Charles Babbage' });
      const paths = (await call('GET', '/api/v1/paths?to=Charles%20Babbage')).json();
      expect(paths.paths.map((p: { hops: Array<{ to: { name: string } }> }) => p.hops.map((h) => h.to.name).join(' > '))).toContain('Ada Lovelace > Charles Babbage');
      expect((await call('GET', '/api/v1/paths?to=Nobody%20Known')).statusCode).toBe(404);

      // The whole network: built in the background on request, then analysed.
      expect((await call('GET', '/api/v1/network')).json()).toMatchObject({ ready: false, building: null });
      expect((await call('POST', '/api/v1/network/build')).statusCode).toBe(202);
      let status = (await call('GET', '/api/v1/network')).json();
      while (!status.ready) {
        expect(status.failed).toBeNull();
        await new Promise((r) => setTimeout(r, 20));
        status = (await call('GET', '/api/v1/network')).json();
      }
      expect([status.nodes, status.edges]).toEqual([2, 1]);
      expect((await call('GET', '/api/v1/paths?to=Charles%20Babbage')).json().graph.source).toBe('cache');
      const communities = (await call('GET', '/api/v1/network/communities')).json();
      expect(communities.diversity.communities).toBe(0);
      const brokers = (await call('GET', '/api/v1/network/brokers?limit=5')).json();
      expect(brokers.you.ties).toBe(1);
      expect((await call('GET', '/api/v1/network/suggestions')).json()).toMatchObject({ audiences: [], suggestions: [] });
      expect((await call('GET', '/api/v1/network/suggestions?audience=Nope')).statusCode).toBe(404);
      const map = (await call('GET', '/api/v1/network/map?limit=10')).json();
      expect(map.nodes.map((n: { name: string }) => n.name)).toEqual(['Ada Lovelace', 'Charles Babbage']);
      expect(map.edges).toEqual([[0, 1, 0.8]]);
      expect((await call('GET', '/api/v1/network/map?limit=0')).statusCode).toBe(400);
    });

    it('imports an uploaded file in the background with progress, then reports', async () => {
      const card = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Grace Hopper\r\nEMAIL:grace@navy.example\r\nORG:US Navy\r\nEND:VCARD\r\n';
      const upload = await multipart('contacts.vcf', card);
      const started = await app.inject({ method: 'POST', url: '/api/v1/imports?dryRun=true', payload: upload.payload, headers: { ...upload.headers, cookie: auth.cookie, 'x-csrf-token': auth.csrf } });
      expect(started.statusCode).toBe(202);
      let job = started.json();
      while (job.state === 'running') {
        await new Promise((r) => setTimeout(r, 20));
        job = (await call('GET', `/api/v1/imports/${job.id}`)).json();
      }
      expect([job.state, job.report.dryRun, job.report.created, job.report.files]).toEqual(['done', true, 1, ['contacts.vcf']]);
      expect((await call('GET', '/api/v1/people')).json().items).toHaveLength(0);
      const real = await app.inject({ method: 'POST', url: '/api/v1/imports', payload: upload.payload, headers: { ...upload.headers, cookie: auth.cookie, 'x-csrf-token': auth.csrf } });
      job = real.json();
      while (job.state === 'running') {
        await new Promise((r) => setTimeout(r, 20));
        job = (await call('GET', `/api/v1/imports/${job.id}`)).json();
      }
      expect([job.state, job.report.created, job.total > 0]).toEqual(['done', 1, true]);
      // The imports of the last hour, the latest first (a page opened again finds one still running).
      const recent = (await call('GET', '/api/v1/imports')).json();
      expect(recent.map((j: { id: string; dryRun: boolean }) => [j.id, j.dryRun])).toEqual([[job.id, false], [started.json().id, true]]);
      expect((await call('GET', '/api/v1/people/grace@navy.example')).json().person.company).toBe('US Navy');
    });

    it('refuses a bad import request at once, not as a failed job, and keeps no upload', async () => {
      const headers = { cookie: auth.cookie, 'x-csrf-token': auth.csrf };
      // Other test files upload into the same temporary folder at the same time: look for these files only.
      const left = () => readdirSync(tmpdir()).filter((n) => n.startsWith('kith-upload-') && readdirSync(join(tmpdir(), n)).some((f) => f.startsWith('refused-')));
      const card = await multipart('refused-card.vcf', 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Grace Hopper\r\nEND:VCARD\r\n');
      const option = await app.inject({ method: 'POST', url: '/api/v1/imports?format=vcard&maxAttendees=5', payload: card.payload, headers: { ...card.headers, ...headers } });
      expect([option.statusCode, option.json().error.code]).toEqual([400, 'invalid_max_attendees']);
      expect(option.json().error.message).toBe('invalid max-attendees 5: applies to calendars (ical) only');
      const text = await multipart('refused-notes.txt', 'just some notes\n');
      const unknown = await app.inject({ method: 'POST', url: '/api/v1/imports', payload: text.payload, headers: { ...text.headers, ...headers } });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.message).toMatch(/^invalid file "refused-notes\.txt": cannot tell its format/);
      expect(left()).toEqual([]);
    });
  });
}

describe('HTTP API: every route', () => {
  let t: TestStore;
  let app: Api;
  let auth: { cookie: string; csrf: string };
  let routes: Array<{ method: string; path: string }>;
  beforeAll(async () => {
    t = await openTestStore('sqlite', () => new Date('2026-11-28T09:00:00Z'));
    ({ app } = await buildServer({ kith: t.kith, setupCode: SETUP }));
    auth = await login(app);
    await t.kith.demo.generate({ people: 30, interactions: 100 });
    const doc = (await app.inject({ url: '/api/openapi.json', headers: { cookie: auth.cookie } })).json();
    expect(doc.openapi).toBe('3.1.0');
    routes = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) => Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path })));
    expect(routes.length).toBeGreaterThan(50);
  });
  afterAll(async () => {
    await app.close();
    await t.cleanup();
  });

  it('is described in the OpenAPI document with its request and response schemas', async () => {
    const doc = (await app.inject({ url: '/api/openapi.json', headers: { cookie: auth.cookie } })).json();
    const people = doc.paths['/api/v1/people'];
    expect(people.get.responses['200'].content['application/json'].schema).toBeDefined();
    expect(people.post.requestBody.content['application/json'].schema).toBeDefined();
    const docs = await app.inject({ url: '/api/docs/', headers: { cookie: auth.cookie } });
    expect([docs.statusCode, docs.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8']);
  });

  it('reuses list answers until the data changes, in this process or another', async () => {
    const get = () => app.inject({ url: '/api/v1/people?sort=added&limit=3', headers: { cookie: auth.cookie } });
    const first = await get();
    const again = await get();
    expect([again.headers['x-kith-cache'], again.body]).toEqual(['hit', first.body]);
    await t.kith.people.add({ name: 'Zed Newcomer' });
    const afterAdd = await get();
    expect([afterAdd.headers['x-kith-cache'], afterAdd.json().items[0].name]).toEqual([undefined, 'Zed Newcomer']);
    // Another process (the CLI, say) renames someone.
    const other = new BetterSqlite3(t.store.sqlite!.name);
    other.prepare("UPDATE person SET display_name = 'Zed Renamed' WHERE display_name = 'Zed Newcomer'").run();
    other.close();
    expect((await get()).json().items[0].name).toBe('Zed Renamed');
  });

  it('answers 503 "database busy" while another process holds the database for writing', async () => {
    const other = new BetterSqlite3(t.store.sqlite!.name);
    other.exec('BEGIN IMMEDIATE');
    try {
      const res = await app.inject({ method: 'POST', url: '/api/v1/people', payload: { name: 'Blocked Person' }, headers: { cookie: auth.cookie, 'x-csrf-token': auth.csrf } });
      expect([res.statusCode, res.json().error.code]).toEqual([503, 'database_busy']);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });

  it('never answers random requests with a 500', async () => {
    const person = (await t.kith.people.list({ limit: 1 })).items[0]!;
    const value = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(person.id), fc.array(fc.string(), { maxLength: 3 }));
    const body = fc.oneof(fc.dictionary(fc.constantFrom('name', 'kind', 'with', 'body', 'about', 'title', 'ids', 'keep', 'other', 'from', 'to', 'value', 'password', 'every', 'for', 'q', 'at'), value), fc.jsonValue(), fc.string());
    const segment = fc.oneof(fc.constant(person.id), fc.string({ minLength: 1, maxLength: 12 }).map(encodeURIComponent), fc.constant('%'), fc.constant('..'));
    const query = fc.dictionary(fc.constantFrom('limit', 'cursor', 'tag', 'q', 'format', 'dryRun', 'tier', 'all', 'version', 'recent'), fc.string({ maxLength: 8 }));
    const mutating = (m: string) => m !== 'GET';
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes.filter((r) => !r.path.includes('logout') && !r.path.includes('auth/password') && !r.path.includes('/restore'))), segment, body, query, async (route, seg, payload, q) => {
        const url = route.path.replace(/\{[^}]+\}/g, seg) + '?' + new URLSearchParams(q).toString();
        const res = await app.inject({
          method: route.method as 'GET',
          url,
          payload: mutating(route.method) ? (typeof payload === 'string' ? payload : JSON.stringify(payload)) : undefined,
          headers: { cookie: auth.cookie, 'x-csrf-token': auth.csrf, ...(mutating(route.method) ? { 'content-type': 'application/json' } : {}) },
        });
        if (res.statusCode >= 500) throw new Error(`${route.method} ${url} ${JSON.stringify(payload)} -> ${res.statusCode} ${res.body}`);
        if (res.statusCode >= 400) expect(res.json().error.code).toEqual(expect.any(String));
      }),
      { numRuns: 400 },
    );
  });
});
