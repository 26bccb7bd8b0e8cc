import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../shared/api/common.js';
import { webhookCreatedSchema, webhookCreateInput, webhookDeliverySchema, webhookSchema, webhookUpdateInput } from '../../shared/api/webhooks.js';
import { contextOf } from '../platform/http/fastify-types.js';
import * as service from './webhooks.service.js';

const tags = ['webhooks'];

/** Administration of webhooks: platform administrators (every Caf) and Caf administrators (their Caf). */
export const webhooksRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/webhooks', { schema: { tags, summary: 'Webhooks enregistrés', response: { 200: z.array(webhookSchema) } } }, async (request) => service.listWebhooks(contextOf(app, request)));
  app.post(
    '/webhooks',
    { schema: { tags, summary: 'Enregistrer une URL pour des événements (la clé de signature n’est affichée qu’ici)', body: webhookCreateInput, response: { 201: webhookCreatedSchema } } },
    async (request, reply) => reply.status(201).send(await service.createWebhook(contextOf(app, request), request.body)),
  );
  app.patch(
    '/webhooks/:id',
    { schema: { tags, summary: 'Modifier un webhook (URL, événements, actif)', params: idParamsSchema, body: webhookUpdateInput, response: { 200: webhookSchema } } },
    async (request) => service.updateWebhook(contextOf(app, request), request.params.id, request.body),
  );
  app.delete('/webhooks/:id', { schema: { tags, summary: 'Supprimer un webhook et son journal', params: idParamsSchema, response: { 204: z.null() } } }, async (request, reply) => {
    await service.deleteWebhook(contextOf(app, request), request.params.id);
    return reply.status(204).send(null);
  });
  app.get(
    '/webhooks/:id/deliveries',
    { schema: { tags, summary: 'Dernières livraisons d’un webhook et chacun de leurs essais (code HTTP, durée, erreur)', params: idParamsSchema, response: { 200: z.array(webhookDeliverySchema) } } },
    async (request) => service.listDeliveries(contextOf(app, request), request.params.id),
  );
};
