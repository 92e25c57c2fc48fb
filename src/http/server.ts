import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyReply } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kith } from '../services/kith.js';
import type { Api } from './api.js';
import { authHook } from './auth.js';
import { errorBody, handleError } from './errors.js';
import { ImportJobs } from './import-jobs.js';
import { ResponseCache } from './response-cache.js';
import { dataRoutes } from './routes/data.js';
import { keepInTouchRoutes } from './routes/keep-in-touch.js';
import { networkRoutes } from './routes/network.js';
import { peopleRoutes } from './routes/people.js';
import { playbookRoutes } from './routes/playbook.js';
import { careerRoutes } from './routes/career.js';
import { networkIntelligenceRoutes } from './routes/network-intelligence.js';
import { systemRoutes } from './routes/system.js';

export interface ServerOptions {
  kith: Kith;
  /** The built web app (index.html and assets); the API alone is served without it. */
  webRoot?: string;
  /** The one-time code that lets the first visitor set the password. */
  setupCode?: string | null;
  /** Largest upload accepted, in bytes. */
  maxUploadBytes?: number;
  version?: string;
}

export interface KithServer {
  app: Api;
  jobs: ImportJobs;
}

export async function buildServer(options: ServerOptions): Promise<KithServer> {
  const { kith } = options;
  const app = Fastify({
    logger: false,
    bodyLimit: 2 * 1024 * 1024,
    // A URL Fastify cannot even decode gets the same error body as everything else.
    frameworkErrors: (error, _request, reply) => {
      void (reply as FastifyReply).code(400).send(errorBody('bad_url', error.message));
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine sets its theme variables in a style element.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // Plain http on loopback is the default set-up; HSTS would break it.
    strictTransportSecurity: false,
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyMultipart, { limits: { files: 1, fileSize: options.maxUploadBytes ?? 512 * 1024 * 1024, fields: 10 } });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Kith API', version: options.version ?? '0.1.0', description: 'The HTTP API of Kith, a networking CRM. Authenticate with a bearer token (kith token create) or the web session.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: 'kith_session' } } },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.addHook('onRequest', authHook(kith));
  const cache = new ResponseCache(kith);
  app.addHook('onRequest', cache.onRequest);
  app.addHook('onSend', cache.onSend);

  const jobs = new ImportJobs();
  app.after(() => {
    app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    peopleRoutes(app, kith);
    networkRoutes(app, kith);
    keepInTouchRoutes(app, kith);
    dataRoutes(app, kith, jobs);
    playbookRoutes(app, kith);
    careerRoutes(app, kith);
    networkIntelligenceRoutes(app, kith);
    systemRoutes(app, kith, { code: options.setupCode ?? null });
  });

  const webRoot = options.webRoot && existsSync(join(options.webRoot, 'index.html')) ? options.webRoot : undefined;
  if (webRoot) await app.register(fastifyStatic, { root: webRoot, prefix: '/', wildcard: false, index: ['index.html'] });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    // The web app routes in the browser: any page that is not a file or an API route gets its shell.
    if (webRoot && request.method === 'GET' && !path.startsWith('/api/') && !path.startsWith('/feeds/')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.status(404).send(errorBody('route_not_found', `no route ${request.method} ${path}`));
  });
  await app.ready();
  return { app, jobs };
}
