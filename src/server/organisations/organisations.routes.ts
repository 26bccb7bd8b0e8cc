import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  organisationCreateInput,
  organisationListQuery,
  organisationSchema,
  personCreateInput,
  personListQuery,
  personSchema,
} from '../../shared/api/organisations.js';
import { idParamsSchema } from '../../shared/api/common.js';
import { contextOf } from '../platform/http/fastify-types.js';
import * as service from './organisations.service.js';
import { requireSignedInCaller } from '../accounts/access.js';

export const organisationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/organisations',
    { schema: { tags: ['organisations'], summary: 'Caf, collectivités et partenaires', querystring: organisationListQuery, response: { 200: z.array(organisationSchema) } } },
    async (request) => service.listOrganisations(app.db, request.query),
  );
  app.get(
    '/organisations/:id',
    { schema: { tags: ['organisations'], summary: 'Une organisation', params: idParamsSchema, response: { 200: organisationSchema } } },
    async (request) => service.getOrganisation(app.db, request.params.id),
  );
  app.post(
    '/organisations',
    { schema: { tags: ['organisations'], summary: 'Ajouter une organisation', body: organisationCreateInput, response: { 201: organisationSchema } } },
    async (request, reply) => reply.status(201).send(await service.createOrganisation(contextOf(app, request), request.body)),
  );
  app.get(
    '/persons',
    { schema: { tags: ['personnes'], summary: 'Personnes et leurs mandats', querystring: personListQuery, response: { 200: z.array(personSchema) } } },
    async (request) => {
      requireSignedInCaller(request.principal);
      return service.listPersons(app.db, request.query);
    },
  );
  app.get(
    '/persons/:id',
    { schema: { tags: ['personnes'], summary: 'Une personne et ses mandats', params: idParamsSchema, response: { 200: personSchema } } },
    async (request) => {
      requireSignedInCaller(request.principal);
      return service.getPerson(app.db, request.params.id);
    },
  );
  app.post(
    '/persons',
    { schema: { tags: ['personnes'], summary: 'Ajouter une personne et ses mandats', body: personCreateInput, response: { 201: personSchema } } },
    async (request, reply) => reply.status(201).send(await service.createPerson(contextOf(app, request), request.body)),
  );
};
