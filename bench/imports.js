// Import benchmarks: a 100,000-row Connections.csv beside a plain better-sqlite3
// insert of the same rows, and a 100,000-message, 1 GB mbox (throughput and peak
// memory). Each is a cold CLI call on a fresh database.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { connectionRows, writeConnections } from './connections-file.js';
import { clean } from './measure.js';
import { ME, writeMbox } from './mbox-file.js';
import { schemaFloor } from './schema-floor.js';


function timed(bin, db, args) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, bin, '--db', db, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`kith ${args.join(' ')} failed: ${r.stderr}`);
  const [seconds, kb] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { seconds, mb: kb / 1024, stdout: r.stdout };
}

export async function importBenchmarks({ out, bin, report }) {
  const rowsCount = Number(process.env.BENCH_CONNECTIONS ?? 100_000);
  const csv = join(out, 'Connections.csv');
  const rows = connectionRows(rowsCount);
  writeConnections(csv, rows);
  const db = join(out, 'import.db');
  clean(db);
  const first = timed(bin, db, ['import', 'linkedin', csv]);
  const again = timed(bin, db, ['import', 'linkedin', csv]);
  const baselinePath = join(out, 'import-baseline.db');
  clean(baselinePath);
  const raw = new BetterSqlite3(baselinePath);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.exec('CREATE TABLE connection (first TEXT, last TEXT, url TEXT PRIMARY KEY, email TEXT, company TEXT, position TEXT, connected_on TEXT)');
  const insert = raw.prepare('INSERT INTO connection VALUES (?, ?, ?, ?, ?, ?, ?)');
  const start = process.hrtime.bigint();
  raw.transaction(() => {
    for (const r of rows) insert.run(r.first, r.last, r.url, r.email, r.company, r.position, r.connectedOn);
  })();
  const baselineMs = Number(process.hrtime.bigint() - start) / 1e6;
  raw.close();
  clean(baselinePath);
  const floor = schemaFloor({ bin, source: db, target: join(out, 'import-floor.db') });
  const slowest = Object.entries(floor.perTable).sort((a, b) => b[1] - a[1]);
  console.log(`schema floor by table: ${slowest.map(([t, ms]) => `${t} ${ms.toFixed(0)} ms`).join(', ')}`);
  report(
    `\`kith import linkedin\` of a ${rowsCount}-row Connections.csv (cold CLI, fresh SQLite)`,
    '≤ 2 s',
    `${first.seconds.toFixed(1)} s, peak ${first.mb.toFixed(0)} MB; again (all unchanged): ${again.seconds.toFixed(1)} s`,
    `plain better-sqlite3 insert of the same rows into one table: ${baselineMs.toFixed(0)} ms; the ${floor.rows} rows Kith wrote, written straight into a fresh database of Kith's schema (one transaction, prepared statements, no parsing or lookups): ${floor.ms.toFixed(0)} ms`,
  );
  clean(db);

  const messages = Number(process.env.BENCH_MBOX_MESSAGES ?? 100_000);
  const bodyBytes = Number(process.env.BENCH_MBOX_BODY ?? 10_000);
  const mbox = join(out, 'bench.mbox');
  await writeMbox(mbox, messages, bodyBytes);
  const mailDb = join(out, 'mail.db');
  clean(mailDb);
  const setup = spawnSync(process.execPath, [bin, '--db', mailDb, 'config', 'set', 'me.emails', ME], { encoding: 'utf8' });
  if (setup.status !== 0) throw new Error(setup.stderr);
  const mail = timed(bin, mailDb, ['import', 'mbox', mbox, '--json']);
  const result = JSON.parse(mail.stdout);
  const size = (await import('node:fs')).statSync(mbox).size;
  report(`\`kith import mbox\` of ${messages} messages, ${(size / 2 ** 30).toFixed(2)} GiB (cold CLI, fresh SQLite; ${result.created} interactions written)`, '≥ 20,000 messages/s; peak < 300 MB', `${Math.round(messages / mail.seconds)} messages/s (${mail.seconds.toFixed(1)} s), peak ${mail.mb.toFixed(0)} MB`, 'none');
  rmSync(mbox, { force: true });
  clean(mailDb);
}
