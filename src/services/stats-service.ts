import type { StoreCounts } from '../store/stats-repository.js';
import { readRepositories } from '../store/repositories.js';
import type { ServiceContext } from './context.js';

export interface NetworkStats extends StoreCounts {
  windowDays: number;
}

export class StatsService {
  constructor(private readonly ctx: ServiceContext) {}

  async stats(windowDays = 30): Promise<NetworkStats> {
    const since = new Date(this.ctx.now().getTime() - windowDays * 86_400_000).toISOString();
    const counts = await readRepositories(this.ctx.store).stats.counts(since);
    return { ...counts, windowDays };
  }
}
