import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DatabaseHandle } from './platform/db/create-db.js';
import type { AppConfig } from './platform/config.js';
import { apiNotFound, frameworkErrorHandler, registerErrorHandling } from './platform/http/error-handler.js';
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
import { accountsRoutes } from './accounts/accounts.routes.js';
import { registerAuthentication } from './platform/http/auth.js';
import { registerConventionGuards } from './accounts/route-guard.js';
import { createMailer, type Mailer } from './platform/mail/mailer.js';
import { coverageRoutes } from './coverage/coverage.routes.js';
import { territorialRoutes } from './coverage/territorial.routes.js';
import { diagnosticsRoutes } from './diagnostics/diagnostics.routes.js';
import { newsRoutes } from './news/news.routes.js';
import { newsPublicRoutes } from './news/news.public.routes.js';
import { importsRoutes } from './imports/imports.routes.js';
import { followUpRoutes } from './plans/follow-up.routes.js';
import { indicatorsRoutes } from './indicators/indicators.routes.js';
import { historyRoutes } from './history/history.routes.js';
import { reviewsRoutes } from './reviews/reviews.routes.js';
import { amendmentsRoutes } from './amendments/amendments.routes.js';
import { dashboardRoutes } from './plans/dashboard.routes.js';
import { myFollowUpRoutes } from './plans/my-follow-up.routes.js';
import { officeRoutes } from './office/office.routes.js';
import { calendarFeedRoutes } from './office/calendar-feed.routes.js';
import { webhooksRoutes } from './webhooks/webhooks.routes.js';
import { oidcRoutes } from './accounts/oidc.routes.js';
import { securityLogRoutes } from './audit/security-log.routes.js';
import { usersRoutes } from './accounts/users.routes.js';
import { personalDataRoutes } from './personal-data/personal-data.routes.js';
import { registerExportLog } from './audit/export-log.js';
import { registerResponseCache } from './platform/http/response-cache.js';
import { currentVersions, SharedVersionRead } from './platform/http/data-version.js';
import { TableVersionsMemo } from './platform/db/versions.js';
import { searchRoutes } from './search/search.routes.js';
import { JobWorker } from './platform/jobs/worker.js';
import { JOB_HANDLERS } from './job-handlers.js';
import { governanceRoutes } from './governance/governance.routes.js';
import { notificationsRoutes } from './notifications/notifications.routes.js';
import { registerIdempotency } from './platform/http/idempotency.js';
import { appSecurityHeaders, registerSecurityHeaders } from './platform/http/security-headers.js';

z.config(z.locales.fr());

/** Every API capability, mounted under /api/v1 (one plugin per feature folder). */
const API_ROUTES = [
  systemRoutes,
  accountsRoutes,
  territoriesRoutes,
  themesRoutes,
  organisationsRoutes,
  conventionsRoutes,
  signaturesRoutes,
  axesRoutes,
  actionsRoutes,
  statsRoutes,
  coverageRoutes,
  territorialRoutes,
  diagnosticsRoutes,
  newsRoutes,
  newsPublicRoutes,
  importsRoutes,
  followUpRoutes,
  indicatorsRoutes,
  historyRoutes,
  reviewsRoutes,
  amendmentsRoutes,
  dashboardRoutes,
  myFollowUpRoutes,
  officeRoutes,
  calendarFeedRoutes,
  webhooksRoutes,
  oidcRoutes,
  securityLogRoutes,
  usersRoutes,
  personalDataRoutes,
  governanceRoutes,
  notificationsRoutes,
  searchRoutes,
];

export interface BuildAppOptions {
  database: DatabaseHandle;
  config: AppConfig;
  logger?: boolean;
  mailer?: Mailer;
}

/** Request bodies above this are refused with 413; field limits inside catch long texts first. */
const BODY_LIMIT = 2 * 1024 * 1024;
/** A client has this long to send its whole request (slow senders cannot hold a socket forever). */
const REQUEST_TIMEOUT_MS = 30_000;

export async function buildApp({ database, config, logger = true, mailer }: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ? { level: config.logLevel } : false,
    bodyLimit: BODY_LIMIT,
    requestTimeout: REQUEST_TIMEOUT_MS,
    frameworkErrors: frameworkErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // The API speaks JSON only: anything else is refused with 415 rather than parsed as a string.
  app.removeContentTypeParser('text/plain');
  app.decorate('db', database.db);
  app.decorate('dialect', database.dialect);
  const tableVersions = new TableVersionsMemo();
  app.decorate('versionReads', new SharedVersionRead(() => database.committedVersions?.() ?? currentVersions(database.db, tableVersions)));
  app.decorate('config', config);
  app.decorate('mailer', mailer ?? createMailer(config.mail, (line) => app.log.info(line)));
  app.decorate('jobs', new JobWorker({
    db: database.db, dialect: database.dialect, mailer: app.mailer, config, handlers: JOB_HANDLERS, log: (line) => app.log.warn(line),
  }));
  // Jobs in flight finish on close; whoever owns the database closes it after app.close() resolves (main.ts).
  app.addHook('onClose', async () => app.jobs.stop());
  registerErrorHandling(app);
  // First, so that every answer carries them, refusals by the hooks below included.
  registerSecurityHeaders(app, appSecurityHeaders(config.publicUrl.startsWith('https://')));
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  registerAuthentication(app);
  // Before the convention guards: a cached answer was computed for this caller, with these rights,
  // under this data version, so the guard passed for it then and would pass again (ADR 0016).
  registerResponseCache(app);
  registerConventionGuards(app);
  registerExportLog(app);
  registerIdempotency(app);

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
      for (const routes of API_ROUTES) {
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
