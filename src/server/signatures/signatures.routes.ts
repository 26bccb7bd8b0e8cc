import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  partyCreateInput,
  partySchema,
  partyUpdateInput,
  signatureEventCreateInput,
  signatureEventSchema,
  signatureEventUpdateInput,
} from '../../shared/api/signatures.js';
import { idParamsSchema } from '../../shared/api/common.js';
import { contextOf } from '../platform/http/fastify-types.js';
import { requireConventionAccess } from '../accounts/access.js';
import * as service from './signatures.service.js';

export const signaturesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/conventions/:id/parties',
    { schema: { tags: ['parties'], summary: 'Parties signataires d’une convention', params: idParamsSchema, response: { 200: z.array(partySchema) } } },
    async (request) => {
      await requireConventionAccess(app.db, request.principal, request.params.id, 'read');
      return service.listPartiesOf(app.db, [request.params.id]);
    },
  );
  app.post(
    '/conventions/:id/parties',
    { schema: { tags: ['parties'], summary: 'Ajouter une partie', params: idParamsSchema, body: partyCreateInput, response: { 201: partySchema } } },
    async (request, reply) => reply.status(201).send(await service.createParty(contextOf(app, request), request.params.id, request.body)),
  );
  app.patch(
    '/parties/:id',
    { schema: { tags: ['parties'], summary: 'Modifier une partie (délibération, engagements)', params: idParamsSchema, body: partyUpdateInput, response: { 200: partySchema } } },
    async (request) => service.updateParty(contextOf(app, request), request.params.id, request.body),
  );
  app.get(
    '/conventions/:id/signature-events',
    { schema: { tags: ['signatures'], summary: 'Signatures d’une convention', params: idParamsSchema, response: { 200: z.array(signatureEventSchema) } } },
    async (request) => {
      await requireConventionAccess(app.db, request.principal, request.params.id, 'read');
      return service.listSignatureEventsOf(app.db, [request.params.id]);
    },
  );
  app.post(
    '/conventions/:id/signature-events',
    { schema: { tags: ['signatures'], summary: 'Enregistrer une signature et ses signataires', params: idParamsSchema, body: signatureEventCreateInput, response: { 201: signatureEventSchema } } },
    async (request, reply) => reply.status(201).send(await service.createSignatureEvent(contextOf(app, request), request.params.id, request.body)),
  );
  app.get(
    '/signature-events/:id',
    { schema: { tags: ['signatures'], summary: 'Une signature', params: idParamsSchema, response: { 200: signatureEventSchema } } },
    async (request) => {
      const event = await service.getSignatureEvent(app.db, request.params.id);
      await requireConventionAccess(app.db, request.principal, event.conventionId, 'read');
      return event;
    },
  );
  app.patch(
    '/signature-events/:id',
    { schema: { tags: ['signatures'], summary: 'Modifier une signature', params: idParamsSchema, body: signatureEventUpdateInput, response: { 200: signatureEventSchema } } },
    async (request) => service.updateSignatureEvent(contextOf(app, request), request.params.id, request.body),
  );
};
