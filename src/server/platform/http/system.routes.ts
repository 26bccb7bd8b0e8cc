import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';

export const systemRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['système'],
        summary: 'L’application est prête (base migrée et joignable)',
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) }) },
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
        response: {
          200: z.object({
            brand: z.object({ name: z.string(), tagline: z.string(), organisation: z.string(), logoUrl: z.string().nullable(), stateBrand: z.boolean() }),
          }),
        },
      },
    },
    async () => ({ brand: app.config.brand }),
  );
};
