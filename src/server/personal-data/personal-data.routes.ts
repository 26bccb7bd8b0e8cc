import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { personalDataErasureSchema, personalDataSchema, personalDataSubject } from '../../shared/api/personal-data.js';
import { contextOf } from '../platform/http/fastify-types.js';
import { erasePersonalData, personalDataOf } from './personal-data.service.js';

const tags = ['données personnelles'];

/** RGPD: what is stored about a person or an account, its export, its erasure (platform administrators). */
export const personalDataRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/personal-data',
    { schema: { tags, summary: 'Ce que le produit conserve sur une personne et son compte', querystring: personalDataSubject, response: { 200: personalDataSchema } } },
    async (request) => personalDataOf(app.db, request.principal, request.query),
  );
  app.get(
    '/personal-data/export.json',
    { schema: { tags, summary: 'Exporter ces données (JSON, inscrit au journal de sécurité)', querystring: personalDataSubject } },
    async (request, reply) => {
      const data = await personalDataOf(app.db, request.principal, request.query);
      const name = request.query.userId ? `compte-${request.query.userId}` : `personne-${request.query.personId}`;
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="donnees-personnelles-${name}.json"`)
        .send(JSON.stringify(data, null, 2));
    },
  );
  app.post(
    '/personal-data/erasure',
    {
      schema: {
        tags,
        summary: 'Effacer ces données (les signatures restent, avec le nom, comme faits juridiques ; l’effacement est noté)',
        body: personalDataSubject,
        response: { 200: personalDataErasureSchema },
      },
    },
    async (request) => erasePersonalData(contextOf(app, request), request.body),
  );
};
