import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../shared/api/common.js';
import { openDataQuery } from '../../shared/api/office.js';
import { principalOf } from '../accounts/access.js';
import { getConventionDetail } from '../conventions/conventions.queries.js';
import { contextOf } from '../platform/http/fastify-types.js';
import { conventionCalendar } from './calendar.js';
import { meetingsOfConvention } from './calendar-feed.repository.js';
import { OPEN_DATA_SETS, tableSchema } from './open-data.js';
import { openDataCsv, openDataJson } from './open-data.service.js';
import { fileSlug, logExport } from './plan-export.service.js';

const tags = ['données ouvertes'];

/** Public files: open data of published conventions and actions, and convention calendars. */
export const openDataRoutes: FastifyPluginAsyncZod = async (app) => {
  for (const set of OPEN_DATA_SETS) {
    const label = set === 'conventions' ? 'conventions signées' : 'actions publiées des conventions signées';
    app.get(
      `/open-data/${set}.csv`,
      { schema: { tags, summary: `Données ouvertes en CSV : ${label}, selon le schéma versionné`, querystring: openDataQuery } },
      async (request, reply) => {
        const csv = await openDataCsv(contextOf(app, request), set, request.query.convention);
        return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${set}.csv"`).send(csv);
      },
    );
    app.get(
      `/open-data/${set}.json`,
      { schema: { tags, summary: `Données ouvertes en JSON : ${label}, avec la version du schéma`, querystring: openDataQuery } },
      async (request) => openDataJson(contextOf(app, request), set, request.query.convention),
    );
    app.get(`/open-data/schemas/${set}.json`, { schema: { tags, summary: `Schéma (Table Schema) versionné du jeu « ${set} »` } }, async () => tableSchema(set));
  }
  app.get(
    '/conventions/:id/calendar.ics',
    {
      config: { convention: { of: 'convention', ability: 'read' } },
      schema: { tags, summary: 'Calendrier (iCalendar) des signatures, des réunions de gouvernance et de l’échéance d’une convention', params: idParamsSchema },
    },
    async (request, reply) => {
      const ctx = contextOf(app, request);
      const convention = await getConventionDetail(app.db, request.params.id, principalOf(ctx));
      // Meetings are internal: the public view of a signed convention shows its signatures and end only.
      const meetings = convention.abilities.publicView ? [] : await meetingsOfConvention(app.db, convention.id);
      const ics = conventionCalendar(convention, new URL(app.config.publicUrl).hostname || 'pilote-ctg', meetings);
      await logExport(ctx, { format: 'ics', what: 'calendrier', conventionId: convention.id });
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="calendrier-${convention.id}-${fileSlug(convention.title)}.ics"`)
        .send(ics);
    },
  );
};
