import { assertSettingKey, normalizeSetting, SETTING_KEYS, type SettingKey } from '../domain/settings.js';
import { inTransaction, readRepositories, type Repositories } from '../store/repositories.js';
import type { ServiceContext } from './context.js';

export async function phoneRegion(repos: Repositories): Promise<string> {
  return (await repos.settings.get('region')) ?? 'US';
}

export class SettingsService {
  constructor(private readonly ctx: ServiceContext) {}

  async all(): Promise<Record<string, string>> {
    return readRepositories(this.ctx.store).settings.all();
  }

  async get(key: string): Promise<string | undefined> {
    return readRepositories(this.ctx.store).settings.get(assertSettingKey(key));
  }

  async set(key: string, value: string): Promise<{ key: SettingKey; value: string }> {
    const [k, v] = normalizeSetting(key, value);
    await inTransaction(this.ctx.store, (repos) => repos.settings.set(k, v));
    return { key: k, value: v };
  }

  async unset(key: string): Promise<void> {
    const k = assertSettingKey(key);
    await inTransaction(this.ctx.store, (repos) => repos.settings.delete(k));
  }

  keys(): typeof SETTING_KEYS {
    return SETTING_KEYS;
  }
}
