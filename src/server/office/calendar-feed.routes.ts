import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { calendarFeedCreatedSchema, calendarFeedSchema } from '../../shared/api/office.js';
import { contextOf } from '../platform/http/fastify-types.js';
import { actorLabel } from '../accounts/principal.js';
import { getCalendarFeed, personFeed, renewCalendarFeed, revokeCalendarFeed } from './calendar-feed.service.js';
import { logExport } from './plan-export.service.js';

const tags = ['calendriers'];
const feedParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{40,60}$/, 'Adresse de calendrier invalide') });

/** The personal calendar: its secret address (managed from the account page) and the feed itself. */
export const calendarFeedRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/me/calendar-feed', { schema: { tags, summary: 'Mon adresse de calendrier : active ou non (l’adresse n’est jamais réaffichée)', response: { 200: calendarFeedSchema } } }, async (request) =>
    getCalendarFeed(contextOf(app, request)),
  );
  app.post(
    '/me/calendar-feed',
    { schema: { tags, summary: 'Créer ou renouveler mon adresse secrète de calendrier (l’ancienne cesse de fonctionner)', response: { 201: calendarFeedCreatedSchema } } },
    async (request, reply) => reply.status(201).send(await renewCalendarFeed(contextOf(app, request), app.config.publicUrl)),
  );
  app.delete('/me/calendar-feed', { schema: { tags, summary: 'Révoquer mon adresse de calendrier', response: { 204: z.null() } } }, async (request, reply) => {
    await revokeCalendarFeed(contextOf(app, request));
    return reply.status(204).send(null);
  });
  app.get(
    '/calendar-feeds/:token/calendar.ics',
    {
      schema: { tags, summary: 'Calendrier personnel (iCalendar) : signatures et échéances des conventions visibles, fins des actions pilotées, bilans à valider', params: feedParams },
    },
    async (request, reply) => {
      const { ics, principal } = await personFeed(app.db, request.params.token, new URL(app.config.publicUrl).hostname || 'pilote-ctg');
      await logExport({ ...contextOf(app, request), actor: actorLabel(principal) }, { format: 'ics', what: 'calendrier-personnel' });
      return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, no-store').send(ics);
    },
  );
};
