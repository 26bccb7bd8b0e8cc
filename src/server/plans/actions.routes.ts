import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actionCreateInput, actionListQuery, actionSchema, actionUpdateInput } from '../../shared/api/actions.js';
import { idParamsSchema, pageOf } from '../../shared/api/common.js';
import { contextOf } from '../platform/http/fastify-types.js';
import * as service from './actions.service.js';

export const actionsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/actions',
    { config: { cacheReads: ['action', 'action_axis', 'action_theme', 'budget_line', 'facility', 'convention'] }, schema: { tags: ['actions'], summary: 'Actions de toutes les conventions, filtrées', querystring: actionListQuery, response: { 200: pageOf(actionSchema) } } },
    async (request) => service.listActions(app.db, request.principal, request.query),
  );
  app.get(
    '/actions/:id',
    { schema: { tags: ['actions'], summary: 'Une fiche action', params: idParamsSchema, response: { 200: actionSchema } } },
    async (request) => service.getActionForCaller(app.db, request.principal, request.params.id),
  );
  app.post(
    '/conventions/:id/actions',
    { schema: { tags: ['actions'], summary: 'Ajouter une action au plan d’une convention', params: idParamsSchema, body: actionCreateInput, response: { 201: actionSchema } } },
    async (request, reply) => reply.status(201).send(await service.createAction(contextOf(app, request), request.params.id, request.body)),
  );
  app.patch(
    '/actions/:id',
    { schema: { tags: ['actions'], summary: 'Modifier une fiche action (avec sa version)', params: idParamsSchema, body: actionUpdateInput, response: { 200: actionSchema } } },
    async (request) => service.updateAction(contextOf(app, request), request.params.id, request.body),
  );
};
