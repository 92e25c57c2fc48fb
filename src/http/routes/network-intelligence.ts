import { z } from 'zod';
import type { Routes } from '../api.js';

const personRef = z.object({ id: z.string(), name: z.string() });
const graphSummary = z.object({
  nodes: z.number(),
  edges: z.number(),
  source: z.enum(['cache', 'neighbourhood']).optional(),
  builtAt: z.string().optional(),
  buildMs: z.number().optional(),
});
const status = z
  .object({
    ready: z.boolean(),
    building: z.object({ phase: z.string(), done: z.number(), total: z.number() }).nullable(),
    failed: z.string().nullable(),
    nodes: z.number().nullable(),
    edges: z.number().nullable(),
    builtAt: z.string().nullable(),
    buildMs: z.number().nullable(),
  })
  .meta({ id: 'NetworkStatus' });
const named = z.object({ name: z.string(), people: z.number() });
const community = z
  .object({
    id: z.number(),
    size: z.number(),
    label: z.string(),
    organizations: z.array(named),
    tags: z.array(named),
    yours: z.object({ strong: z.number(), medium: z.number(), weak: z.number() }),
    bestKnown: z.object({ id: z.string(), name: z.string(), strength: z.number() }).nullable(),
    bridged: z.boolean(),
  })
  .meta({ id: 'Community' });
const brokerage = { constraint: z.number().nullable(), effectiveSize: z.number().nullable(), ties: z.number() };
const limit = (max: number, fallback: number) => z.coerce.number().int().min(1).max(max).default(fallback);

/** Warm paths, the whole network's structure, weak-tie suggestions and the map. */
export const networkIntelligenceRoutes: Routes = (api, kith) => {
  const hop = z.object({ from: personRef.nullable(), to: personRef, strength: z.number(), evidence: z.array(z.string()) });
  api.get('/api/v1/paths', {
    schema: {
      tags: ['network'],
      summary: 'Warm introduction paths (1 to 3 hops, with evidence) to a person, an organization or an audience',
      querystring: z.object({ to: z.string().min(1), limit: limit(50, 10) }),
      response: { 200: z.object({ paths: z.array(z.object({ target: personRef, score: z.number(), hops: z.array(hop) })), graph: graphSummary }) },
    },
  }, (req) => kith.network.paths(req.query.to, req.query.limit));

  api.get('/api/v1/network', { schema: { tags: ['network'], summary: 'Whether the whole network is built and current, or how far its build has got', response: { 200: status } } }, () => kith.network.status());
  api.post('/api/v1/network/build', { schema: { tags: ['network'], summary: 'Start building the whole network in the background; poll GET /api/v1/network', response: { 202: status } } }, async (_req, reply) => {
    reply.status(202);
    return kith.network.build();
  });

  api.get('/api/v1/network/communities', {
    schema: {
      tags: ['network'],
      summary: 'Communities (Louvain) labelled by organizations and tags, your diversity, and where you have no bridge',
      querystring: z.object({ limit: limit(500, 20) }),
      response: {
        200: z.object({
          graph: graphSummary,
          modularity: z.number(),
          diversity: z.object({ communities: z.number(), withStrongTie: z.number(), withAnyTie: z.number(), spread: z.number() }),
          communities: z.array(community),
          unbridged: z.array(community),
          unbridgedAudiences: z.array(z.object({ id: z.string(), name: z.string(), members: z.number() })),
        }),
      },
    },
  }, (req) => kith.network.communities({ limit: req.query.limit }));

  api.get('/api/v1/network/brokers', {
    schema: {
      tags: ['network'],
      summary: "Brokers by Burt's effective size and constraint, and your own brokerage",
      querystring: z.object({ limit: limit(200, 20) }),
      response: {
        200: z.object({
          graph: graphSummary,
          you: z.object(brokerage),
          brokers: z.array(z.object({ person: personRef.extend({ strength: z.number() }), communities: z.number(), connects: z.array(z.string()), ...brokerage })),
        }),
      },
    },
  }, (req) => kith.network.brokers({ limit: req.query.limit }));

  api.get('/api/v1/network/suggestions', {
    schema: {
      tags: ['network'],
      summary: "Weak ties to make: people two hops away in an active goal's audience (or the one given), with the mutuals named",
      querystring: z.object({ audience: z.string().min(1).optional(), limit: limit(500, 20) }),
      response: {
        200: z.object({
          graph: graphSummary,
          audiences: z.array(z.string()),
          suggestions: z.array(z.object({ person: personRef, score: z.number(), mutualCount: z.number(), mutuals: z.array(personRef.extend({ strength: z.number() })), for: z.array(z.string()) })),
        }),
      },
    },
  }, (req) => kith.network.suggest({ audience: req.query.audience, limit: req.query.limit }));

  api.get('/api/v1/network/map', {
    schema: {
      tags: ['network'],
      summary: 'The people you know best, their communities and the strongest ties among them, for drawing',
      querystring: z.object({ limit: limit(20_000, 2000), edges: limit(200_000, 20_000) }),
      response: {
        200: z.object({
          graph: graphSummary,
          nodes: z.array(z.object({ id: z.string(), name: z.string(), strength: z.number(), community: z.number() })),
          edges: z.array(z.tuple([z.number(), z.number(), z.number()])),
          communities: z.array(z.object({ id: z.number(), label: z.string(), size: z.number() })),
        }),
      },
    },
  }, (req) => kith.network.map({ limit: req.query.limit, maxEdges: req.query.edges }));
};
