import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  conventionCreateInput,
  conventionDetailSchema,
  conventionListQuery,
  conventionSummarySchema,
  conventionUpdateInput,
  statusChangeInput,
} from '../../shared/api/conventions.js';
import { idParamsSchema, pageOf } from '../../shared/api/common.js';
import { contextOf } from '../platform/http/fastify-types.js';
import * as service from './conventions.service.js';

export const conventionsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/conventions',
    {
      config: { cacheByDataVersion: true },
      schema: {
        tags: ['conventions'],
        summary: 'Lister les conventions (filtres : statut, champ, territoire, Caf, année, texte)',
        querystring: conventionListQuery,
        response: { 200: pageOf(conventionSummarySchema) },
      },
    },
    async (request) => service.listConventions(app.db, request.principal, request.query),
  );
  app.get(
    '/conventions/:id',
    {
      config: { cacheByDataVersion: true },
      schema: {
        tags: ['conventions'],
        summary: 'Une convention : parties, signatures et signataires, plan d’actions, historique',
        params: idParamsSchema,
        response: { 200: conventionDetailSchema },
      },
    },
    async (request) => service.getConventionForCaller(app.db, request.principal, request.params.id),
  );
  app.post(
    '/conventions',
    {
      schema: {
        tags: ['conventions'],
        summary: 'Créer une convention ; la Caf et les collectivités du périmètre deviennent parties',
        body: conventionCreateInput,
        response: { 201: conventionDetailSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createConvention(contextOf(app, request), request.body)),
  );
  app.patch(
    '/conventions/:id',
    {
      schema: {
        tags: ['conventions'],
        summary: 'Modifier une convention (avec sa version)',
        params: idParamsSchema,
        body: conventionUpdateInput,
        response: { 200: conventionDetailSchema },
      },
    },
    async (request) => service.updateConvention(contextOf(app, request), request.params.id, request.body),
  );
  app.post(
    '/conventions/:id/status',
    {
      schema: {
        tags: ['conventions'],
        summary: 'Faire avancer le cycle de vie (transitions contrôlées, historique conservé)',
        params: idParamsSchema,
        body: statusChangeInput,
        response: { 200: conventionDetailSchema },
      },
    },
    async (request) => service.changeConventionStatus(contextOf(app, request), request.params.id, request.body),
  );
};
