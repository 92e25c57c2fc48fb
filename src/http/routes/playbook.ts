import { z } from 'zod';
import { audienceFilterSchema } from '../../domain/audience.js';
import type { Routes } from '../api.js';
import { interaction, note, person, reminder } from '../schemas.js';

const audience = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    filter: z.object({
      tags: z.array(z.string()),
      organizations: z.array(z.string()),
      titles: z.array(z.string()),
      industries: z.array(z.string()),
      locations: z.array(z.string()),
      tiers: z.array(z.string()),
      minStrength: z.number().nullable(),
      maxStrength: z.number().nullable(),
      text: z.string().nullable(),
    }),
    createdAt: z.string(),
  })
  .meta({ id: 'Audience' });

const coverage = z
  .object({
    people: z.number(),
    bands: z.object({ strong: z.number(), medium: z.number(), weak: z.number(), none: z.number() }),
    organizationsWithoutStrongTie: z.array(z.object({ organizationId: z.string(), name: z.string(), people: z.number(), bestStrength: z.number() })),
    meetNext: z.array(z.object({ personId: z.string(), name: z.string(), organization: z.string().nullable(), strength: z.number() })),
  })
  .meta({ id: 'Coverage' });

const goal = z
  .object({
    id: z.string(),
    title: z.string(),
    why: z.string().nullable(),
    targetDate: z.string().nullable(),
    status: z.string(),
    createdAt: z.string(),
    doneAt: z.string().nullable(),
    audience: z.object({ id: z.string(), name: z.string() }).nullable(),
    keyResults: z.array(z.object({ id: z.string(), metric: z.string(), target: z.number(), period: z.string(), label: z.string(), current: z.number(), fraction: z.number(), done: z.boolean() })),
    progress: z.number(),
  })
  .meta({ id: 'Goal' });

const ref = z.object({ ref: z.string().min(1) });

const event = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.string(),
    startsOn: z.string(),
    place: z.string().nullable(),
    link: z.string().nullable(),
    status: z.string(),
    pitch: z.string().nullable(),
    createdAt: z.string(),
    attendees: z.array(z.object({ person: z.object({ id: z.string(), name: z.string(), company: z.string().nullable() }), role: z.string() })),
  })
  .meta({ id: 'Event' });

const briefEntry = z.object({
  person: person,
  role: z.string(),
  strength: z.number(),
  lastInteractions: z.array(interaction),
  notes: z.array(note),
  sharedInterests: z.array(z.string()),
  openItems: z.array(reminder),
  talkingPoints: z.array(z.string()),
});

/** Goals and target audiences. */
export const playbookRoutes: Routes = (api, kith) => {
  api.get('/api/v1/goals', { schema: { tags: ['playbook'], querystring: z.object({ status: z.enum(['active', 'done']).optional() }), response: { 200: z.array(goal) } } }, (req) => kith.goals.list(req.query.status));
  api.post('/api/v1/goals', {
    schema: {
      tags: ['playbook'],
      summary: 'Add a goal; key results like meet:10, interactions:3/month, introductions:2',
      body: z.object({ title: z.string(), why: z.string().nullish(), by: z.string().nullish(), keyResults: z.array(z.string()).max(20).default([]), audience: z.string().nullish() }),
      response: { 201: goal },
    },
  }, async (req, reply) => {
    reply.status(201);
    return kith.goals.add(req.body);
  });
  api.get('/api/v1/goals/:ref', { schema: { tags: ['playbook'], params: ref, response: { 200: goal } } }, (req) => kith.goals.show(req.params.ref));
  api.post('/api/v1/goals/:ref/done', { schema: { tags: ['playbook'], params: ref, response: { 200: goal } } }, (req) => kith.goals.done(req.params.ref));
  api.put('/api/v1/goals/:ref/audience', { schema: { tags: ['playbook'], params: ref, body: z.object({ audience: z.string().nullable() }), response: { 200: goal } } }, (req) => kith.goals.link(req.params.ref, req.body.audience));

  api.get('/api/v1/audiences', { schema: { tags: ['playbook'], response: { 200: z.array(audience) } } }, () => kith.audiences.list());
  api.post('/api/v1/audiences', {
    schema: { tags: ['playbook'], summary: 'Save an audience: people matching every criterion given', body: z.object({ name: z.string(), description: z.string().nullish(), filter: audienceFilterSchema.partial() }), response: { 201: audience } },
  }, async (req, reply) => {
    reply.status(201);
    return kith.audiences.add(req.body);
  });
  api.get('/api/v1/audiences/:ref', { schema: { tags: ['playbook'], summary: 'An audience and your coverage of it', params: ref, querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(10) }), response: { 200: z.object({ audience, coverage }) } } }, (req) =>
    kith.audiences.show(req.params.ref, req.query.limit),
  );

  api.get('/api/v1/events', { schema: { tags: ['playbook'], response: { 200: z.array(event) } } }, () => kith.events.list());
  api.post('/api/v1/events', {
    schema: {
      tags: ['playbook'],
      summary: 'Plan an event',
      body: z.object({ name: z.string(), on: z.string(), kind: z.string().optional(), place: z.string().nullish(), link: z.string().nullish(), status: z.string().optional(), pitch: z.string().nullish(), attendees: z.array(z.string()).default([]), wantToMeet: z.array(z.string()).default([]) }),
      response: { 201: event },
    },
  }, async (req, reply) => {
    reply.status(201);
    return kith.events.add(req.body);
  });
  api.get('/api/v1/events/:ref', { schema: { tags: ['playbook'], params: ref, response: { 200: event } } }, (req) => kith.events.show(req.params.ref));
  api.patch('/api/v1/events/:ref', { schema: { tags: ['playbook'], params: ref, body: z.object({ status: z.string().optional(), pitch: z.string().nullish() }), response: { 200: event } } }, (req) => kith.events.update(req.params.ref, req.body));
  api.post('/api/v1/events/:ref/attendees', {
    schema: { tags: ['playbook'], params: ref, body: z.object({ people: z.array(z.string()).min(1), role: z.enum(['attending', 'want_to_meet']).default('attending') }), response: { 200: event } },
  }, (req) => kith.events.attend(req.params.ref, req.body.people, req.body.role));
  api.get('/api/v1/events/:ref/brief', { schema: { tags: ['playbook'], summary: 'The prep brief: attendees with interactions, notes, shared interests, open items and talking points', params: ref, response: { 200: z.object({ event, pitch: z.string().nullable(), attendees: z.array(briefEntry) }) } } }, (req) =>
    kith.events.brief(req.params.ref),
  );
  api.post('/api/v1/events/:ref/capture', {
    schema: {
      tags: ['playbook'],
      summary: 'Add the people you met, each with a follow-up reminder',
      params: ref,
      body: z.object({ people: z.array(z.object({ name: z.string(), company: z.string().nullish(), line: z.string().nullish() })).min(1).max(200), followUpIn: z.string().default('2d') }),
      response: { 200: z.object({ event, people: z.array(person), reminders: z.array(reminder) }) },
    },
  }, (req) => kith.events.capture(req.params.ref, req.body.people, req.body.followUpIn));

  const exchange = z.object({ id: z.string(), personId: z.string(), direction: z.string(), kind: z.string(), description: z.string().nullable(), occurredOn: z.string() }).meta({ id: 'Exchange' });
  const balance = z.object({ gave: z.number(), asked: z.number(), received: z.number(), balance: z.number() }).meta({ id: 'Balance' });
  api.get('/api/v1/exchanges', { schema: { tags: ['playbook'], summary: 'The give-and-ask ledger', querystring: z.object({ person: z.string().optional(), limit: z.coerce.number().int().min(1).max(1000).default(100) }), response: { 200: z.array(exchange) } } }, (req) =>
    kith.exchanges.list(req.query.person, req.query.limit),
  );
  api.post('/api/v1/exchanges', {
    schema: { tags: ['playbook'], body: z.object({ person: z.string(), direction: z.string(), kind: z.string().optional(), description: z.string().nullish(), on: z.string().optional() }), response: { 201: exchange } },
  }, async (req, reply) => {
    reply.status(201);
    return kith.exchanges.add(req.body);
  });
  api.delete('/api/v1/exchanges/:id', { schema: { tags: ['playbook'], params: z.object({ id: z.string() }), response: { 200: z.object({ ok: z.literal(true) }) } } }, async (req) => {
    await kith.exchanges.remove(req.params.id);
    return { ok: true as const };
  });
  api.get('/api/v1/people/:ref/balance', { schema: { tags: ['playbook'], params: ref, response: { 200: balance } } }, (req) => kith.exchanges.balance(req.params.ref));

  api.get('/api/v1/drafts', { schema: { tags: ['playbook'], summary: 'Message templates', response: { 200: z.array(z.object({ template: z.string(), label: z.string() })) } } }, async () => kith.drafts.templates());
  api.get('/api/v1/people/:ref/drafts/:template', {
    schema: { tags: ['playbook'], summary: 'A message drafted for this person from a template', params: ref.extend({ template: z.string() }), querystring: z.object({ event: z.string().optional(), topic: z.string().optional() }), response: { 200: z.object({ template: z.string(), subject: z.string(), body: z.string(), to: z.string().nullable() }) } },
  }, (req) => kith.drafts.draft(req.params.template, req.params.ref, req.query));
};
