import { z } from 'zod';
import type { Routes } from '../api.js';
import { interaction, note, page, person, personCreate, personDetail, personPatch, position, relationship, reminder, strength, cadenceState } from '../schemas.js';

const ref = z.object({ ref: z.string().min(1).describe('an id, an email or a unique name') });

/** What the people list filters on. */
const listFilters = z.object({
  tag: z.string().optional(),
  organization: z.string().optional(),
  tier: z.string().optional(),
  notContactedSince: z.string().optional(),
  includeArchived: z.stringbool().optional(),
  minStrength: z.coerce.number().min(0).max(100).optional().describe('tie strength at least this (0 to 100)'),
  maxStrength: z.coerce.number().min(0).max(100).optional().describe('tie strength at most this'),
  status: z.enum(['ok', 'due', 'overdue', 'none']).optional().describe('cadence status'),
});

export const peopleRoutes: Routes = (api, kith) => {
  api.get('/api/v1/people', {
    schema: {
      tags: ['people'],
      summary: 'List people, by name, a page at a time',
      querystring: listFilters.extend({
        limit: z.coerce.number().int().min(1).max(1000).default(50),
        cursor: z.string().optional(),
        sort: z.enum(['name', 'recent', 'added']).default('name').describe('name: A to Z; recent: last contact first; added: newest first'),
      }),
      response: { 200: page(person) },
    },
  }, (req) => kith.people.list(req.query));

  api.get('/api/v1/people/count', {
    schema: {
      tags: ['people'],
      summary: 'How many people the list with these filters holds; null with a filter by tie strength or cadence status, which are computed rather than stored',
      querystring: listFilters,
      response: { 200: z.object({ count: z.number().int().nullable() }) },
    },
  }, (req) => kith.people.count(req.query));

  api.post('/api/v1/people', { schema: { tags: ['people'], summary: 'Add a person', body: personCreate, response: { 201: person } } }, async (req, reply) => {
    reply.status(201);
    return kith.people.add(req.body);
  });

  api.get('/api/v1/people/:ref', { schema: { tags: ['people'], summary: 'A person with positions, recent interactions, notes, relationships, tie strength and cadence', params: ref, querystring: z.object({ recent: z.coerce.number().int().min(1).max(500).default(20) }), response: { 200: personDetail } } }, (req) =>
    kith.people.show(req.params.ref, req.query.recent),
  );

  api.patch('/api/v1/people/:ref', { schema: { tags: ['people'], summary: 'Edit a person', params: ref, body: personPatch, response: { 200: person } } }, (req) => kith.people.edit(req.params.ref, req.body));

  api.post('/api/v1/people/:ref/archive', { schema: { tags: ['people'], params: ref, response: { 200: person } } }, (req) => kith.people.archive(req.params.ref));
  api.post('/api/v1/people/:ref/unarchive', { schema: { tags: ['people'], params: ref, response: { 200: person } } }, (req) => kith.people.unarchive(req.params.ref));
  api.delete('/api/v1/people/:ref', { schema: { tags: ['people'], summary: 'Delete a person and everything only about them', params: ref, response: { 200: person } } }, (req) => kith.people.purge(req.params.ref));

  api.post('/api/v1/people/bulk', {
    schema: {
      tags: ['people'],
      summary: 'Tag, untag or archive several people at once',
      body: z.object({ ids: z.array(z.string()).min(1).max(10_000), addTags: z.array(z.string()).optional(), removeTags: z.array(z.string()).optional(), archive: z.boolean().optional() }),
      response: { 200: z.object({ updated: z.number() }) },
    },
  }, async (req) => {
    for (const id of req.body.ids) {
      if (req.body.addTags?.length) await kith.tags.tag(id, req.body.addTags);
      if (req.body.removeTags?.length) await kith.tags.untag(id, req.body.removeTags);
      if (req.body.archive === true) await kith.people.archive(id);
      if (req.body.archive === false) await kith.people.unarchive(id);
    }
    return { updated: req.body.ids.length };
  });

  api.get('/api/v1/people/:ref/strength', { schema: { tags: ['keep in touch'], params: ref, response: { 200: strength } } }, (req) => kith.strength.forPerson(req.params.ref));
  api.get('/api/v1/people/:ref/cadence', { schema: { tags: ['keep in touch'], params: ref, response: { 200: cadenceState } } }, (req) => kith.cadences.status(req.params.ref));
  api.get('/api/v1/people/:ref/positions', { schema: { tags: ['positions'], params: ref, response: { 200: z.array(position) } } }, (req) => kith.positions.list(req.params.ref));
  const paged = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(50), cursor: z.string().optional() });
  api.get('/api/v1/people/:ref/interactions', { schema: { tags: ['interactions'], params: ref, querystring: paged, response: { 200: page(interaction) } } }, (req) =>
    kith.interactions.page(req.params.ref, req.query.limit, req.query.cursor),
  );
  api.get('/api/v1/people/:ref/notes', { schema: { tags: ['notes'], params: ref, querystring: paged, response: { 200: page(note) } } }, (req) => kith.notes.page(req.params.ref, req.query.limit, req.query.cursor));
  api.get('/api/v1/people/:ref/relationships', { schema: { tags: ['relationships'], params: ref, response: { 200: z.array(relationship) } } }, (req) => kith.relationships.list(req.params.ref));
  api.get('/api/v1/people/:ref/reminders', { schema: { tags: ['reminders'], params: ref, querystring: paged.extend({ all: z.stringbool().optional() }), response: { 200: page(reminder) } } }, (req) =>
    kith.reminders.page({ about: req.params.ref, ...req.query }),
  );
};
