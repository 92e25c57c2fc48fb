import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN } from './cli-runner.js';

export interface RunningServer {
  url: string;
  setupUrl: string | null;
  dir: string;
  db: string;
  kith: (...args: string[]) => string;
  stop: () => Promise<void>;
}

/** Starts a real `kith serve` on a free port and a temporary database, seeded by the CLI first. */
export async function startServer(seed: (kith: (...args: string[]) => string) => void = () => {}): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'kith-web-'));
  const db = join(dir, 'kith.db');
  const env = { ...process.env, KITH_DB: db, XDG_CONFIG_HOME: join(dir, 'config') };
  const kith = (...args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env });
    if (r.status !== 0) throw new Error(`kith ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
  seed(kith);
  const child: ChildProcess = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const { url, setupUrl } = await new Promise<{ url: string; setupUrl: string | null }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`kith serve did not start: ${out} ${err}`)), 20_000);
    child.stdout!.on('data', (d: Buffer) => {
      const first = !/running at /.test(out);
      out += d.toString();
      // The setup line, when there is one, is printed right after the first.
      if (first && /running at /.test(out)) {
        clearTimeout(timer);
        setTimeout(() => resolve({ url: /running at (\S+)/.exec(out)![1]!, setupUrl: /open (\S+\/setup\?code=\S+)/.exec(out)?.[1] ?? null }), 200);
      }
    });
    child.once('exit', (code) => reject(new Error(`kith serve exited with ${code}: ${err}`)));
  });
  return {
    url,
    setupUrl,
    dir,
    db,
    kith,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
