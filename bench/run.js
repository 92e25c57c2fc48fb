#!/usr/bin/env node
// Kith benchmarks: `npm run bench`. Builds a 100k-person, 1M-interaction demo
// database and measures each target beside a baseline taken in the same run.
// Results are printed as Markdown; copy them into bench/RESULTS.md.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { generateDemoNetwork } from '../dist/domain/demo-network.js';
import { createKith } from '../dist/services/kith.js';
import { openStore } from '../dist/store/connect.js';
import { importBenchmarks } from './imports.js';
import { clean, percentile, time } from './measure.js';
import { webBenchmarks } from './web.js';
import { playbookBenchmarks } from './playbook.js';
import { networkBenchmarks } from './network.js';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 100_000);
const INTERACTIONS = Number(process.env.BENCH_INTERACTIONS ?? 1_000_000);
const OUT = join(import.meta.dirname, 'out');
mkdirSync(OUT, { recursive: true });
const dbPath = join(OUT, 'bench.db');
const BIN = join(import.meta.dirname, '..', 'bin', 'kith.js');


const ms = (x) => `${x.toFixed(1)} ms`;
const rows = [];
function report(what, target, value, baseline) {
  rows.push(`| ${what} | ${target} | ${value} | ${baseline} |`);
  console.error(`${what}: ${value} (baseline ${baseline})`);
}

if (process.env.BENCH_ONLY === 'playbook') {
  const k = createKith(await openStore(process.env.BENCH_DB ?? dbPath));
  await playbookBenchmarks({ kith: k, report, people: PEOPLE });
  await k.close();
  printResults();
  process.exit(0);
}
if (process.env.BENCH_ONLY === 'network') {
  const k = createKith(await openStore(process.env.BENCH_DB ?? dbPath));
  await networkBenchmarks({ kith: k, report, out: OUT, people: PEOPLE });
  await k.close();
  printResults();
  process.exit(0);
}
if (process.env.BENCH_ONLY === 'web') {
  await webBenchmarks({ bin: BIN, db: process.env.BENCH_DB ?? dbPath, report, people: PEOPLE });
  printResults();
  process.exit(0);
}
if (process.env.BENCH_ONLY === 'imports') {
  await importBenchmarks({ out: OUT, bin: BIN, report });
  printResults();
  process.exit(0);
}

// 1. Demo generation as a cold CLI call, against a plain prepared insert of the same rows.
clean(dbPath);
const demoStart = Date.now();
const demo = spawnSync(process.execPath, [BIN, '--db', dbPath, 'demo', '--people', String(PEOPLE), '--interactions', String(INTERACTIONS)], { encoding: 'utf8' });
if (demo.status !== 0) throw new Error('demo failed: ' + demo.stderr);
const demoSeconds = (Date.now() - demoStart) / 1000;

const baselinePath = join(OUT, 'baseline.db');
clean(baselinePath);
const raw = new BetterSqlite3(baselinePath);
raw.pragma('journal_mode = WAL');
raw.pragma('synchronous = NORMAL');
raw.exec(`CREATE TABLE person (id TEXT PRIMARY KEY, name TEXT, email TEXT, tier TEXT, birthday TEXT);
  CREATE TABLE interaction (id TEXT PRIMARY KEY, kind TEXT, occurred_at TEXT, direction TEXT, summary TEXT);
  CREATE TABLE participant (interaction_id TEXT, person_id TEXT)`);
const insPerson = raw.prepare('INSERT INTO person VALUES (?, ?, ?, ?, ?)');
const insInteraction = raw.prepare('INSERT INTO interaction VALUES (?, ?, ?, ?, ?)');
const insParticipant = raw.prepare('INSERT INTO participant VALUES (?, ?)');
const baselineStart = Date.now();
raw.exec('BEGIN');
for (const batch of generateDemoNetwork({ people: PEOPLE, interactions: INTERACTIONS, seed: 'kith', now: new Date() })) {
  if (batch.type === 'people') for (const p of batch.rows) insPerson.run(p.id, p.name, p.email, p.tier, p.birthday);
  if (batch.type === 'interactions') {
    for (const i of batch.rows) {
      insInteraction.run(i.id, i.kind, i.occurredAt, i.direction, i.summary);
      for (const p of i.participantIds) insParticipant.run(i.id, p);
    }
  }
}
raw.exec('COMMIT');
const baselineSeconds = (Date.now() - baselineStart) / 1000;
raw.close();
clean(baselinePath);
report(`\`kith demo --people ${PEOPLE} --interactions ${INTERACTIONS}\` (cold CLI, SQLite)`, '≤ 30 s', `${demoSeconds.toFixed(1)} s`, `${baselineSeconds.toFixed(1)} s: generation plus plain prepared inserts of people, interactions and participants, no indexes or search`);

// 2. Search and filtered listing, in process.
const store = await openStore(dbPath);
const kith = createKith(store);
const sample = (await kith.people.list({ limit: 2000 })).items;
const queries = [];
for (let i = 0; i < 200; i++) {
  const p = sample[(i * 37) % sample.length];
  const kind = i % 4;
  if (kind === 0) queries.push(p.name);
  else if (kind === 1) queries.push(p.familyName.slice(0, 3));
  else if (kind === 2) queries.push(p.company);
  else queries.push(p.givenName.slice(0, 1) + p.givenName[2] + p.givenName[1] + p.givenName.slice(3) + ' ' + p.familyName);
}
for (const q of queries.slice(0, 20)) await kith.search.search(q);
const searchTimes = [];
for (const q of queries) searchTimes.push(await time(() => kith.search.search(q, 20)));
const fts = store.sqlite.prepare(
  'SELECT m.person_id FROM person_fts JOIN person_fts_row m ON m.rowid = person_fts.rowid WHERE person_fts MATCH ? ORDER BY bm25(person_fts) LIMIT 20',
);
const ftsTimes = [];
for (const q of queries) {
  const match = q.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).map((t) => `"${t}"*`).join(' ');
  ftsTimes.push(await time(() => fts.all(match)));
}
report(`\`kith search\` over ${PEOPLE} people (names, prefixes, companies, typos; 200 queries)`, '≤ 20 ms p95', `p50 ${ms(percentile(searchTimes, 50))}, p95 ${ms(percentile(searchTimes, 95))}`, `raw FTS5 MATCH, no hydration or fuzzy step: p50 ${ms(percentile(ftsTimes, 50))}, p95 ${ms(percentile(ftsTimes, 95))}`);

const tags = (await kith.tags.list()).map((t) => t.name);
const lsTimes = [];
for (let i = 0; i < 100; i++) lsTimes.push(await time(() => kith.people.list({ tag: tags[i % tags.length], limit: 50 })));
const rawLs = store.sqlite.prepare(
  'SELECT p.id FROM person p JOIN person_tag pt ON pt.person_id = p.id JOIN tag t ON t.id = pt.tag_id WHERE t.name = ? AND p.archived_at IS NULL ORDER BY p.name_key, p.id LIMIT 51',
);
const rawLsTimes = [];
for (let i = 0; i < 100; i++) rawLsTimes.push(await time(() => rawLs.all(tags[i % tags.length])));
report(`\`person ls --tag T --limit 50\` over ${PEOPLE} people (100 calls)`, '≤ 50 ms', `p50 ${ms(percentile(lsTimes, 50))}, p95 ${ms(percentile(lsTimes, 95))}`, `raw id query only: p50 ${ms(percentile(rawLsTimes, 50))}, p95 ${ms(percentile(rawLsTimes, 95))}`);

// 3. Keep in touch: today's queue in process, tie strength recompute.
for (let i = 0; i < 3; i++) await kith.today.queue(10);
const todayTimes = [];
let entries = 0;
for (let i = 0; i < 30; i++) todayTimes.push(await time(async () => { entries = (await kith.today.queue(10)).entries.length; }));
report(`\`kith today\` in process over ${PEOPLE} people (${entries} entries; 30 calls)`, '≤ 100 ms p50', `p50 ${ms(percentile(todayTimes, 50))}, p95 ${ms(percentile(todayTimes, 95))}`, 'none: no simpler way to rank the same reasons');
let recomputed;
const recomputeMs = await time(async () => { recomputed = await kith.strength.recomputeAll(); });
const rawScan = store.sqlite.prepare('SELECT ip.person_id, i.kind, i.occurred_at, i.direction FROM interaction_participant ip JOIN interaction i ON i.id = ip.interaction_id');
let scanned = 0;
const scanMs = await time(() => { for (const _row of rawScan.iterate()) scanned++; });
report(`recompute every tie strength (${recomputed.people} people, ${recomputed.interactions} participations)`, '≤ 10 s', `${(recomputeMs / 1000).toFixed(1)} s`, `raw scan of the same ${scanned} participations: ${(scanMs / 1000).toFixed(1)} s`);
await playbookBenchmarks({ kith, report, people: PEOPLE });
await networkBenchmarks({ kith, report, out: OUT, people: PEOPLE });
await kith.close();

function peakRss(args) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, BIN, '--db', dbPath, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  const [seconds, kb] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { seconds, mb: kb / 1024 };
}
peakRss(['today']);
const cold = peakRss(['today']);
report('`kith today` as a cold CLI call', '≤ 1 s', `${(cold.seconds * 1000).toFixed(0)} ms, peak ${cold.mb.toFixed(0)} MB`, '`node -e 0` below');
const recomputeCli = peakRss(['strength', 'recompute']);
report('`kith strength recompute` as a CLI call', '≤ 300 MB peak', `${recomputeCli.seconds.toFixed(1)} s, peak ${recomputeCli.mb.toFixed(0)} MB`, '');

const cli = spawnSync(process.execPath, [BIN, '--db', dbPath, 'ls', '--tag', tags[0], '--limit', '50'], { encoding: 'utf8' });
const coldStart = Date.now();
spawnSync(process.execPath, [BIN, '--db', dbPath, 'ls', '--tag', tags[0], '--limit', '50'], { encoding: 'utf8' });
const coldMs = Date.now() - coldStart;
const nodeStart = Date.now();
spawnSync(process.execPath, ['-e', '0']);
report('`kith ls --tag T --limit 50` as a whole CLI call', 'informational', `${coldMs} ms`, `node -e 0: ${Date.now() - nodeStart} ms`);
if (cli.status !== 0) throw new Error(cli.stderr);
const dupes = peakRss(['dupes', '--limit', '20']);
report(`\`kith dupes\` over ${PEOPLE} people (cold CLI)`, '≤ 5 s', `${dupes.seconds.toFixed(1)} s, peak ${dupes.mb.toFixed(0)} MB`, 'none: the blocking is the method');

await webBenchmarks({ bin: BIN, db: dbPath, report, people: PEOPLE });
await importBenchmarks({ out: OUT, bin: BIN, report });
printResults();

function printResults() {
let cpu = cpus()[0]?.model ?? 'unknown';
try {
  cpu = execFileSync('sh', ['-c', "lscpu | grep 'Model name' | sed 's/.*: *//'"], { encoding: 'utf8' }).trim() || cpu;
} catch {}
console.log(`Machine: ${cpu}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`);
console.log('| benchmark | target | Kith | baseline in the same run |');
console.log('| --- | --- | --- | --- |');
for (const row of rows) console.log(row);
}
