import type { Command } from 'commander';
import { resolveConfig } from '../config.js';
import { createKith, type Kith } from '../services/kith.js';
import { openStore } from '../store/connect.js';
import type { Output } from './output.js';

export interface GlobalOptions {
  db?: string;
  json?: boolean;
}

export function globalOptions(command: Command): GlobalOptions {
  return command.optsWithGlobals() as GlobalOptions;
}

export function outputFor(command: Command): Output {
  return {
    json: Boolean(globalOptions(command).json),
    out: (text) => process.stdout.write(text + '\n'),
    err: (text) => process.stderr.write(text + '\n'),
  };
}

/** Opens the configured database, runs one command against it, and always closes it. */
export async function withKith<T>(command: Command, fn: (kith: Kith, output: Output) => Promise<T>): Promise<T> {
  const config = resolveConfig({ db: globalOptions(command).db }, process.env);
  const kith = createKith(await openStore(config.db));
  try {
    return await fn(kith, outputFor(command));
  } finally {
    await kith.close();
  }
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function integer(value: string): number {
  const n = Number(value);
  // Let the services reject it with the field's name; NaN keeps the raw text visible.
  return Number.isFinite(n) ? n : (value as unknown as number);
}
