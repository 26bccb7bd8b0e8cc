import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../shared/api/common.js';
import { historyFilterQuery, historyPageSchema, historyQuery } from '../../shared/api/history.js';
import * as service from './history.service.js';
import { requireHistoryAccess } from '../accounts/route-guard.js';

export const historyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/history',
    { schema: { tags: ['historique'], summary: 'Historique d’un objet (qui, quand, avant/après), filtrable par personne et par dates', querystring: historyQuery, response: { 200: historyPageSchema } } },
    async (request) => {
      await requireHistoryAccess(app.db, request.principal, request.query.entityType, request.query.entityId);
      return service.historyOf(app.db, request.query);
    },
  );
  app.get(
    '/actions/:id/history',
    { config: { convention: { of: 'action', ability: 'read', internal: true } }, schema: { tags: ['historique'], summary: 'Historique d’une fiche action, de ses indicateurs, notes et documents', params: idParamsSchema, querystring: historyFilterQuery, response: { 200: historyPageSchema } } },
    async (request) => service.actionHistory(app.db, request.params.id, request.query),
  );
};
