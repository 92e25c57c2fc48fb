import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface TokenRow {
  id: string;
  name: string;
  scope: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** The owner's password hash, sessions and tokens (by hash only). */
export class AccessRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async passwordHash(): Promise<string | undefined> {
    return (await this.db.selectFrom('account').select('password_hash').where('id', '=', 1).executeTakeFirst())?.password_hash;
  }

  async setPasswordHash(hash: string, now: string): Promise<void> {
    await this.db
      .insertInto('account')
      .values({ id: 1, password_hash: hash, created_at: now, updated_at: now })
      .onConflict((oc) => oc.column('id').doUpdateSet({ password_hash: hash, updated_at: now }))
      .execute();
  }

  async insertSession(idHash: string, csrf: string, now: string, expiresAt: string): Promise<void> {
    await this.db.insertInto('session').values({ id_hash: idHash, csrf_token: csrf, created_at: now, expires_at: expiresAt }).execute();
  }

  async session(idHash: string, now: string): Promise<{ csrf: string; expiresAt: string } | undefined> {
    const row = await this.db.selectFrom('session').select(['csrf_token', 'expires_at']).where('id_hash', '=', idHash).where('expires_at', '>', now).executeTakeFirst();
    return row ? { csrf: row.csrf_token, expiresAt: row.expires_at } : undefined;
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.db.deleteFrom('session').where('id_hash', '=', idHash).execute();
  }

  async deleteSessions(expiredBefore?: string): Promise<void> {
    let query = this.db.deleteFrom('session');
    if (expiredBefore) query = query.where('expires_at', '<=', expiredBefore);
    await query.execute();
  }

  async insertToken(row: { id: string; name: string; scope: string; tokenHash: string; now: string }): Promise<void> {
    await this.db.insertInto('api_token').values({ id: row.id, name: row.name, scope: row.scope, token_hash: row.tokenHash, created_at: row.now, last_used_at: null }).execute();
  }

  async tokenByHash(hash: string): Promise<TokenRow | undefined> {
    const r = await this.db.selectFrom('api_token').selectAll().where('token_hash', '=', hash).executeTakeFirst();
    return r ? { id: r.id, name: r.name, scope: r.scope, createdAt: r.created_at, lastUsedAt: r.last_used_at } : undefined;
  }

  async touchToken(id: string, now: string): Promise<void> {
    await this.db.updateTable('api_token').set({ last_used_at: now }).where('id', '=', id).execute();
  }

  async tokens(): Promise<TokenRow[]> {
    const rows = await this.db.selectFrom('api_token').selectAll().orderBy('created_at').orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, name: r.name, scope: r.scope, createdAt: r.created_at, lastUsedAt: r.last_used_at }));
  }

  async deleteToken(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('api_token').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
