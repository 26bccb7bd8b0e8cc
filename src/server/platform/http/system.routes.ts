import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { configResponseSchema, healthResponseSchema } from '../../../shared/api/system.js';

export const systemRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['système'],
        summary: 'L’application est prête (base migrée et joignable)',
        response: { 200: healthResponseSchema },
      },
    },
    async () => {
      await sql`select 1`.execute(app.db);
      return { status: 'ok' as const, database: app.dialect };
    },
  );
  app.get(
    '/config',
    {
      schema: {
        tags: ['système'],
        summary: 'Marque et réglages publics de l’instance',
        response: { 200: configResponseSchema },
      },
    },
    async () => ({ brand: app.config.brand, oidc: app.config.oidc ? { label: app.config.oidc.label } : null }),
  );
};
