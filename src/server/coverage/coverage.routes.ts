import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  coverageAreasQuery,
  coverageAreasSchema,
  coverageQuery,
  coverageSchema,
  coverageTimelineQuery,
  coverageTimelineSchema,
} from '../../shared/api/coverage.js';
import {
  coverageTargetCreateInput,
  coverageTargetDeleteQuery,
  coverageTargetSchema,
  coverageTargetsQuery,
  coverageTargetsSchema,
  coverageTargetUpdateInput,
} from '../../shared/api/coverage-targets.js';
import { idParamsSchema } from '../../shared/api/common.js';
import { contextOf } from '../platform/http/fastify-types.js';
import * as service from './coverage.service.js';
import * as targets from './targets.service.js';

const tags = ['couverture'];

export const coverageRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/coverage',
    {
      config: { cacheByDataVersion: true },
      schema: {
        tags,
        summary: 'Part de la population couverte par une CTG en vigueur à une date (département, région ou France)',
        querystring: coverageQuery,
        response: { 200: coverageSchema },
      },
    },
    async (request) => service.getCoverage(app.db, request.query),
  );
  app.get(
    '/coverage/departements',
    { schema: { tags, summary: 'Couverture de chaque département (carte)', querystring: coverageAreasQuery, response: { 200: coverageAreasSchema } } },
    async (request) => service.getCoverageByDepartement(app.db, request.query.date),
  );
  app.get(
    '/coverage/regions',
    { schema: { tags, summary: 'Couverture de chaque région', querystring: coverageAreasQuery, response: { 200: coverageAreasSchema } } },
    async (request) => service.getCoverageByRegion(app.db, request.query.date),
  );
  app.get(
    '/coverage/timeline',
    {
      config: { cacheByDataVersion: true },
      schema: {
        tags,
        summary: 'Couverture au 31 décembre de chaque année, face à la trajectoire cible',
        querystring: coverageTimelineQuery,
        response: { 200: coverageTimelineSchema },
      },
    },
    async (request) => service.getCoverageTimeline(app.db, request.query),
  );

  app.get(
    '/coverage/targets',
    { schema: { tags, summary: 'Trajectoire nationale et cibles de couverture d’une Caf', querystring: coverageTargetsQuery, response: { 200: coverageTargetsSchema } } },
    async (request) => targets.listCoverageTargets(app.db, request.query.caf),
  );
  app.post(
    '/coverage/targets',
    { schema: { tags, summary: 'Fixer la cible de couverture d’une Caf pour une année', body: coverageTargetCreateInput, response: { 201: coverageTargetSchema } } },
    async (request, reply) => reply.status(201).send(await targets.createCoverageTarget(contextOf(app, request), request.body)),
  );
  app.patch(
    '/coverage/targets/:id',
    { schema: { tags, summary: 'Modifier une cible (avec sa version)', params: idParamsSchema, body: coverageTargetUpdateInput, response: { 200: coverageTargetSchema } } },
    async (request) => targets.updateCoverageTarget(contextOf(app, request), request.params.id, request.body),
  );
  app.delete(
    '/coverage/targets/:id',
    { schema: { tags, summary: 'Supprimer une cible (avec sa version)', params: idParamsSchema, querystring: coverageTargetDeleteQuery, response: { 204: z.null() } } },
    async (request, reply) => {
      await targets.deleteCoverageTarget(contextOf(app, request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );
};
