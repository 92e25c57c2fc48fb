import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kith } from '../services/kith.js';

/** Lists that depend only on the data (not on the clock), so a cached answer stays right until the data changes. */
const CACHEABLE = new Set(['/api/v1/people', '/api/v1/tags', '/api/v1/organizations', '/api/v1/search']);
const MAX_ENTRIES = 500;
const MAX_BODY = 1 << 20;

declare module 'fastify' {
  interface FastifyRequest {
    cacheKey?: string;
  }
}

/**
 * Serialized answers to the list routes, keyed by URL and the store's change mark.
 * The mark is read before the answer is computed, so an answer is only ever reused
 * while nothing has changed since; any write (here, from the CLI, from an import)
 * moves the mark on. Where the store cannot tell (PostgreSQL) nothing is cached.
 */
export class ResponseCache {
  private readonly entries = new Map<string, string>();

  constructor(private readonly kith: Kith) {}

  readonly onRequest = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (request.method !== 'GET' || !CACHEABLE.has(request.url.split('?')[0]!)) return;
    const mark = this.kith.changeMark();
    if (mark === null) return;
    const key = `${mark}|${request.url}`;
    const hit = this.entries.get(key);
    if (hit === undefined) {
      request.cacheKey = key;
      return;
    }
    // Most recently used last.
    this.entries.delete(key);
    this.entries.set(key, hit);
    await reply.header('content-type', 'application/json; charset=utf-8').header('x-kith-cache', 'hit').send(hit);
  };

  readonly onSend = async (request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> => {
    if (request.cacheKey && reply.statusCode === 200 && typeof payload === 'string' && payload.length <= MAX_BODY) {
      this.entries.set(request.cacheKey, payload);
      if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    }
    return payload;
  };
}
