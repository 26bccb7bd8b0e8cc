import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  childcareCoverageQuery,
  childcareCoverageSchema,
  dataImportInput,
  dataImportResultSchema,
  dataSeriesSchema,
  seriesCompareQuery,
  seriesCompareSchema,
} from '../../shared/api/diagnostics.js';
import { contextOf } from '../platform/http/fastify-types.js';
import * as service from './diagnostics.service.js';

const tags = ['diagnostic'];

export const diagnosticsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/diagnostics/series', { schema: { tags, summary: 'Séries de données territoriales importées', response: { 200: z.array(dataSeriesSchema) } } }, async () =>
    service.listDataSeries(app.db),
  );
  app.post(
    '/diagnostics/imports',
    {
      schema: {
        tags,
        summary: 'Importer une série depuis un CSV (format Cafdata ou générique) : tout ou rien, erreurs ligne par ligne',
        body: dataImportInput,
        response: { 201: dataImportResultSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await service.importDataSeries(contextOf(app, request), request.body)),
  );
  app.get(
    '/diagnostics/series/:code/compare',
    {
      schema: {
        tags,
        summary: 'Valeurs d’un territoire face à son département et à la France',
        params: z.object({ code: z.string().max(60) }),
        querystring: seriesCompareQuery,
        response: { 200: seriesCompareSchema },
      },
    },
    async (request) => service.compareSeries(app.db, request.params.code, request.query.territory),
  );
  app.get(
    '/diagnostics/childcare-coverage',
    {
      schema: {
        tags,
        summary: 'Taux de couverture en accueil du jeune enfant (places pour 100 enfants de moins de 3 ans), avec sa définition',
        querystring: childcareCoverageQuery,
        response: { 200: childcareCoverageSchema },
      },
    },
    async (request) => service.childcareCoverage(app.db, request.query.territory, request.query.capacitySeries, request.query.childrenSeries),
  );
};
