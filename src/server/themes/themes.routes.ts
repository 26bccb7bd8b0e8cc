import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { themeCreateInput, themeSchema, themeUpdateInput } from '../../shared/api/themes.js';
import { themeCodeSchema } from '../../shared/api/common.js';
import { contextOf } from '../platform/http/fastify-types.js';
import { createTheme, listThemes, updateTheme } from './themes.service.js';

export const themesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/themes',
    { config: { cacheReads: ['theme'] }, schema: { tags: ['champs'], summary: 'Champs d’intervention', response: { 200: z.array(themeSchema) } } },
    async () => listThemes(app.db),
  );

  app.post(
    '/themes',
    {
      schema: {
        tags: ['champs'],
        summary: 'Ajouter un champ d’intervention (propre à une Caf ou commun)',
        body: themeCreateInput,
        response: { 201: themeSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createTheme(contextOf(app, request), request.body)),
  );

  app.patch(
    '/themes/:code',
    {
      schema: {
        tags: ['champs'],
        summary: 'Modifier le libellé ou désactiver un champ d’intervention',
        params: z.object({ code: themeCodeSchema }),
        body: themeUpdateInput,
        response: { 200: themeSchema },
      },
    },
    async (request) => updateTheme(contextOf(app, request), request.params.code, request.body),
  );
};
