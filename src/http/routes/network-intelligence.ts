import { z } from 'zod';
import type { Routes } from '../api.js';
import { brokerReport, communityReport, introPaths, networkMap, networkStatus, suggestions } from '../schemas.js';

const limit = (max: number, fallback: number) => z.coerce.number().int().min(1).max(max).default(fallback);

/** Warm paths, the whole network's structure, weak-tie suggestions and the map. */
export const networkIntelligenceRoutes: Routes = (api, kith) => {
  api.get('/api/v1/paths', {
    schema: {
      tags: ['network'],
      summary: 'Warm introduction paths (1 to 3 hops, with evidence) to a person, an organization or an audience',
      querystring: z.object({ to: z.string().min(1), limit: limit(50, 10) }),
      response: { 200: introPaths },
    },
  }, (req) => kith.network.paths(req.query.to, req.query.limit));

  api.get('/api/v1/network', { schema: { tags: ['network'], summary: 'Whether the whole network is built and current, or how far its build has got', response: { 200: networkStatus } } }, () => kith.network.status());
  api.post('/api/v1/network/build', { schema: { tags: ['network'], summary: 'Start building the whole network in the background; poll GET /api/v1/network', response: { 202: networkStatus } } }, async (_req, reply) => {
    reply.status(202);
    return kith.network.build();
  });

  api.get('/api/v1/network/communities', {
    schema: {
      tags: ['network'],
      summary: 'Communities (Louvain) labelled by organizations and tags, your diversity, and where you have no bridge',
      querystring: z.object({ limit: limit(500, 20) }),
      response: { 200: communityReport },
    },
  }, (req) => kith.network.communities({ limit: req.query.limit }));

  api.get('/api/v1/network/brokers', {
    schema: {
      tags: ['network'],
      summary: "Brokers by Burt's effective size and constraint, and your own brokerage",
      querystring: z.object({ limit: limit(200, 20) }),
      response: { 200: brokerReport },
    },
  }, (req) => kith.network.brokers({ limit: req.query.limit }));

  api.get('/api/v1/network/suggestions', {
    schema: {
      tags: ['network'],
      summary: "Weak ties to make: people two hops away in an active goal's audience (or the one given), with the mutuals named",
      querystring: z.object({ audience: z.string().min(1).optional(), limit: limit(500, 20) }),
      response: { 200: suggestions },
    },
  }, (req) => kith.network.suggest({ audience: req.query.audience, limit: req.query.limit }));

  api.get('/api/v1/network/map', {
    schema: {
      tags: ['network'],
      summary: 'The people you know best, their communities and the strongest ties among them, for drawing',
      querystring: z.object({ limit: limit(20_000, 2000), edges: limit(200_000, 20_000) }),
      response: { 200: networkMap },
    },
  }, (req) => kith.network.map({ limit: req.query.limit, maxEdges: req.query.edges }));
};
