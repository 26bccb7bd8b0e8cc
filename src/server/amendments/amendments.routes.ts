import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../shared/api/common.js';
import {
  amendmentCreateInput, amendmentSchema, amendmentUpdateInput, planDiffQuery, planDiffSchema, planVersionInput, planVersionSchema, planVersionSummarySchema,
} from '../../shared/api/amendments.js';
import { contextOf } from '../platform/http/fastify-types.js';
import * as service from './amendments.service.js';

export const amendmentsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['avenants et versions du plan'];
  app.get(
    '/conventions/:id/amendments',
    { config: { convention: { of: 'convention', ability: 'read', internal: true } }, schema: { tags, summary: 'Avenants d’une convention, par numéro', params: idParamsSchema, response: { 200: z.array(amendmentSchema) } } },
    async (request) => service.listAmendments(app.db, request.params.id),
  );
  app.post(
    '/conventions/:id/amendments',
    { config: { convention: { of: 'convention', ability: 'edit' } }, schema: { tags, summary: 'Enregistrer un avenant signé (numéro attribué dans l’ordre)', params: idParamsSchema, body: amendmentCreateInput, response: { 201: amendmentSchema } } },
    async (request, reply) => reply.status(201).send(await service.createAmendment(contextOf(app, request), request.params.id, request.body)),
  );
  app.patch(
    '/amendments/:id',
    { config: { convention: { of: 'amendment', ability: 'edit' } }, schema: { tags, summary: 'Corriger un avenant (avec sa version)', params: idParamsSchema, body: amendmentUpdateInput, response: { 200: amendmentSchema } } },
    async (request) => service.updateAmendment(contextOf(app, request), request.params.id, request.body),
  );
  app.get(
    '/conventions/:id/plan-versions',
    { config: { convention: { of: 'convention', ability: 'read', internal: true } }, schema: { tags, summary: 'Versions enregistrées du plan d’actions', params: idParamsSchema, response: { 200: z.array(planVersionSummarySchema) } } },
    async (request) => service.listPlanVersions(app.db, request.params.id),
  );
  app.post(
    '/conventions/:id/plan-versions',
    { config: { convention: { of: 'convention', ability: 'edit' } }, schema: { tags, summary: 'Enregistrer la version actuelle du plan', params: idParamsSchema, body: planVersionInput, response: { 201: planVersionSchema } } },
    async (request, reply) => reply.status(201).send(await service.createPlanVersion(contextOf(app, request), request.params.id, request.body.label)),
  );
  app.get(
    '/plan-versions/:id',
    { config: { convention: { of: 'planVersion', ability: 'read', internal: true } }, schema: { tags, summary: 'Une version du plan', params: idParamsSchema, response: { 200: planVersionSchema } } },
    async (request) => service.getPlanVersion(app.db, request.params.id),
  );
  app.get(
    '/conventions/:id/plan-diff',
    { config: { convention: { of: 'convention', ability: 'read', internal: true } }, schema: { tags, summary: 'Différences entre deux versions du plan (ou avec le plan actuel)', params: idParamsSchema, querystring: planDiffQuery, response: { 200: planDiffSchema } } },
    async (request) => service.planDiff(app.db, request.params.id, request.query.from, request.query.to),
  );
};
