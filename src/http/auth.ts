import type { FastifyReply, FastifyRequest } from 'fastify';
import { KithError } from '../domain/errors.js';
import type { Kith } from '../services/kith.js';

export const SESSION_COOKIE = 'kith_session';
export const CSRF_HEADER = 'x-csrf-token';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Routes anyone may call: health, and what it takes to log in. */
const PUBLIC = new Set(['/api/v1/health', '/api/v1/auth/status', '/api/v1/auth/login', '/api/v1/auth/setup']);

export interface Caller {
  kind: 'session' | 'token';
  sessionId?: string;
  tokenId?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller?: Caller;
  }
}

/**
 * Every API route but the public ones needs a bearer token (scripts) or the session
 * cookie (the web app). A cookie is sent by the browser on its own, so a change made
 * with one must also carry the session's CSRF token in a header.
 */
export function authHook(kith: Kith) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const path = request.url.split('?')[0]!;
    if (!path.startsWith('/api/') || PUBLIC.has(path)) return;
    const header = request.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const token = match ? await kith.access.authenticate(match[1]!, 'api') : undefined;
      if (!token) throw new KithError('unauthorized', 'invalid_token', 'the bearer token is not valid (create one with kith token create)');
      request.caller = { kind: 'token', tokenId: token.id };
      return;
    }
    const sessionId = request.cookies[SESSION_COOKIE];
    const session = sessionId ? await kith.access.session(sessionId) : undefined;
    if (!sessionId || !session) throw new KithError('unauthorized', 'not_logged_in', 'log in first, or send a bearer token');
    if (UNSAFE.has(request.method) && request.headers[CSRF_HEADER] !== session.csrf) {
      throw new KithError('forbidden', 'csrf_token_mismatch', `a change made with the session cookie needs the ${CSRF_HEADER} header from /api/v1/auth/status`);
    }
    request.caller = { kind: 'session', sessionId };
  };
}
