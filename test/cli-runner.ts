import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { expect } from 'vitest';

export const BIN = join(import.meta.dirname, '..', 'bin', 'kith.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real kith binary against one test database, with its own config dir. */
export function cliRunner(paths: () => { dir: string; db: string }) {
  const run = (args: string[], env: Record<string, string> = {}): CliResult => {
    const { dir, db } = paths();
    const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, KITH_DB: db, XDG_CONFIG_HOME: join(dir, 'config'), ...env } });
    return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  };
  const json = <T>(args: string[]): T => {
    const r = run([...args, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout) as T;
  };
  return { run, json };
}

/** Resolves once a query on a database another process is writing returns at least `min`. */
export function waitForCount(dbPath: string, query: string, min: number): Promise<void> {
  return new Promise((resolve) => {
    const poll = setInterval(() => {
      try {
        const probe = new BetterSqlite3(dbPath, { readonly: true, fileMustExist: true });
        const n = (probe.prepare(query).get() as { n: number }).n;
        probe.close();
        if (n >= min) {
          clearInterval(poll);
          resolve();
        }
      } catch {
        // not created yet, or busy
      }
    }, 20);
  });
}
