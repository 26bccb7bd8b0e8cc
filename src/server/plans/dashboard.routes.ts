import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../shared/api/common.js';
import { bulkActionInput, bulkActionResultSchema, followUpDashboardSchema } from '../../shared/api/dashboard.js';
import { contextOf } from '../platform/http/fastify-types.js';
import * as service from './dashboard.service.js';

export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/conventions/:id/follow-up',
    { config: { convention: { of: 'convention', ability: 'read', internal: true } }, schema: { tags: ['suivi'], summary: 'Tableau de bord de suivi d’une convention', params: idParamsSchema, response: { 200: followUpDashboardSchema } } },
    async (request) => service.conventionDashboard(app.db, request.params.id),
  );
  app.post(
    '/actions/bulk',
    { schema: { tags: ['suivi'], summary: 'Changer le statut ou le pilote de toutes les actions d’un filtre (une transaction)', body: bulkActionInput, response: { 200: bulkActionResultSchema } } },
    async (request) => service.bulkUpdate(contextOf(app, request), request.body),
  );
};
