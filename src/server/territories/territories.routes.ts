import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { territoryDetailSchema, territorySchema, territorySearchQuery } from '../../shared/api/territories.js';
import { territoryCodeSchema } from '../../shared/api/common.js';
import { searchTerritories, getTerritory } from './territories.service.js';

export const territoriesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/territories',
    {
      schema: {
        tags: ['territoires'],
        summary: 'Rechercher une commune, un EPCI, un EPT ou un département',
        querystring: territorySearchQuery,
        response: { 200: z.array(territorySchema) },
      },
    },
    async (request) => searchTerritories(app.db, request.query),
  );

  app.get(
    '/territories/:code',
    {
      schema: {
        tags: ['territoires'],
        summary: 'Un territoire, ses groupements et ses communes membres',
        params: z.object({ code: territoryCodeSchema }),
        response: { 200: territoryDetailSchema },
      },
    },
    async (request) => getTerritory(app.db, request.params.code),
  );
};
