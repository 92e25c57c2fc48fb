import { spawn, spawnSync } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { BIN, cliRunner, waitForCount } from './cli-runner.js';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let dir: string;
let db: string;
const { run: kith, json } = cliRunner(() => ({ dir, db }));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kith-cli-'));
  db = join(dir, 'kith.db');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the kith command', () => {
  it('adds, shows, lists and searches people with the documented JSON shape', () => {
    const ada = json<Record<string, unknown>>([
      'person', 'add', '--name', 'Ada Lovelace', '--email', 'ada@example.com', '--email', 'home:ada@home.example', '--phone', '+44 20 7946 0958',
      '--company', 'Analytical Engines', '--title', 'Programmer', '--tag', 'math', '--tier', 'close', '--birthday', '--12-10', '--met-on', '2020-01-01', '--how-met', 'Salon',
    ]);
    for (const key of ['id', 'name', 'emails', 'phones', 'company', 'title', 'tags', 'tier']) expect(ada).toHaveProperty(key);
    expect(ada.emails).toEqual(['ada@example.com', 'ada@home.example']);
    expect(ada.phones).toEqual(['+442079460958']);
    expect(ada.company).toBe('Analytical Engines');
    expect(ada.tags).toEqual(['math']);

    const shown = json<Record<string, unknown>>(['person', 'show', 'ada@example.com']);
    expect(shown.id).toBe(ada.id);
    expect(shown.positions).toHaveLength(1);

    json(['person', 'add', '--name', 'Charles Babbage', '--company', 'Analytical Engines', '--tag', 'math']);
    const list = json<Array<{ name: string }>>(['ls', '--tag', 'math']);
    expect(list.map((p) => p.name)).toEqual(['Ada Lovelace', 'Charles Babbage']);
    expect(json<unknown[]>(['person', 'ls', '--org', 'Analytical Engines', '--limit', '1'])).toHaveLength(1);
    expect(json<unknown[]>(['person', 'ls', '--tier', 'close'])).toHaveLength(1);
    expect([kith(['ls', '--count']).stdout, json<{ count: number }>(['ls', '--tier', 'close', '--count']).count]).toEqual(['2\n', 1]);
    // Counting by a computed value reads everyone, as listing does.
    expect(json<{ count: number }>(['ls', '--status', 'none', '--count']).count).toBe(json<unknown[]>(['ls', '--status', 'none']).length);

    const logged = json<{ id: string; participants: Array<{ name: string }> }>(['log', 'meeting', '--with', 'Ada Lovelace', '--with', 'Charles', '--at', '2026-01-05', '--summary', 'Engnies']);
    expect(logged.participants.map((p) => p.name)).toEqual(['Ada Lovelace', 'Charles Babbage']);
    const fixed = kith(['interactions', 'edit', logged.id, '--summary', 'Engines', '--duration', '1h']);
    expect([fixed.code, fixed.stdout]).toEqual([0, expect.stringMatching(/^Changed 2026-01-05 12:00 +meeting.*Engines/)]);
    expect(json<unknown[]>(['ls', '--not-contacted-since', '2026-01-01'])).toHaveLength(0);
    // Charles was not there after all, then he was.
    const regrouped = json<{ participants: Array<{ name: string }> }>(['interactions', 'edit', logged.id, '--with', 'Ada Lovelace']);
    expect(regrouped.participants.map((p) => p.name)).toEqual(['Ada Lovelace']);
    expect(json<Array<{ name: string }>>(['ls', '--not-contacted-since', '2026-01-01']).map((p) => p.name)).toEqual(['Charles Babbage']);
    json(['interactions', 'edit', logged.id, '--with', 'Ada Lovelace', '--with', 'Charles Babbage']);
    expect(json<unknown[]>(['ls', '--not-contacted-since', '2026-01-01'])).toHaveLength(0);

    const note = json<{ about: unknown[] }>(['note', 'add', '--about', 'Ada Lovelace', 'Wrote', 'the', 'first', 'program']);
    expect(note.about).toHaveLength(1);
    const link = json<{ kind: string }>(['link', 'Charles Babbage', 'mentor-of', 'Ada Lovelace']);
    expect(link.kind).toBe('mentor_of');

    const hits = json<Array<{ name: string; match: string }>>(['search', 'Ada', 'Lovelcae']);
    expect(hits.map((h) => h.name)).toEqual(['Ada Lovelace']);
    expect(json<Array<{ name: string }>>(['search', 'program']).map((h) => h.name)).toEqual(['Ada Lovelace']);

    const stats = json<{ people: number; interactions: number; notes: number; relationships: number }>(['stats']);
    expect([stats.people, stats.interactions, stats.notes, stats.relationships]).toEqual([2, 1, 1, 1]);

    const table = kith(['ls']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^NAME\s+COMPANY/);
    expect(table.stdout).toContain('Ada Lovelace');
  });

  it('says in one line that the database is busy when another process holds it longer than Kith waits', () => {
    expect(kith(['stats']).code).toBe(0); // the database exists, in WAL mode
    const other = new BetterSqlite3(db);
    other.exec('BEGIN IMMEDIATE');
    try {
      const r = kith(['person', 'add', '--name', 'Blocked Person']);
      expect([r.code, r.stderr]).toEqual([1, 'kith: the database is busy with another write (an import, perhaps); try again when it is done\n']);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(kith(['person', 'show', 'Blocked Person']).code).toBe(1);
  });

  it('exits 1 with one line naming the field for bad input, and writes nothing', () => {
    const before = json<{ people: number }>(['stats']).people;
    for (const [args, pattern] of [
      [['person', 'add', '--name', 'X', '--email', 'nope'], /^kith: invalid email "nope": not an email address\n$/],
      [['person', 'add', '--name', 'X', '--phone', '12'], /^kith: invalid phone "12"/],
      [['person', 'add', '--name', 'X', '--birthday', '2021-02-30'], /^kith: invalid birthday "2021-02-30"/],
      [['person', 'add', '--name', 'X', '--tier', 'bff'], /^kith: invalid tier "bff"/],
      [['person', 'add', '--name', 'X', '--met-on', 'someday'], /^kith: invalid met-on "someday"/],
      [['person', 'show', 'Nobody At All'], /^kith: no person matches "Nobody At All"\n$/],
      [['ls', '--limit', 'lots'], /^kith: invalid limit "lots"/],
      [['log', 'dance', '--with', 'Ada Lovelace'], /^kith: invalid kind "dance"/],
    ] as Array<[string[], RegExp]>) {
      const r = kith(args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(pattern);
      expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
      expect(r.stdout).toBe('');
    }
    expect(json<{ people: number }>(['stats']).people).toBe(before);
  });

  it('shows custom fields in a block of their own, aligned on the longest name', () => {
    json(['person', 'add', '--name', 'Maja Lind', '--field', 'relation (spouse)=Nils', '--field', 'role=Board member']);
    const r = kith(['person', 'show', 'Maja Lind']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\nOther fields\n  relation (spouse)  Nils\n  role               Board member\n');
  });

  it('lists candidates for an ambiguous name and exits 1', () => {
    json(['person', 'add', '--name', 'Sam Lee']);
    json(['person', 'add', '--name', 'Sam Park']);
    const r = kith(['person', 'show', 'Sam']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^kith: "Sam" matches 2 people/);
    expect(r.stderr).toContain('Sam Lee');
    expect(r.stderr).toContain('Sam Park');
    // A second Sam Lee is added, with a word about the first.
    const twin = kith(['person', 'add', '--name', 'sam  lee', '--email', 'sam@lee.example']);
    const first = json<Array<{ id: string; name: string }>>(['ls']).find((p) => p.name === 'Sam Lee')!;
    const added = /\((\S+)\)\n$/.exec(twin.stdout)![1];
    expect([twin.code, twin.stderr]).toEqual([0, `note: someone else has that name (${first.id}); if it is the same person: kith merge ${first.id} ${added}\n`]);
    expect(kith(['person', 'add', '--name', 'Sam Stone']).stderr).toBe('');
  });

  it('says in one line when the server cannot take its port, or the database its folder', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      const r = kith(['serve', '--port', String(port)]);
      expect([r.code, r.stderr]).toEqual([1, `kith: cannot listen on 127.0.0.1:${port}: the port is in use (is Kith already running?); stop the other server or choose another with --port\n`]);
    } finally {
      taken.close();
    }
    // Node's own recursive mkdir never returns under /proc; Kith's fails at once.
    if (existsSync('/proc/self')) {
      const r = spawnSync(process.execPath, [BIN, '--db', '/proc/kith-test/kith.db', 'ls'], { encoding: 'utf8', timeout: 20_000 });
      expect([r.status, r.stderr]).toEqual([1, "kith: cannot open database /proc/kith-test/kith.db: ENOENT: no such file or directory, mkdir '/proc/kith-test'\n"]);
    }
  });

  it('exits 2 for usage mistakes', () => {
    expect(kith(['frobnicate']).code).toBe(2);
    expect(kith(['person', 'add']).code).toBe(2);
    expect(kith(['person', 'add', '--name', 'X', '--bogus']).code).toBe(2);
    expect(kith(['link', 'Sam Lee']).code).toBe(2);
    expect(kith(['--help']).code).toBe(0);
  });

  it('archives and purges', () => {
    json(['person', 'add', '--name', 'Gone Soon', '--email', 'gone@example.com']);
    json(['person', 'rm', 'Gone Soon']);
    expect(json<Array<{ name: string }>>(['ls']).map((p) => p.name)).not.toContain('Gone Soon');
    expect(json<Array<{ name: string }>>(['ls', '--archived']).map((p) => p.name)).toContain('Gone Soon');
    json(['person', 'rm', 'gone@example.com', '--purge']);
    expect(kith(['person', 'show', 'gone@example.com']).code).toBe(1);
  });

  it('reads the database from --db over KITH_DB, and the config file last', () => {
    const other = join(dir, 'other.db');
    expect(kith(['--db', other, 'person', 'add', '--name', 'Only Here']).code).toBe(0);
    expect(json<Array<{ name: string }>>(['ls']).map((p) => p.name)).not.toContain('Only Here');
    const viaEnv = kith(['ls', '--json'], { KITH_DB: other });
    expect(JSON.parse(viaEnv.stdout).map((p: { name: string }) => p.name)).toEqual(['Only Here']);
    mkdirSync(join(dir, 'config', 'kith'), { recursive: true });
    writeFileSync(join(dir, 'config', 'kith', 'config.json'), JSON.stringify({ db: other }));
    const viaFile = kith(['ls', '--json'], { KITH_DB: '' });
    expect(JSON.parse(viaFile.stdout).map((p: { name: string }) => p.name)).toEqual(['Only Here']);
    writeFileSync(join(dir, 'config', 'kith', 'config.json'), '{"db": 42}');
    const bad = kith(['ls'], { KITH_DB: '' });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^kith: config file .*config\.json: db: /);
    rmSync(join(dir, 'config'), { recursive: true });
  });

  it('leaves a consistent database when killed in the middle of a write', async () => {
    const killed = join(dir, 'killed.db');
    const child = spawn(process.execPath, [BIN, '--db', killed, 'demo', '--people', '30000', '--interactions', '200000'], { stdio: 'ignore' });
    // Kill it while it writes: after the schema exists and before it could finish.
    await waitForCount(killed, "SELECT count(*) AS n FROM sqlite_master WHERE name = 'person'", 1);
    await new Promise((resolve) => setTimeout(resolve, 700));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    expect(child.signalCode).toBe('SIGKILL');
    const check = new BetterSqlite3(killed);
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(check.pragma('foreign_key_check')).toEqual([]);
    const people = (check.prepare('SELECT count(*) AS n FROM person').get() as { n: number }).n;
    const whole = (check.prepare('SELECT count(DISTINCT person_id) AS n FROM person_email').get() as { n: number }).n;
    const searchable = (check.prepare('SELECT count(*) AS n FROM person_fts_row').get() as { n: number }).n;
    // All or nothing: the demo is one transaction.
    expect(whole).toBe(people);
    expect(searchable).toBe(people);
    check.close();
    // And Kith still opens it and can start over.
    const again = kith(['--db', killed, 'demo', '--people', '50', '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).people).toBe(50);
  });

  it('reports communities, brokers and suggestions on a demo network, and names a bad audience in one line', () => {
    const demoDb = join(dir, 'network.db');
    expect(kith(['--db', demoDb, 'demo', '--people', '400', '--interactions', '6000']).code).toBe(0);
    const communities = JSON.parse(kith(['--db', demoDb, 'communities', '--json', '--limit', '3']).stdout) as { communities: Array<{ size: number; label: string }>; diversity: { communities: number } };
    expect(communities.communities).toHaveLength(3);
    expect(communities.communities[0]!.size).toBeGreaterThanOrEqual(communities.communities[2]!.size);
    expect(communities.diversity.communities).toBeGreaterThan(3);
    const brokers = JSON.parse(kith(['--db', demoDb, 'brokers', '--json', '--limit', '2']).stdout) as { you: { ties: number }; brokers: Array<{ effectiveSize: number; ties: number }> };
    expect(brokers.brokers).toHaveLength(2);
    expect(brokers.brokers[0]!.effectiveSize).toBeLessThanOrEqual(brokers.brokers[0]!.ties);
    expect(brokers.you.ties).toBeGreaterThan(100);
    const table = kith(['--db', demoDb, 'brokers', '--limit', '2']);
    expect(table.stdout).toMatch(/^You: \d+ ties, effective size/);
    expect(kith(['--db', demoDb, 'suggest']).stdout).toMatch(/No active goal has an audience/);
    const bad = kith(['--db', demoDb, 'suggest', '--audience', 'Nobody Here']);
    expect([bad.code, bad.stderr.trim().split('\n').length]).toEqual([1, 1]);
    expect(bad.stderr).toMatch(/no audience matches "Nobody Here"/);
    const zero = kith(['--db', demoDb, 'communities', '--limit', '0']);
    expect([zero.code, zero.stderr.trim()]).toEqual([1, expect.stringMatching(/limit.*expected a whole number from 1 to 500/)]);
  });
});
