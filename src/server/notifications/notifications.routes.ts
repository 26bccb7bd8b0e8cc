import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../shared/api/common.js';
import {
  campaignCloseInput, campaignCreateInput, campaignSchema, campaignSummarySchema, notificationCountsSchema, notificationListSchema, notificationPreferenceInput, notificationQuery,
} from '../../shared/api/notifications.js';
import { requireSignedInCaller } from '../accounts/access.js';
import { contextOf } from '../platform/http/fastify-types.js';
import * as service from './notifications.service.js';
import * as campaigns from '../campaigns/campaigns.service.js';

/** The notification centre of the signed-in person, and the Caf's update campaigns. */
export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['notifications'];
  app.get('/notifications', { schema: { tags, summary: 'Mes notifications, avec le nombre de non lues et le filtre « à traiter »', querystring: notificationQuery, response: { 200: notificationListSchema } } },
    async (request) => service.listMine(app.db, request.principal, request.query));
  app.get('/notifications/counts', { schema: { tags, summary: 'Nombre de notifications non lues et à traiter (pastille de l’en-tête)', response: { 200: notificationCountsSchema } } },
    async (request) => service.countsOfCaller(app.db, request.principal));
  app.post('/notifications/:id/read', { schema: { tags, summary: 'Marquer une notification comme lue', params: idParamsSchema, response: { 204: z.null() } } },
    async (request, reply) => {
      await service.markMineRead(app.db, request.principal, request.params.id);
      return reply.status(204).send(null);
    });
  app.post('/notifications/read-all', { schema: { tags, summary: 'Tout marquer comme lu', response: { 204: z.null() } } },
    async (request, reply) => {
      await service.markMineRead(app.db, request.principal, null);
      return reply.status(204).send(null);
    });
  app.put('/notifications/preference', { schema: { tags, summary: 'Recevoir un courriel par événement ou un récapitulatif hebdomadaire', body: notificationPreferenceInput, response: { 204: z.null() } } },
    async (request, reply) => {
      await service.setMyPreference(app.db, request.principal, request.body.mode);
      return reply.status(204).send(null);
    });

  const campaignTags = ['campagnes'];
  app.get('/campaigns', { schema: { tags: campaignTags, summary: 'Campagnes de mise à jour des Caf de l’appelant', response: { 200: z.array(campaignSummarySchema) } } },
    async (request) => {
      requireSignedInCaller(request.principal);
      return campaigns.listCampaignsOf(app.db, request.principal);
    });
  app.post('/campaigns', { schema: { tags: campaignTags, summary: 'Ouvrir une campagne de mise à jour (une convention ou toutes celles de la Caf) : chaque pilote reçoit sa liste', body: campaignCreateInput, response: { 201: campaignSchema } } },
    async (request, reply) => reply.status(201).send(await campaigns.openCampaign(contextOf(app, request), request.body)));
  app.get('/campaigns/:id', { schema: { tags: campaignTags, summary: 'Une campagne : avancement par convention et par pilote', params: idParamsSchema, response: { 200: campaignSchema } } },
    async (request) => campaigns.getCampaign(app.db, request.principal, request.params.id));
  app.post('/campaigns/:id/close', { schema: { tags: campaignTags, summary: 'Clore la campagne : les valeurs de l’année sont verrouillées', params: idParamsSchema, body: campaignCloseInput, response: { 200: campaignSchema } } },
    async (request) => campaigns.closeCampaign(contextOf(app, request), request.params.id, request.body.version));
};
