import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import helmet from '@fastify/helmet';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DatabaseHandle } from './platform/db/create-db.js';
import type { AppConfig } from './platform/config.js';
import { apiNotFound, registerErrorHandling } from './platform/http/error-handler.js';
import './platform/http/fastify-types.js';
import { systemRoutes } from './platform/http/system.routes.js';
import { territoriesRoutes } from './territories/territories.routes.js';
import { themesRoutes } from './themes/themes.routes.js';
import { organisationsRoutes } from './organisations/organisations.routes.js';
import { conventionsRoutes } from './conventions/conventions.routes.js';
import { signaturesRoutes } from './signatures/signatures.routes.js';
import { actionsRoutes } from './plans/actions.routes.js';
import { axesRoutes } from './plans/axes.routes.js';
import { statsRoutes } from './stats/stats.routes.js';
import { followUpRoutes } from './plans/follow-up.routes.js';
import { indicatorsRoutes } from './indicators/indicators.routes.js';
import { historyRoutes } from './history/history.routes.js';
import { reviewsRoutes } from './reviews/reviews.routes.js';
import { amendmentsRoutes } from './amendments/amendments.routes.js';
import { dashboardRoutes } from './plans/dashboard.routes.js';

z.config(z.locales.fr());

export interface BuildAppOptions {
  database: DatabaseHandle;
  config: AppConfig;
  logger?: boolean;
}

/** Request bodies above this are refused with 413; field limits inside catch long texts first. */
const BODY_LIMIT = 2 * 1024 * 1024;

export async function buildApp({ database, config, logger = true }: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ? { level: config.logLevel } : false,
    bodyLimit: BODY_LIMIT,
    requestTimeout: 30_000,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // The API speaks JSON only: anything else is refused with 415 rather than parsed as a string.
  app.removeContentTypeParser('text/plain');
  app.decorate('db', database.db);
  app.decorate('dialect', database.dialect);
  app.decorate('config', config);
  registerErrorHandling(app);

  await app.register(helmet, { contentSecurityPolicy: false, crossOriginEmbedderPolicy: false });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Pilote CTG — API',
        description: 'Conventions territoriales globales : conventions, parties, signatures, plan d’actions, territoires.',
        version: '1',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  await app.register(
    async (api) => {
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      for (const routes of [systemRoutes, territoriesRoutes, themesRoutes, organisationsRoutes, conventionsRoutes, signaturesRoutes, axesRoutes, actionsRoutes, statsRoutes, followUpRoutes, indicatorsRoutes, historyRoutes, reviewsRoutes, amendmentsRoutes, dashboardRoutes]) {
        await api.register(routes);
      }
    },
    { prefix: '/api/v1' },
  );

  await registerClient(app, resolve(config.clientDir));
  return app;
}

/** The built web app, with every non-API path answered by index.html (client-side routing). */
async function registerClient(app: FastifyInstance, clientDir: string): Promise<void> {
  const hasClient = existsSync(resolve(clientDir, 'index.html'));
  // Files are looked up on each request, so a rebuilt client is served without a restart.
  if (hasClient) await app.register(fastifyStatic, { root: clientDir });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || !hasClient || request.method !== 'GET') return apiNotFound(request, reply);
    return reply.type('text/html').sendFile('index.html');
  });
}
