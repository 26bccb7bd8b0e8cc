import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { searchQuery, searchResultSchema } from '../../shared/api/search.js';
import { search } from './search.service.js';

export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/search',
    {
      config: { cacheByDataVersion: true },
      schema: {
        tags: ['recherche'],
        summary: 'Recherche plein texte (conventions, actions, notes de suivi), classée, avec extraits surlignés',
        querystring: searchQuery,
        response: { 200: searchResultSchema },
      },
    },
    async (request) => search(app.db, request.principal, request.query),
  );
};
