import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { axisCreateInput, axisMoveInput, axisSchema, axisUpdateInput } from '../../shared/api/actions.js';
import { idParamsSchema } from '../../shared/api/common.js';
import { contextOf } from '../platform/http/fastify-types.js';
import { requireConventionAccess } from '../accounts/access.js';
import * as service from './axes.service.js';

export const axesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/conventions/:id/axes',
    { schema: { tags: ['plan d’actions'], summary: 'Axes du plan d’actions', params: idParamsSchema, response: { 200: z.array(axisSchema) } } },
    async (request) => {
      await requireConventionAccess(app.db, request.principal, request.params.id, 'read');
      return service.listAxesOf(app.db, request.params.id);
    },
  );
  app.post(
    '/conventions/:id/axes',
    { schema: { tags: ['plan d’actions'], summary: 'Ajouter un axe', params: idParamsSchema, body: axisCreateInput, response: { 201: axisSchema } } },
    async (request, reply) => reply.status(201).send(await service.createAxis(contextOf(app, request), request.params.id, request.body)),
  );
  app.patch(
    '/axes/:id',
    { schema: { tags: ['plan d’actions'], summary: 'Renommer ou déplacer un axe', params: idParamsSchema, body: axisUpdateInput, response: { 200: axisSchema } } },
    async (request) => service.updateAxis(contextOf(app, request), request.params.id, request.body),
  );
  app.post(
    '/axes/:id/move',
    { schema: { tags: ['plan d’actions'], summary: 'Monter ou descendre un axe (échange avec son voisin)', params: idParamsSchema, body: axisMoveInput, response: { 200: z.array(axisSchema) } } },
    async (request) => service.moveAxis(contextOf(app, request), request.params.id, request.body),
  );
};
