import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../shared/api/common.js';
import { indicatorCreateInput, indicatorDeleteQuery, indicatorListQuery, indicatorSchema, indicatorUpdateInput, indicatorValueInput } from '../../shared/api/indicators.js';
import { contextOf } from '../platform/http/fastify-types.js';
import * as service from './indicators.service.js';

export const indicatorsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['indicateurs'];
  app.get(
    '/conventions/:id/indicators',
    { config: { convention: { of: 'convention', ability: 'read', internal: true } }, schema: { tags, summary: 'Indicateurs d’une convention, avec leur état', params: idParamsSchema, querystring: indicatorListQuery, response: { 200: z.array(indicatorSchema) } } },
    async (request) => {
      await service.listIndicatorsOfConvention(app.db, request.params.id);
      return service.listIndicators(app.db, { conventionId: request.params.id, actionId: request.query.action, axisId: request.query.axis });
    },
  );
  app.post(
    '/conventions/:id/indicators',
    { config: { convention: { of: 'convention', ability: 'editPlan' } }, schema: { tags, summary: 'Ajouter un indicateur à une action ou à un axe', params: idParamsSchema, body: indicatorCreateInput, response: { 201: indicatorSchema } } },
    async (request, reply) => reply.status(201).send(await service.createIndicator(contextOf(app, request), request.params.id, request.body)),
  );
  app.get(
    '/indicators/:id',
    { config: { convention: { of: 'indicator', ability: 'read', internal: true }, cacheReads: ['indicator', 'indicator_value', 'convention'] }, schema: { tags, summary: 'Un indicateur, ses valeurs et son état', params: idParamsSchema, response: { 200: indicatorSchema } } },
    async (request) => service.getIndicator(app.db, request.params.id),
  );
  app.patch(
    '/indicators/:id',
    { config: { convention: { of: 'indicator', ability: 'editPlan' } }, schema: { tags, summary: 'Modifier un indicateur (avec sa version)', params: idParamsSchema, body: indicatorUpdateInput, response: { 200: indicatorSchema } } },
    async (request) => service.updateIndicator(contextOf(app, request), request.params.id, request.body),
  );
  app.delete(
    '/indicators/:id',
    { config: { convention: { of: 'indicator', ability: 'editPlan' } }, schema: { tags, summary: 'Supprimer un indicateur et ses valeurs (avec sa version)', params: idParamsSchema, querystring: indicatorDeleteQuery, response: { 204: z.null() } } },
    async (request, reply) => {
      await service.deleteIndicator(contextOf(app, request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/indicators/:id/values',
    { config: { convention: { of: 'indicator', ability: 'editPlan' } }, schema: { tags, summary: 'Enregistrer une valeur mesurée', params: idParamsSchema, body: indicatorValueInput, response: { 201: indicatorSchema } } },
    async (request, reply) => reply.status(201).send(await service.addValue(contextOf(app, request), request.params.id, request.body)),
  );
  app.delete(
    '/indicator-values/:id',
    { config: { convention: { of: 'indicatorValue', ability: 'editPlan' } }, schema: { tags, summary: 'Retirer une valeur mesurée', params: idParamsSchema, response: { 200: indicatorSchema } } },
    async (request) => service.deleteValue(contextOf(app, request), request.params.id),
  );
};
