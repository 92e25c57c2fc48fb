import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { KithError } from './domain/errors.js';

/**
 * Where Kith keeps its data, decided once: flag, then environment, then the config
 * file ($XDG_CONFIG_HOME/kith/config.json), then the default file in the XDG data dir.
 */
const configFileSchema = z
  .object({
    db: z.string().min(1).optional(),
  })
  .strict();

export interface KithConfig {
  db: string;
  configFile: string;
}

export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'kith');
}

export function configFilePath(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'kith', 'config.json');
}

function readConfigFile(path: string): z.infer<typeof configFileSchema> {
  if (!existsSync(path)) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new KithError('validation', 'invalid_config', `config file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = configFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new KithError('validation', 'invalid_config', `config file ${path}: ${issue.path.join('.') || 'value'}: ${issue.message}`);
  }
  return parsed.data;
}

export function resolveConfig(flags: { db?: string | undefined }, env: NodeJS.ProcessEnv = process.env): KithConfig {
  const configFile = configFilePath(env);
  const file = flags.db || env.KITH_DB ? {} : readConfigFile(configFile);
  const db = flags.db || env.KITH_DB || file.db || join(dataDir(env), 'kith.db');
  return { db, configFile };
}
