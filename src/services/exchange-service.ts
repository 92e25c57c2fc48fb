import { parseDate } from '../domain/dates.js';
import { notFound } from '../domain/errors.js';
import { balanceOf, parseExchangeDirection, parseExchangeKind, type Balance, type Exchange } from '../domain/exchange.js';
import { newId } from '../domain/ids.js';
import { inTransaction, readRepositories } from '../store/repositories.js';
import type { ServiceContext } from './context.js';
import { resolvePersonId } from './person-refs.js';

export interface ExchangeDraft {
  person: string;
  direction: string;
  kind?: string;
  description?: string | null;
  on?: string;
}

/** Give and ask: what you gave each person, what you asked of them or received. */
export class ExchangeService {
  constructor(private readonly ctx: ServiceContext) {}

  async add(draft: ExchangeDraft): Promise<Exchange> {
    const now = this.ctx.now();
    const direction = parseExchangeDirection(draft.direction);
    const kind = parseExchangeKind(draft.kind);
    const occurredOn = draft.on ? parseDate(draft.on, 'on', now) : now.toISOString().slice(0, 10);
    return inTransaction(this.ctx.store, async (repos) => {
      const exchange: Exchange = { id: newId(), personId: await resolvePersonId(repos, draft.person), direction, kind, description: draft.description?.trim() || null, occurredOn };
      await repos.exchanges.insert(exchange, now.toISOString());
      return exchange;
    });
  }

  async list(person?: string, limit = 100): Promise<Exchange[]> {
    const repos = readRepositories(this.ctx.store);
    return repos.exchanges.listFor(person ? await resolvePersonId(repos, person, { includeArchived: true }) : null, limit);
  }

  async balance(person: string): Promise<Balance> {
    const repos = readRepositories(this.ctx.store);
    const id = await resolvePersonId(repos, person, { includeArchived: true });
    return balanceOf((await repos.exchanges.counts([id])).get(id) ?? {});
  }

  async remove(id: string): Promise<void> {
    if (!(await readRepositories(this.ctx.store).exchanges.delete(id))) throw notFound('exchange', id);
  }
}
