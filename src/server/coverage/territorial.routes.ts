import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  renewalsQuery,
  renewalsSchema,
  similarActionsQuery,
  similarActionsSchema,
  themeActionsQuery,
  themeActionsSchema,
  themesMatrixQuery,
  themesMatrixSchema,
} from '../../shared/api/territorial.js';
import { idParamsSchema } from '../../shared/api/common.js';
import * as service from './territorial.service.js';
import { getSimilarActions } from './similar-actions.service.js';

const tags = ['vues territoriales'];

export const territorialRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/themes-matrix',
    {
      config: { cacheByDataVersion: true },
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
  app.get(
    '/actions/:id/similar',
    {
      config: { convention: { of: 'action', ability: 'read' } },
      schema: {
        tags,
        summary: 'Actions semblables dans les autres conventions (similarité des textes, mots communs expliqués), parmi celles que l’appelant peut voir',
        params: idParamsSchema,
        querystring: similarActionsQuery,
        response: { 200: similarActionsSchema },
      },
    },
    async (request) => getSimilarActions(app.db, request.principal, request.params.id, request.query),
  );
};
