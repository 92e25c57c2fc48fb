import { z } from 'zod';
import type { Routes } from '../api.js';
import { ok } from '../schemas.js';

const personRef = z.object({ id: z.string(), name: z.string() });
const opportunity = z
  .object({
    id: z.string(),
    title: z.string(),
    kind: z.string(),
    stage: z.string(),
    organization: z.object({ id: z.string(), name: z.string() }).nullable(),
    goalId: z.string().nullable(),
    nextStep: z.string().nullable(),
    dueOn: z.string().nullable(),
    people: z.array(personRef),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Opportunity' });
const introduction = z
  .object({ id: z.string(), a: personRef, b: personRef, why: z.string().nullable(), status: z.string(), outcome: z.string().nullable(), messages: z.object({ askA: z.string(), introduction: z.string() }), updatedAt: z.string() })
  .meta({ id: 'Introduction' });
const mentorship = z
  .object({ id: z.string(), person: personRef, role: z.string(), focus: z.string().nullable(), startedOn: z.string(), endedOn: z.string().nullable(), sessions: z.number(), lastSession: z.string().nullable() })
  .meta({ id: 'Mentorship' });
const brandItem = z
  .object({ id: z.string(), kind: z.string(), title: z.string(), body: z.string().nullable(), audience: z.string().nullable(), url: z.string().nullable(), publishedOn: z.string().nullable(), active: z.boolean(), engaged: z.array(personRef) })
  .meta({ id: 'BrandItem' });
const id = z.object({ id: z.string() });

/** Opportunities, introductions, mentorships, personal brand and support circle. */
export const careerRoutes: Routes = (api, kith) => {
  api.get('/api/v1/opportunities', { schema: { tags: ['career'], response: { 200: z.array(opportunity) } } }, () => kith.career.opportunities());
  api.post('/api/v1/opportunities', {
    schema: { tags: ['career'], body: z.object({ title: z.string(), kind: z.string().optional(), stage: z.string().optional(), organization: z.string().nullish(), goal: z.string().nullish(), nextStep: z.string().nullish(), due: z.string().nullish(), people: z.array(z.string()).default([]) }), response: { 201: opportunity } },
  }, async (req, reply) => {
    reply.status(201);
    return kith.career.addOpportunity(req.body);
  });
  api.patch('/api/v1/opportunities/:id', { schema: { tags: ['career'], summary: 'Move to another stage, or change the next step', params: id, body: z.object({ stage: z.string().optional(), nextStep: z.string().nullish(), due: z.string().nullish() }), response: { 200: opportunity } } }, (req) =>
    kith.career.moveOpportunity(req.params.id, req.body),
  );

  api.get('/api/v1/introductions', { schema: { tags: ['career'], response: { 200: z.object({ made: z.array(introduction), received: z.array(z.object({ person: personRef, by: personRef })) }) } } }, async () => ({
    made: await kith.career.introductions(),
    received: await kith.career.introducedToYou(),
  }));
  api.post('/api/v1/introductions', { schema: { tags: ['career'], summary: 'Propose an introduction; the double opt-in messages come back drafted', body: z.object({ a: z.string(), b: z.string(), why: z.string().nullish() }), response: { 201: introduction } } }, async (req, reply) => {
    reply.status(201);
    return kith.career.proposeIntroduction(req.body);
  });
  api.patch('/api/v1/introductions/:id', { schema: { tags: ['career'], params: id, body: z.object({ status: z.string().optional(), outcome: z.string().nullish() }), response: { 200: introduction } } }, (req) => kith.career.updateIntroduction(req.params.id, req.body));

  api.get('/api/v1/mentorships', { schema: { tags: ['career'], response: { 200: z.array(mentorship) } } }, () => kith.career.mentorships());
  api.post('/api/v1/mentorships', {
    schema: { tags: ['career'], body: z.object({ person: z.string(), role: z.string(), focus: z.string().nullish(), every: z.string().optional(), since: z.string().nullish() }), response: { 201: mentorship } },
  }, async (req, reply) => {
    reply.status(201);
    return kith.career.addMentorship(req.body);
  });
  api.post('/api/v1/mentorships/:id/end', { schema: { tags: ['career'], params: id, response: { 200: mentorship } } }, (req) => kith.career.endMentorship(req.params.id));

  api.get('/api/v1/brand', { schema: { tags: ['career'], summary: 'Pitches, offers, asks and the content log', response: { 200: z.array(brandItem) } } }, () => kith.career.brand());
  api.post('/api/v1/brand', {
    schema: { tags: ['career'], body: z.object({ kind: z.string(), title: z.string(), body: z.string().nullish(), audience: z.string().nullish(), url: z.string().nullish(), on: z.string().nullish(), engaged: z.array(z.string()).default([]) }), response: { 201: brandItem } },
  }, async (req, reply) => {
    reply.status(201);
    return kith.career.addBrandItem(req.body);
  });
  api.post('/api/v1/brand/:id/engaged', { schema: { tags: ['career'], params: id, body: z.object({ people: z.array(z.string()).min(1) }), response: { 200: brandItem } } }, (req) => kith.career.engage(req.params.id, req.body.people));
  api.delete('/api/v1/brand/:id', { schema: { tags: ['career'], summary: 'Retire an item', params: id, response: { 200: ok } } }, async (req) => {
    await kith.career.retireBrandItem(req.params.id);
    return { ok: true as const };
  });

  api.get('/api/v1/support-circle', { schema: { tags: ['career'], response: { 200: z.array(personRef) } } }, () => kith.career.supportCircle());
  api.post('/api/v1/support-circle', { schema: { tags: ['career'], body: z.object({ people: z.array(z.string()).min(1), remove: z.boolean().default(false) }), response: { 200: z.array(personRef) } } }, (req) =>
    kith.career.support(req.body.people, req.body.remove),
  );

};
