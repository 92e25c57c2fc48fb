import { z } from 'zod';
import type { Routes } from '../api.js';
import { interaction, note, ok, organization, page, person, position, relationship, searchHit } from '../schemas.js';

const idParam = z.object({ id: z.string().min(1) });
const refParam = z.object({ ref: z.string().min(1) });

/** Organizations, positions, interactions, notes, tags, relationships and search. */
export const networkRoutes: Routes = (api, kith) => {
  api.get('/api/v1/organizations', { schema: { tags: ['organizations'], summary: 'List organizations a page at a time, by name or with the most people first (order), optionally only names holding q', querystring: z.object({ limit: z.coerce.number().int().min(1).max(10_000).default(200), cursor: z.string().optional(), q: z.string().max(200).optional(), order: z.enum(['name', 'people']).default('name') }), response: { 200: page(organization) } } }, (req) =>
    kith.organizations.page(req.query.limit, req.query.cursor, { holding: req.query.q, order: req.query.order }),
  );
  const orgDraft = z.object({ name: z.string(), domain: z.string().nullish(), industry: z.string().nullish(), location: z.string().nullish() });
  api.post('/api/v1/organizations', { schema: { tags: ['organizations'], body: orgDraft, response: { 201: organization } } }, async (req, reply) => {
    reply.status(201);
    return kith.organizations.add(req.body);
  });
  api.get('/api/v1/organizations/:ref', { schema: { tags: ['organizations'], params: refParam, response: { 200: z.object({ organization, people: z.array(person) }) } } }, (req) => kith.organizations.show(req.params.ref));
  api.patch('/api/v1/organizations/:ref', { schema: { tags: ['organizations'], params: refParam, body: orgDraft.partial(), response: { 200: organization } } }, (req) => kith.organizations.edit(req.params.ref, req.body));
  api.delete('/api/v1/organizations/:ref', { schema: { tags: ['organizations'], params: refParam, response: { 200: organization } } }, (req) => kith.organizations.remove(req.params.ref));

  api.post('/api/v1/positions', {
    schema: { tags: ['positions'], body: z.object({ person: z.string(), organization: z.string(), title: z.string().nullish(), start: z.string().nullish(), end: z.string().nullish() }), response: { 201: position } },
  }, async (req, reply) => {
    reply.status(201);
    const { person: who, ...draft } = req.body;
    return kith.positions.add(who, draft);
  });
  api.post('/api/v1/positions/:id/end', { schema: { tags: ['positions'], params: idParam, body: z.object({ end: z.string().optional() }), response: { 200: position } } }, (req) => kith.positions.end(req.params.id, req.body.end));
  api.delete('/api/v1/positions/:id', { schema: { tags: ['positions'], params: idParam, response: { 200: position } } }, (req) => kith.positions.remove(req.params.id));

  api.get('/api/v1/interactions', { schema: { tags: ['interactions'], summary: 'List interactions, latest first, a page at a time', querystring: z.object({ with: z.string().optional(), limit: z.coerce.number().int().min(1).max(1000).default(50), cursor: z.string().optional() }), response: { 200: page(interaction) } } }, (req) =>
    kith.interactions.page(req.query.with, req.query.limit, req.query.cursor),
  );
  api.post('/api/v1/interactions', {
    schema: {
      tags: ['interactions'],
      summary: 'Log an interaction with one or more people',
      body: z.object({ kind: z.string(), with: z.array(z.string()).min(1), at: z.string().optional(), summary: z.string().optional(), direction: z.string().optional(), duration: z.union([z.string(), z.number()]).optional() }),
      response: { 201: interaction },
    },
  }, async (req, reply) => {
    reply.status(201);
    return kith.interactions.log(req.body);
  });
  api.patch('/api/v1/interactions/:id', {
    schema: {
      tags: ['interactions'],
      summary: 'Correct an interaction (kind, time, summary, direction, duration, people); a null summary or duration clears it, and `with` replaces who took part',
      params: idParam,
      body: z.object({ kind: z.string(), with: z.array(z.string()).min(1), at: z.string(), summary: z.string().nullable(), direction: z.string(), duration: z.union([z.string(), z.number()]).nullable() }).partial(),
      response: { 200: interaction },
    },
  }, (req) => kith.interactions.edit(req.params.id, req.body));
  api.delete('/api/v1/interactions/:id', { schema: { tags: ['interactions'], params: idParam, response: { 200: interaction } } }, (req) => kith.interactions.remove(req.params.id));

  api.get('/api/v1/notes', { schema: { tags: ['notes'], summary: 'List notes, newest first, a page at a time', querystring: z.object({ about: z.string().optional(), limit: z.coerce.number().int().min(1).max(1000).default(50), cursor: z.string().optional() }), response: { 200: page(note) } } }, (req) =>
    kith.notes.page(req.query.about, req.query.limit, req.query.cursor),
  );
  api.post('/api/v1/notes', { schema: { tags: ['notes'], body: z.object({ body: z.string(), about: z.array(z.string()).default([]) }), response: { 201: note } } }, async (req, reply) => {
    reply.status(201);
    return kith.notes.add(req.body.body, req.body.about);
  });
  api.delete('/api/v1/notes/:id', { schema: { tags: ['notes'], params: idParam, response: { 200: note } } }, (req) => kith.notes.remove(req.params.id));

  api.get('/api/v1/tags', { schema: { tags: ['tags'], response: { 200: z.array(z.object({ name: z.string(), people: z.number() })) } } }, () => kith.tags.list());
  api.post('/api/v1/tags/rename', { schema: { tags: ['tags'], body: z.object({ from: z.string(), to: z.string() }), response: { 200: z.object({ from: z.string(), to: z.string(), people: z.number() }) } } }, (req) =>
    kith.tags.rename(req.body.from, req.body.to),
  );
  api.delete('/api/v1/tags/:name', { schema: { tags: ['tags'], params: z.object({ name: z.string() }), response: { 200: z.object({ tag: z.string(), people: z.number() }) } } }, (req) => kith.tags.remove(req.params.name));

  api.post('/api/v1/relationships', { schema: { tags: ['relationships'], body: z.object({ from: z.string(), kind: z.string(), to: z.string() }), response: { 201: relationship } } }, async (req, reply) => {
    reply.status(201);
    return kith.relationships.link(req.body.from, req.body.kind, req.body.to);
  });
  api.delete('/api/v1/relationships/:id', { schema: { tags: ['relationships'], params: idParam, response: { 200: ok } } }, async (req) => {
    await kith.relationships.unlink(req.params.id);
    return { ok: true as const };
  });

  api.get('/api/v1/search', { schema: { tags: ['search'], summary: 'Ranked search over names, emails, companies, tags and notes; tolerates typos in names', querystring: z.object({ q: z.string().min(1).max(500), limit: z.coerce.number().int().min(1).max(100).default(20) }), response: { 200: z.array(searchHit) } } }, (req) =>
    kith.search.search(req.query.q, req.query.limit),
  );
};
