import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './web-server.js';

const CHROMIUM = process.env.KITH_CHROMIUM ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available) console.log(`Skipping the browser tests: no Chromium at ${CHROMIUM} (apt-get install -y chromium; .ci/run installs it)`);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Form controls and buttons on the page that a screen reader could not name. */
const UNLABELLED = `[...document.querySelectorAll('input:not([type=hidden]), select, textarea, button, [role=button], a[href]')]
  .filter((el) => el.offsetParent !== null || el.getClientRects().length > 0)
  .filter((el) => !((el.labels && el.labels.length) || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || el.getAttribute('title') || (el.textContent || '').trim() || el.getAttribute('placeholder')))
  .map((el) => el.outerHTML.slice(0, 120))`;

/**
 * The web app in a real browser against a real `kith serve`: first login, add a
 * person, log an interaction and see it on Today, import a vCard, search, review and
 * merge a duplicate, then the same at phone width.
 */
describe.skipIf(!available)('web app in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const PASSWORD = 'a long enough password';

  beforeAll(async () => {
    server = await startServer((kith) => {
      // Someone overdue (inner tier, met long ago, never contacted), and someone an import will duplicate.
      kith('person', 'add', '--name', 'Olga Overdue', '--tier', 'inner', '--met-on', '2024-01-01', '--company', 'Northwind');
      kith('person', 'add', '--name', 'Anna Kowalski', '--company', 'Globex', '--email', 'anna@globex.example');
      // A friend who knows someone you have never met: a warm path, and a map with two people on it.
      kith('person', 'add', '--name', 'Rita Relay', '--company', 'Initech');
      kith('person', 'add', '--name', 'Theo Target', '--company', 'Umbrella');
      kith('link', 'Rita Relay', 'colleague', 'Theo Target');
      kith('log', 'meeting', '--with', 'Rita Relay', '--at', '3 days ago');
    });
    expect(server.setupUrl).toMatch(/\/setup\?code=/);
    browser = await launchChromium();
    page = await browser.newPage();
    page.setDefaultTimeout(15_000);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sets the password on first start, then lands on Today', async () => {
    await page.goto(server.setupUrl!);
    await page.getByLabel('New password').fill(PASSWORD);
    await page.getByLabel('Repeat the password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Set password and start' }).click();
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    await page.getByRole('listitem', { name: 'Olga Overdue' }).waitFor();
    // The session cookie is httpOnly and strict.
    const cookie = (await page.context().cookies()).find((c) => c.name === 'kith_session')!;
    expect([cookie.httpOnly, cookie.sameSite]).toEqual([true, 'Strict']);
  });

  it('adds a person', async () => {
    await page.getByRole('button', { name: 'Add person' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a person' });
    await dialog.getByLabel('Name').fill('Grace Hopper');
    await dialog.getByLabel('Company').fill('US Navy');
    await dialog.getByLabel('Email').fill('grace@navy.example');
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('heading', { name: 'Grace Hopper' }).waitFor();
    expect(await page.getByText('US Navy').first().isVisible()).toBe(true);
    // Adding her again, the dialog says she is already there.
    await page.getByRole('button', { name: 'Add person' }).click();
    const again = page.getByRole('dialog', { name: 'Add a person' });
    await again.getByLabel('Name').fill('grace  hopper');
    await again.getByRole('status').getByRole('link', { name: 'Grace Hopper (US Navy)' }).waitFor();
    await again.getByLabel('Name').fill('Grace Kelly');
    await again.getByRole('status').waitFor({ state: 'detached' });
    await again.getByRole('button', { name: 'Cancel' }).click();
    await again.waitFor({ state: 'hidden' });
  });

  it('logs an interaction from Today, which clears the entry and shows on the timeline', async () => {
    await page.getByRole('link', { name: 'Today' }).first().click();
    const entry = page.getByRole('listitem', { name: 'Olga Overdue' });
    await entry.getByRole('button', { name: 'Log' }).click();
    const dialog = page.getByRole('dialog', { name: 'Log an interaction' });
    await dialog.getByLabel('Summary').fill('Coffee about the Northwind launch');
    await dialog.getByRole('button', { name: 'Log', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await entry.waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'People' }).first().click();
    await page.getByRole('table', { name: 'People' }).getByRole('link', { name: 'Olga Overdue' }).click();
    const timeline = page.getByRole('list', { name: 'Interactions' });
    await timeline.getByText('Coffee about the Northwind launch').waitFor();
    // One logged by mistake is removed from the timeline, after a confirmation.
    await page.getByRole('region', { name: /^Timeline/ }).getByRole('button', { name: 'Log', exact: true }).click();
    const again = page.getByRole('dialog', { name: 'Log an interaction' });
    await again.getByLabel('Summary').fill('Logged by mistake');
    await again.getByRole('button', { name: 'Log', exact: true }).click();
    // Corrected first: the dialog opens with what was logged.
    await timeline.getByRole('listitem').filter({ hasText: 'Logged by mistake' }).getByRole('button', { name: /^Edit the / }).click();
    const edit = page.getByRole('dialog', { name: 'Edit the interaction' });
    expect(await edit.getByLabel('Summary').inputValue()).toBe('Logged by mistake');
    await edit.getByLabel('Summary').fill('Logged by mistake, then corrected');
    // Grace was there too.
    await edit.getByLabel('With').fill('Grace');
    await page.getByRole('option', { name: /Grace Hopper/ }).click();
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'hidden' });
    const mistake = timeline.getByRole('listitem').filter({ hasText: 'Logged by mistake, then corrected' });
    await mistake.getByText('with Grace Hopper').waitFor();
    page.once('dialog', (d) => void d.accept());
    await mistake.getByRole('button', { name: /^Remove the / }).click();
    await mistake.waitFor({ state: 'detached' });
    expect(await timeline.getByText('Coffee about the Northwind launch').count()).toBe(1);
    // And so is a note.
    await page.getByLabel('New note').fill('A note to throw away');
    await page.getByRole('button', { name: 'Add note' }).click();
    const card = page.getByText('A note to throw away');
    await card.waitFor();
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: /^Delete the note of / }).first().click();
    await card.waitFor({ state: 'detached' });
  });

  it('imports a vCard file with progress and a report, then merges the duplicate it made', async () => {
    const vcf = join(server.dir, 'contacts.vcf');
    writeFileSync(vcf, 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Kowalsky\r\nN:Kowalsky;Anna;;;\r\nORG:Globex\r\nEMAIL:anna.k@globex.example\r\nEND:VCARD\r\n');
    await page.getByRole('link', { name: 'Import' }).first().click();
    await page.getByLabel('File').setInputFiles(vcf);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByLabel('Import report').waitFor();
    expect(await page.getByTestId('report-created').textContent()).toBe('1');
    expect(await page.getByRole('progressbar', { name: 'Import progress' }).getAttribute('aria-valuenow')).toBe('100');
    const pair = page.getByRole('article').or(page.locator('[aria-label^="Possible duplicate"]')).filter({ hasText: 'Anna Kowalsky' });
    await pair.getByRole('button', { name: 'Keep Anna Kowalski' }).click();
    await pair.waitFor({ state: 'detached' });
    const merged = JSON.parse(server.kith('person', 'show', 'anna@globex.example', '--json'));
    expect(merged.emails.sort()).toEqual(['anna.k@globex.example', 'anna@globex.example']);
  });

  it('says at once, in one line, when a file is not something it can import', async () => {
    const notes = join(server.dir, 'notes.txt');
    writeFileSync(notes, 'Call Anna about the offsite\n');
    await page.getByRole('link', { name: 'Import' }).first().click();
    await page.getByLabel('File').setInputFiles(notes);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/^invalid file "notes\.txt": cannot tell its format; name it: /);
    expect(await page.getByRole('progressbar', { name: 'Import progress' }).count()).toBe(0);
  });

  it('imports a calendar with its options: how far back, and who becomes a new person', async () => {
    // A meeting three years ago with someone not in Kith: left out by default, and the report says why.
    const when = new Date(Date.now() - 3 * 365 * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
    const ics = join(server.dir, 'calendar.ics');
    writeFileSync(ics, `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:old@kith\r\nDTSTART:${when}T100000Z\r\nSUMMARY:Old planning\r\nORGANIZER;CN=Rosa Parks:mailto:rosa@northwind.example\r\nATTENDEE:mailto:rosa@northwind.example\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`);
    await page.getByRole('link', { name: 'Import' }).first().click();
    await page.getByLabel('File').setInputFiles(ics);
    await page.getByRole('combobox', { name: 'Format' }).click();
    await page.getByRole('option', { name: 'Calendar (.ics)' }).click();
    const options = page.getByLabel('Import options');
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByLabel('Import report').waitFor();
    expect(await page.getByTestId('report-skipped').textContent()).toBe('1');
    expect(await page.getByTestId('report-note').first().textContent()).toMatch(/^1 event before \d{4}-\d\d-\d\d left out/);
    // Four years back, and the attendees become people.
    await options.getByLabel('Since').fill(new Date(Date.now() - 4 * 365 * 86_400_000).toISOString().slice(0, 10));
    await options.getByRole('combobox', { name: 'New people' }).click();
    await page.getByRole('option', { name: 'Every attendee' }).click();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByTestId('report-created').filter({ hasText: '1' }).waitFor();
    const rosa = JSON.parse(server.kith('person', 'show', 'rosa@northwind.example', '--json'));
    expect([rosa.name, rosa.interactions.map((i: { summary: string }) => i.summary)]).toEqual(['Rosa Parks', ['Old planning']]);
  });

  it('adds a reminder, and says when its date has passed that it will be due now', async () => {
    await page.getByRole('link', { name: 'Reminders' }).first().click();
    await page.getByLabel('Remind me to').fill('Send the Northwind deck');
    await page.getByLabel('On', { exact: true }).fill('2020-01-01');
    await page.getByText('That is in the past, so it will be due now').waitFor();
    await page.getByLabel('On', { exact: true }).fill('2099-01-01');
    await page.getByText('That is in the past, so it will be due now').waitFor({ state: 'detached' });
    await page.getByLabel('On', { exact: true }).fill('2020-01-01');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByText('Send the Northwind deck').waitFor();
    expect(JSON.parse(server.kith('remind', 'ls', '--json')).map((r: { title: string }) => r.title)).toContain('Send the Northwind deck');
  });

  it('finds people by a misspelt name with Ctrl+K', async () => {
    await page.keyboard.press('Control+K');
    const input = page.getByRole('textbox', { name: 'Search people and actions' });
    await input.fill('Grase Hoper');
    await page.getByRole('option', { name: /Grace Hopper/ }).waitFor();
    await input.press('Enter');
    await page.getByRole('heading', { name: 'Grace Hopper' }).waitFor();
  });

  it('creates a goal with an audience and shows its coverage', async () => {
    await page.getByRole('link', { name: 'Goals' }).first().click();
    await page.getByRole('heading', { name: 'Goals' }).waitFor();
    const form = page.getByRole('form', { name: 'New goal' }).or(page.locator('form[aria-label="New goal"]'));
    await form.getByLabel(/^Goal/).fill('Get to know the Globex team');
    await form.getByLabel('Audience name').fill('Globex people');
    await form.getByLabel('Organizations').fill('Globex');
    await form.getByLabel('Organizations').press('Enter');
    await form.getByRole('button', { name: 'Add goal' }).click();
    const card = page.getByRole('article', { name: 'Goal: Get to know the Globex team' });
    await card.getByText('You know 1 people in this audience').waitFor();
    expect(await card.getByText('audience: Globex people').count()).toBe(1);
    expect(await card.getByRole('progressbar', { name: /people met/ }).count()).toBe(1);
  });

  it('plans an event, opens its brief, captures two new people and shows their follow-ups on Today', async () => {
    await page.getByRole('link', { name: 'Events' }).first().click();
    const plan = page.locator('form[aria-label="Plan an event"]');
    await plan.getByLabel(/^Event/).fill('Northwind Launch Party');
    // Yesterday's, so that whom you met there can be captured now (the server runs on the real clock).
    await plan.getByLabel(/^Date/).fill(new Date(Date.now() - 86_400_000).toISOString().slice(0, 10));
    await plan.getByRole('textbox', { name: /^Place/ }).fill('Lisbon');
    await plan.getByLabel('People you know who will be there').fill('Olga');
    await page.getByRole('option', { name: /Olga Overdue/ }).click();
    await plan.getByRole('button', { name: 'Plan event' }).click();
    await page.getByRole('heading', { name: 'Northwind Launch Party' }).waitFor();
    const brief = page.getByLabel('Brief: Olga Overdue');
    await brief.getByText('Pick up from').waitFor();
    expect(await brief.getByText('Coffee about the Northwind launch').count()).toBeGreaterThan(0);
    const capture = page.locator('form[aria-label="Capture"]');
    await capture.getByLabel('Name 1').fill('Carla New');
    await capture.getByLabel('Company 1').fill('Initech');
    await capture.getByLabel('One line 1').fill('works on heat pumps');
    await capture.getByLabel('Name 2').fill('Dev Fresh');
    await capture.getByRole('button', { name: 'Add them' }).click();
    await page.getByText(/Added Carla New, Dev Fresh/).waitFor();
    await page.getByRole('link', { name: 'Today' }).first().click();
    const followUps = page.getByRole('list', { name: 'Follow-ups this week' });
    await followUps.getByText('Follow up with Carla New after Northwind Launch Party').waitFor();
    expect(await followUps.getByText('Follow up with Dev Fresh after Northwind Launch Party').count()).toBe(1);
  });

  it('moves an opportunity across the board', async () => {
    await page.getByRole('link', { name: 'Career' }).first().click();
    const form = page.locator('form[aria-label="New opportunity"]');
    await form.getByLabel(/^Opportunity/).fill('Speak at EngineConf');
    await form.getByRole('button', { name: 'Add' }).click();
    const idea = page.getByRole('region', { name: 'Stage: Idea' });
    await idea.getByLabel('Speak at EngineConf', { exact: true }).waitFor();
    await idea.getByLabel('Stage of Speak at EngineConf').click();
    await page.getByRole('option', { name: 'Won' }).click();
    await page.getByRole('region', { name: 'Stage: Won' }).getByLabel('Speak at EngineConf', { exact: true }).waitFor();
  });

  it('opens a page by its address straight to its content, without a loading spinner first', async () => {
    const context = await browser.newContext();
    try {
      expect((await context.request.post(server.url + '/api/v1/auth/login', { data: { password: PASSWORD } })).ok()).toBe(true);
      const fresh = await context.newPage();
      // A string, as the page's globals are not this file's (it is type-checked for Node).
      await fresh.addInitScript(`new MutationObserver(() => {
        if (document.querySelector('[aria-label="Loading page"]')) window.sawSpinner = true;
      }).observe(document, { childList: true, subtree: true });`);
      await fresh.goto(server.url + '/people');
      await fresh.getByRole('table', { name: 'People' }).getByRole('link', { name: 'Olga Overdue' }).waitFor();
      expect(await fresh.evaluate('window.sawSpinner ?? false')).toBe(false);
    } finally {
      await context.close();
    }
  });

  it('filters the People table and tags people in bulk', async () => {
    await page.goto(server.url + '/people');
    const table = page.getByRole('table', { name: 'People' });
    await table.getByRole('link', { name: 'Olga Overdue' }).waitFor();
    // The header counts everyone the filters keep, not only the rows loaded.
    const everyone = (await (await page.request.get(server.url + '/api/v1/people?limit=1000')).json()).items.length;
    expect(everyone).toBeGreaterThan(1);
    await page.getByText(`${everyone} people`, { exact: true }).waitFor();
    await page.getByRole('combobox', { name: 'Tier' }).click();
    await page.getByRole('option', { name: 'inner' }).click();
    await page.getByText('1 person', { exact: true }).waitFor();
    await page.getByRole('checkbox', { name: 'Select Olga Overdue' }).check();
    await page.getByText('1 selected').waitFor();
    await page.getByPlaceholder('Tags', { exact: true }).fill('vip');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Add tags' }).click();
    await table.getByRole('row').filter({ hasText: 'Olga Overdue' }).getByText('vip').waitFor();
  });

  it('finds a warm path, then draws, searches and explains the network', async () => {
    await page.goto(server.url + '/network');
    await page.getByLabel('Who do you want to reach?').fill('Theo Target');
    await page.getByRole('button', { name: 'Find paths' }).click();
    const path = page.getByRole('article', { name: 'Path 1' }).or(page.getByLabel('Path 1'));
    await path.getByText('You → Rita Relay → Theo Target').waitFor();
    await path.getByText('Rita Relay → Theo Target: colleague').waitFor();

    await page.getByRole('tab', { name: 'Map' }).click();
    await page.getByLabel('Map size').getByText(/people and \d+ ties shown/).waitFor();
    // sigma draws into canvases inside the map.
    expect(await page.getByRole('img', { name: 'Network map' }).locator('canvas').count()).toBeGreaterThan(0);
    await page.getByRole('combobox', { name: 'Find a person on the map' }).fill('Rita');
    await page.getByRole('option', { name: 'Rita Relay' }).click();
    await page.getByLabel('Focused person').getByText(/Rita Relay · your strength \d/).waitFor();
    await page.getByRole('combobox', { name: 'Show the best path to' }).fill('Theo Target');
    await page.getByRole('button', { name: 'Show path' }).click();
    await page.getByLabel('Path on the map').getByText('You → Rita Relay → Theo Target').waitFor();

    await page.getByRole('tab', { name: 'Communities' }).click();
    await page.getByRole('table', { name: 'Communities' }).waitFor();
    await page.getByRole('tab', { name: 'Brokers' }).click();
    await page.getByText(/You have \d+ ties; your effective size is/).waitFor();
    await page.getByRole('tab', { name: 'Suggestions' }).click();
    await page.getByText(/Nobody in .* is two hops away yet|Mutual connections/).first().waitFor();
  });

  it('finds any organization by name, however many there are, with the most people first', async () => {
    // More organizations than one page shows, made through the API as the web app would.
    await page.evaluate(async () => {
      const { csrfToken } = (await (await fetch('/api/v1/auth/status')).json()) as { csrfToken: string };
      for (let i = 0; i < 210; i++) {
        const r = await fetch('/api/v1/organizations', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken }, body: JSON.stringify({ name: `Zeta Works ${i}` }) });
        if (r.status !== 201) throw new Error(`organization ${i}: ${r.status}`);
      }
    });
    await page.goto(server.url + '/organizations');
    const rows = page.getByRole('table').locator('tbody tr');
    await page.getByRole('button', { name: 'Show more' }).waitFor();
    expect(await rows.count()).toBe(200);
    // People work at the first ones; the last by name is on no page shown yet.
    expect(await rows.first().locator('td').nth(2).textContent()).not.toBe('0');
    expect(await page.getByRole('button', { name: 'Zeta Works 99', exact: true }).count()).toBe(0);
    await page.getByLabel('Filter organizations').fill('WORKS 99');
    await page.getByRole('button', { name: 'Zeta Works 99', exact: true }).waitFor();
    await expect.poll(() => rows.count()).toBe(1);
    await page.getByLabel('Filter organizations').fill('');
    await page.getByRole('button', { name: 'Show more' }).click();
    await page.getByRole('button', { name: 'Zeta Works 99', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Show more' }).count()).toBe(0);
  });

  it('goes to pages with "g" then a letter, opens dialogs with a key, and leaves keys typed in fields alone', async () => {
    await page.goto(server.url + '/');
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    await page.keyboard.press('g');
    await page.keyboard.press('o');
    await page.getByRole('heading', { name: 'Organizations', level: 2 }).waitFor();
    await page.keyboard.press('g');
    await page.keyboard.press('p');
    await page.getByRole('heading', { name: 'People', level: 2 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/people');
    // In a field, "g" and "o" are just letters.
    await page.goto(server.url + '/organizations');
    const filter = page.getByLabel('Filter organizations');
    await filter.click();
    await page.keyboard.type('go');
    expect([await filter.inputValue(), new URL(page.url()).pathname]).toEqual(['go', '/organizations']);
    await filter.fill('');
    await page.getByRole('heading', { name: 'Organizations', level: 2 }).click();
    await page.keyboard.press('n');
    await page.getByRole('dialog', { name: 'Add a person' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Add a person' }).waitFor({ state: 'hidden' });
  });

  it('names every control on every page, for screen readers', async () => {
    for (const path of ['/', '/people', '/goals', '/events', '/career', '/network', '/organizations', '/reminders', '/import', '/settings']) {
      await page.goto(server.url + path);
      await page.getByRole('heading', { level: 2 }).first().waitFor();
      await page.waitForLoadState('networkidle');
      expect([path, await page.evaluate<string[]>(UNLABELLED)]).toEqual([path, []]);
    }
    await page.getByRole('link', { name: 'People' }).first().click();
    await page.getByRole('table', { name: 'People' }).getByRole('link', { name: 'Grace Hopper' }).click();
    await page.getByRole('heading', { name: 'Grace Hopper' }).waitFor();
    expect(await page.evaluate<string[]>(UNLABELLED)).toEqual([]);
  });

  it('works at phone width, and logs out and back in', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(server.url + '/people');
    await page.getByRole('table', { name: 'People' }).getByRole('link', { name: 'Grace Hopper' }).waitFor();
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByLabel(/^Password/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'People' }).waitFor();
  });

  // Last: it adds 30,000 people, which the tests before it would see.
  it('follows an import still running when its page is loaded again', async () => {
    // Three transactions of 10,000: the page, loaded again, gets its turn between two of them.
    const rows = Array.from({ length: 30_000 }, (_, i) => `Ada${i},Byron${i},https://www.linkedin.com/in/ada-${i},,Engines ${i % 50},Analyst,08 Feb 2026`);
    const csv = join(server.dir, 'Connections.csv');
    writeFileSync(csv, ['First Name,Last Name,URL,Email Address,Company,Position,Connected On', ...rows].join('\n'));
    await page.goto(server.url + '/import');
    await page.getByLabel('File').setInputFiles(csv);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    // Looked for as there, not as visible: at 0% the bar has no width.
    const bar = page.getByRole('progressbar', { name: 'Import progress' });
    await bar.waitFor({ state: 'attached' });
    await page.reload();
    await bar.waitFor({ state: 'attached', timeout: 60_000 });
    // A new page, not the one that sent the file, and the import not over yet.
    expect([await page.getByText(/^Uploading/).count(), await page.getByLabel('Import report').count()]).toEqual([0, 0]);
    await page.getByLabel('Import report').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('report-created').textContent()).toBe('30000');
  }, 180_000);
});
