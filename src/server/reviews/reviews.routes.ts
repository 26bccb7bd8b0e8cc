import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../shared/api/common.js';
import { reviewCreateInput, reviewSchema, reviewUpdateInput, reviewValidateInput } from '../../shared/api/reviews.js';
import { contextOf } from '../platform/http/fastify-types.js';
import * as service from './reviews.service.js';

export const reviewsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['bilans'];
  app.get(
    '/conventions/:id/reviews',
    { config: { convention: { of: 'convention', ability: 'read', internal: true } }, schema: { tags, summary: 'Bilans annuels et évaluation finale d’une convention', params: idParamsSchema, response: { 200: z.array(reviewSchema) } } },
    async (request) => service.listReviews(app.db, request.params.id),
  );
  app.post(
    '/conventions/:id/reviews',
    { config: { convention: { of: 'convention', ability: 'editPlan' } }, schema: { tags, summary: 'Ouvrir un bilan (brouillon)', params: idParamsSchema, body: reviewCreateInput, response: { 201: reviewSchema } } },
    async (request, reply) => reply.status(201).send(await service.createReview(contextOf(app, request), request.params.id, request.body)),
  );
  app.get(
    '/reviews/:id',
    { config: { convention: { of: 'review', ability: 'read', internal: true } }, schema: { tags, summary: 'Un bilan et son instantané', params: idParamsSchema, response: { 200: reviewSchema } } },
    async (request) => service.getReview(app.db, request.params.id),
  );
  app.patch(
    '/reviews/:id',
    { config: { convention: { of: 'review', ability: 'editPlan' } }, schema: { tags, summary: 'Rédiger un bilan en brouillon (récits par axe, évaluation)', params: idParamsSchema, body: reviewUpdateInput, response: { 200: reviewSchema } } },
    async (request) => service.updateReview(contextOf(app, request), request.params.id, request.body),
  );
  app.post(
    '/reviews/:id/validate',
    { config: { convention: { of: 'review', ability: 'edit' } }, schema: { tags, summary: 'Valider et figer un bilan', params: idParamsSchema, body: reviewValidateInput, response: { 200: reviewSchema } } },
    async (request) => service.validateReview(contextOf(app, request), request.params.id, request.body.version),
  );
};
