import { createHash, randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { invalid, KithError, notFound } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import { readRepositories, inTransaction } from '../store/repositories.js';
import type { TokenRow } from '../store/access-repository.js';
import type { ServiceContext } from './context.js';

const SESSION_DAYS = 30;
const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 64 };
export const TOKEN_SCOPES = ['api', 'feed'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

function scrypt(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scryptCallback(password, salt, keylen, options, (error, key) => (error ? reject(error) : resolve(key))));
}

/** Tokens and session ids carry 256 random bits, so a fast hash is enough to store them. */
export function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

function secret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, SCRYPT.keylen, SCRYPT);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return timingSafeEqual(key, expected);
}

function checkPassword(password: string): void {
  if (typeof password !== 'string' || password.length < 8) throw invalid('password', '…', 'use at least 8 characters');
  if (password.length > 1024) throw invalid('password', '…', 'use at most 1024 characters');
}

export interface Session {
  id: string;
  csrf: string;
  expiresAt: string;
}

/** The owner's password, browser sessions and named tokens for scripts and feeds. */
export class AccessService {
  constructor(private readonly ctx: ServiceContext) {}

  async hasPassword(): Promise<boolean> {
    return (await readRepositories(this.ctx.store).access.passwordHash()) !== undefined;
  }

  /** Sets the first password; changing it later needs the current one. Every session ends. */
  async setPassword(password: string, current?: string): Promise<void> {
    checkPassword(password);
    const repos = readRepositories(this.ctx.store);
    const stored = await repos.access.passwordHash();
    if (stored !== undefined && (current === undefined || !(await verifyPassword(current, stored)))) {
      throw new KithError('unauthorized', 'wrong_password', 'the current password is wrong');
    }
    const hash = await hashPassword(password);
    await inTransaction(this.ctx.store, async (r) => {
      if (stored === undefined && (await r.access.passwordHash()) !== undefined) throw new KithError('conflict', 'password_already_set', 'a password is already set');
      await r.access.setPasswordHash(hash, this.ctx.now().toISOString());
      await r.access.deleteSessions();
    });
  }

  async login(password: string): Promise<Session> {
    const repos = readRepositories(this.ctx.store);
    const stored = await repos.access.passwordHash();
    if (stored === undefined) throw new KithError('conflict', 'no_password', 'no password is set yet: open the setup link that kith serve printed');
    if (typeof password !== 'string' || !(await verifyPassword(password, stored))) throw new KithError('unauthorized', 'wrong_password', 'wrong password');
    const now = this.ctx.now();
    const session = { id: secret(), csrf: secret(), expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString() };
    await repos.access.deleteSessions(now.toISOString());
    await repos.access.insertSession(digest(session.id), session.csrf, now.toISOString(), session.expiresAt);
    return session;
  }

  async session(id: string): Promise<{ csrf: string; expiresAt: string } | undefined> {
    return readRepositories(this.ctx.store).access.session(digest(id), this.ctx.now().toISOString());
  }

  async logout(id: string): Promise<void> {
    await readRepositories(this.ctx.store).access.deleteSession(digest(id));
  }

  /** A new token; its secret is returned this once and never stored. */
  async createToken(name: string, scope: string = 'api'): Promise<TokenRow & { token: string }> {
    const clean = typeof name === 'string' ? name.trim() : '';
    if (!clean || clean.length > 100) throw invalid('name', name, 'give the token a name of 1 to 100 characters');
    if (!(TOKEN_SCOPES as readonly string[]).includes(scope)) throw invalid('scope', scope, `expected one of ${TOKEN_SCOPES.join(', ')}`);
    const token = secret(scope === 'feed' ? 'kithfeed_' : 'kith_');
    const now = this.ctx.now().toISOString();
    const id = newId();
    await readRepositories(this.ctx.store).access.insertToken({ id, name: clean, scope, tokenHash: digest(token), now });
    return { id, name: clean, scope, createdAt: now, lastUsedAt: null, token };
  }

  async tokens(): Promise<TokenRow[]> {
    return readRepositories(this.ctx.store).access.tokens();
  }

  /** Revokes by id, or by name when exactly one token has it. */
  async revokeToken(ref: string): Promise<TokenRow> {
    const repos = readRepositories(this.ctx.store);
    const all = await repos.access.tokens();
    const byId = all.find((t) => t.id === ref);
    const byName = all.filter((t) => t.name === ref);
    if (!byId && byName.length > 1) throw new KithError('ambiguous', 'ambiguous_token', `${byName.length} tokens are named ${JSON.stringify(ref)}; revoke one by id`, { candidates: byName.map((t) => t.id) });
    const token = byId ?? byName[0];
    if (!token) throw notFound('token', ref);
    await repos.access.deleteToken(token.id);
    return token;
  }

  /** The token's record when the secret is valid for this scope. */
  async authenticate(token: string, scope: TokenScope): Promise<TokenRow | undefined> {
    const repos = readRepositories(this.ctx.store);
    const row = await repos.access.tokenByHash(digest(token));
    if (!row || row.scope !== scope) return undefined;
    const now = this.ctx.now().toISOString();
    // Recorded at most once a minute: a busy script should not write on every call.
    if (!row.lastUsedAt || row.lastUsedAt < new Date(Date.parse(now) - 60_000).toISOString()) await repos.access.touchToken(row.id, now);
    return row;
  }
}
