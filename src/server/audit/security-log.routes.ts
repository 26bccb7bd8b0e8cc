import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { securityEventPageSchema, securityEventQuery } from '../../shared/api/security.js';
import { exportSecurityLogCsv, listSecurityLog } from './security-log.service.js';

const tags = ['journal de sécurité'];

export const securityLogRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/security-events',
    {
      schema: {
        tags,
        summary: 'Journal de sécurité (connexions, échecs, droits, exports), du plus récent au plus ancien ; administrateurs de la plateforme',
        querystring: securityEventQuery,
        response: { 200: securityEventPageSchema },
      },
    },
    async (request) => listSecurityLog(app.db, request.principal, request.query),
  );
  app.get(
    '/security-events/export.csv',
    { schema: { tags, summary: 'Exporter le journal de sécurité filtré (CSV)', querystring: securityEventQuery } },
    async (request, reply) => {
      const { limit: _limit, cursor: _cursor, ...filter } = request.query;
      const csv = await exportSecurityLogCsv(app.db, request.principal, filter);
      const day = new Date().toISOString().slice(0, 10);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="journal-securite-${day}.csv"`).send(csv);
    },
  );
};
