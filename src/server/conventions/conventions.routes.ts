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

/** The tables each cached answer reads (ADR 0022; checked by cache-reads.test.ts). */
const CONVENTION_LIST_READS = [
  'convention', 'convention_activity', 'convention_territory', 'convention_theme', 'territory', 'territory_member', 'theme',
  'action', 'action_theme', 'signature_event',
] as const;
const CONVENTION_DETAIL_READS = [
  ...CONVENTION_LIST_READS, 'convention_status_change', 'party', 'person', 'signatory',
  'axis', 'action_axis', 'budget_line', 'facility',
] as const;

export const conventionsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/conventions',
    {
      config: { cacheReads: CONVENTION_LIST_READS },
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
      config: { cacheReads: CONVENTION_DETAIL_READS },
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
