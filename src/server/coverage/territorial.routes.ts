import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  renewalsQuery,
  renewalsSchema,
  themeActionsQuery,
  themeActionsSchema,
  themesMatrixQuery,
  themesMatrixSchema,
} from '../../shared/api/territorial.js';
import * as service from './territorial.service.js';

const tags = ['vues territoriales'];

export const territorialRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/themes-matrix',
    {
      schema: {
        tags,
        summary: 'Matrice territoires × champs d’intervention : champs déclarés et nombre d’actions par convention',
        querystring: themesMatrixQuery,
        response: { 200: themesMatrixSchema },
      },
    },
    async (request) => service.getThemesMatrix(app.db, request.principal, request.query),
  );
  app.get(
    '/themes-matrix/actions',
    {
      schema: {
        tags,
        summary: 'Les actions d’un champ d’intervention dans les conventions du territoire (détail d’une case de la matrice)',
        querystring: themeActionsQuery,
        response: { 200: themeActionsSchema },
      },
    },
    async (request) => service.getThemeActions(app.db, request.principal, request.query),
  );
  app.get(
    '/renewals',
    {
      schema: {
        tags,
        summary: 'Calendrier des renouvellements : échéances proches, conventions échues sans suite, communes jamais couvertes',
        querystring: renewalsQuery,
        response: { 200: renewalsSchema },
      },
    },
    async (request) => service.getRenewals(app.db, request.principal, request.query),
  );
};
