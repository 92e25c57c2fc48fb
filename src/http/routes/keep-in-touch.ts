import { z } from 'zod';
import type { Routes } from '../api.js';
import { ok, page, person, reminder, todayQueue } from '../schemas.js';

const refParam = z.object({ ref: z.string().min(1) });
const idParam = z.object({ id: z.string().min(1) });
const snoozed = z.object({ person, until: z.string() });

/** Today's queue, reminders, cadences, tiers and statistics. */
export const keepInTouchRoutes: Routes = (api, kith) => {
  api.get('/api/v1/today', { schema: { tags: ['keep in touch'], summary: "Whom to contact today, and why", querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(10) }), response: { 200: todayQueue } } }, (req) =>
    kith.today.queue(req.query.limit),
  );
  api.post('/api/v1/today/:ref/done', { schema: { tags: ['keep in touch'], summary: 'Log a contact and clear the entry', params: refParam, body: z.object({ kind: z.string().optional(), summary: z.string().optional() }).default({}), response: { 200: person } } }, (req) =>
    kith.today.done(req.params.ref, req.body),
  );
  api.post('/api/v1/today/:ref/snooze', { schema: { tags: ['keep in touch'], params: refParam, body: z.object({ for: z.string().default('1w') }).default({ for: '1w' }), response: { 200: snoozed } } }, (req) =>
    kith.today.snooze(req.params.ref, req.body.for),
  );
  api.post('/api/v1/today/:ref/skip', { schema: { tags: ['keep in touch'], params: refParam, response: { 200: snoozed } } }, (req) => kith.today.skip(req.params.ref));
  api.get('/api/v1/dormant', {
    schema: {
      tags: ['keep in touch'],
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(20) }),
      response: { 200: z.array(z.object({ personId: z.string(), score: z.number(), yearsSilent: z.number(), pastStrength: z.number(), matchedInterests: z.array(z.string()), why: z.string(), person })) },
    },
  }, (req) => kith.today.dormant(req.query.limit));

  api.get('/api/v1/reminders', { schema: { tags: ['reminders'], summary: 'Reminders, soonest first, a page at a time', querystring: z.object({ about: z.string().optional(), all: z.stringbool().optional(), limit: z.coerce.number().int().min(1).max(1000).default(100), cursor: z.string().optional() }), response: { 200: page(reminder) } } }, (req) =>
    kith.reminders.page(req.query),
  );
  api.post('/api/v1/reminders', {
    schema: { tags: ['reminders'], body: z.object({ title: z.string(), about: z.string().optional(), at: z.string().optional(), in: z.string().optional(), rrule: z.string().optional(), kind: z.enum(['reminder', 'follow_up']).optional() }), response: { 201: reminder } },
  }, async (req, reply) => {
    reply.status(201);
    return kith.reminders.add(req.body);
  });
  api.post('/api/v1/reminders/:id/done', { schema: { tags: ['reminders'], params: idParam, response: { 200: reminder } } }, (req) => kith.reminders.done(req.params.id));
  api.post('/api/v1/reminders/:id/snooze', { schema: { tags: ['reminders'], params: idParam, body: z.object({ for: z.string() }), response: { 200: reminder } } }, (req) => kith.reminders.snooze(req.params.id, req.body.for));
  api.delete('/api/v1/reminders/:id', { schema: { tags: ['reminders'], params: idParam, response: { 200: reminder } } }, (req) => kith.reminders.remove(req.params.id));

  const rule = z.object({ scope: z.enum(['tier', 'tag', 'person']), target: z.string(), idealDays: z.number().nullable(), maxDays: z.number().nullable(), label: z.string(), isDefault: z.boolean() });
  const target = z.object({ tier: z.string().optional(), tag: z.string().optional(), person: z.string().optional() });
  api.get('/api/v1/cadences', { schema: { tags: ['keep in touch'], response: { 200: z.array(rule) } } }, () => kith.cadences.list());
  api.put('/api/v1/cadences', { schema: { tags: ['keep in touch'], summary: 'Set a cadence for a tier, a tag or a person', body: target.extend({ every: z.string(), max: z.string().optional() }), response: { 200: rule } } }, (req) => {
    const { every, max, ...t } = req.body;
    return kith.cadences.set(t, every, max);
  });
  api.delete('/api/v1/cadences', { schema: { tags: ['keep in touch'], querystring: target, response: { 200: ok } } }, async (req) => {
    await kith.cadences.reset(req.query);
    return { ok: true as const };
  });

  const proposal = z.object({ personId: z.string(), name: z.string(), strength: z.number(), current: z.string().nullable(), suggested: z.string().nullable() });
  api.get('/api/v1/tiers/suggestions', { schema: { tags: ['keep in touch'], response: { 200: z.array(proposal) } } }, () => kith.tiers.suggest());
  api.post('/api/v1/tiers/accept', { schema: { tags: ['keep in touch'], body: z.object({ people: z.array(z.string()).default([]) }), response: { 200: z.array(person) } } }, (req) => kith.tiers.accept(req.body.people));

  api.post('/api/v1/strength/recompute', { schema: { tags: ['keep in touch'], summary: 'Recompute every tie strength from the interactions', response: { 200: z.object({ people: z.number(), interactions: z.number() }) } } }, () =>
    kith.strength.recomputeAll(),
  );
  api.get('/api/v1/digest', { schema: { tags: ['keep in touch'], summary: 'The weekly digest as Markdown or HTML', querystring: z.object({ format: z.enum(['md', 'html']).default('md') }) } }, async (req, reply) => {
    reply.header('content-type', req.query.format === 'html' ? 'text/html; charset=utf-8' : 'text/markdown; charset=utf-8');
    return kith.digest.render(req.query.format);
  });
  api.post('/api/v1/demo', {
    schema: {
      tags: ['network'],
      summary: 'Fill an empty database with a reproducible demo network',
      body: z.object({ people: z.number().int().min(1).max(100_000).default(500), interactions: z.number().int().min(0).max(2_000_000).optional(), seed: z.string().max(100).optional() }),
      response: { 200: z.object({ people: z.number(), interactions: z.number(), seed: z.string(), seconds: z.number() }) },
    },
  }, (req) => kith.demo.generate(req.body));

  api.get('/api/v1/stats', { schema: { tags: ['network'], querystring: z.object({ windowDays: z.coerce.number().int().min(1).max(3650).default(30) }), response: { 200: z.record(z.string(), z.unknown()) } } }, (req) =>
    kith.stats.stats(req.query.windowDays) as unknown as Promise<Record<string, unknown>>,
  );
};
