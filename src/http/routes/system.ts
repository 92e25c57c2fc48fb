import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { KithError } from '../../domain/errors.js';
import type { Session } from '../../services/access-service.js';
import type { Kith } from '../../services/kith.js';
import type { Api } from '../api.js';
import { SESSION_COOKIE } from '../auth.js';
import { ok, token } from '../schemas.js';

const status = z.object({ setUp: z.boolean(), authenticated: z.boolean(), csrfToken: z.string().nullable() });

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, session: Session): void {
  reply.setCookie(SESSION_COOKIE, session.id, {
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    path: '/',
    expires: new Date(session.expiresAt),
  });
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Health, login and setup, tokens, settings and the calendar feed. */
export function systemRoutes(api: Api, kith: Kith, setup: { code: string | null }): void {
  api.get('/api/v1/health', { schema: { tags: ['system'], response: { 200: z.object({ status: z.literal('ok') }) } } }, async () => ({ status: 'ok' as const }));

  api.get('/api/v1/auth/status', { schema: { tags: ['auth'], summary: 'Whether a password is set and this browser is logged in; the CSRF token for changes', response: { 200: status } } }, async (req) => {
    const sessionId = req.cookies[SESSION_COOKIE];
    const session = sessionId ? await kith.access.session(sessionId) : undefined;
    return { setUp: await kith.access.hasPassword(), authenticated: Boolean(session), csrfToken: session?.csrf ?? null };
  });

  api.post('/api/v1/auth/setup', {
    schema: { tags: ['auth'], summary: 'Set the first password with the one-time code that kith serve printed', body: z.object({ code: z.string(), password: z.string() }), response: { 200: status } },
    config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
  }, async (req, reply) => {
    if (await kith.access.hasPassword()) throw new KithError('conflict', 'password_already_set', 'a password is already set; log in');
    if (!setup.code || !sameSecret(req.body.code, setup.code)) throw new KithError('unauthorized', 'invalid_setup_code', 'the setup code is not valid; use the link kith serve printed');
    await kith.access.setPassword(req.body.password);
    setup.code = null;
    const session = await kith.access.login(req.body.password);
    setSessionCookie(req, reply, session);
    return { setUp: true, authenticated: true, csrfToken: session.csrf };
  });

  api.post('/api/v1/auth/login', {
    schema: { tags: ['auth'], body: z.object({ password: z.string().max(1024) }), response: { 200: status } },
    config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
  }, async (req, reply) => {
    const session = await kith.access.login(req.body.password);
    setSessionCookie(req, reply, session);
    return { setUp: true, authenticated: true, csrfToken: session.csrf };
  });

  api.post('/api/v1/auth/logout', { schema: { tags: ['auth'], response: { 200: ok } } }, async (req, reply) => {
    if (req.caller?.sessionId) await kith.access.logout(req.caller.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  api.post('/api/v1/auth/password', { schema: { tags: ['auth'], summary: 'Change the password; every session ends', body: z.object({ current: z.string(), password: z.string() }), response: { 200: ok } } }, async (req, reply) => {
    await kith.access.setPassword(req.body.password, req.body.current);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  api.get('/api/v1/tokens', { schema: { tags: ['tokens'], response: { 200: z.array(token) } } }, () => kith.access.tokens());
  api.post('/api/v1/tokens', {
    schema: { tags: ['tokens'], summary: 'Create a token; its secret is shown this once', body: z.object({ name: z.string(), scope: z.enum(['api', 'feed']).default('api') }), response: { 201: token.extend({ token: z.string() }) } },
  }, async (req, reply) => {
    reply.status(201);
    return kith.access.createToken(req.body.name, req.body.scope);
  });
  api.delete('/api/v1/tokens/:ref', { schema: { tags: ['tokens'], params: z.object({ ref: z.string() }), response: { 200: token } } }, (req) => kith.access.revokeToken(req.params.ref));

  api.get('/api/v1/settings', { schema: { tags: ['settings'], response: { 200: z.record(z.string(), z.string()) } } }, () => kith.settings.all());
  api.put('/api/v1/settings/:key', { schema: { tags: ['settings'], params: z.object({ key: z.string() }), body: z.object({ value: z.string() }), response: { 200: z.object({ key: z.string(), value: z.string() }) } } }, (req) =>
    kith.settings.set(req.params.key, req.body.value),
  );
  api.delete('/api/v1/settings/:key', { schema: { tags: ['settings'], params: z.object({ key: z.string() }), response: { 200: ok } } }, async (req) => {
    await kith.settings.unset(req.params.key);
    return { ok: true as const };
  });

  api.get('/api/v1/calendar.ics', { schema: { tags: ['keep in touch'], summary: 'Birthdays, reminders and due contacts as iCalendar' } }, async (_req, reply) => {
    reply.header('content-type', 'text/calendar; charset=utf-8');
    return kith.calendar.export();
  });

  // The feed's secret is in its URL, so calendar apps can subscribe without a login.
  api.get('/feeds/:file', { schema: { hide: true, params: z.object({ file: z.string() }) } }, async (req, reply) => {
    const match = /^(.+)\.ics$/.exec(req.params.file);
    const feed = match ? await kith.access.authenticate(match[1]!, 'feed') : undefined;
    if (!feed) throw new KithError('not_found', 'feed_not_found', 'no feed at this address');
    reply.header('content-type', 'text/calendar; charset=utf-8');
    reply.header('cache-control', 'private, max-age=300');
    return kith.calendar.export();
  });
}
