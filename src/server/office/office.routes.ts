import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import multipart from '@fastify/multipart';
import type { Readable } from 'node:stream';
import { idParamsSchema } from '../../shared/api/common.js';
import { conventionListQuery } from '../../shared/api/conventions.js';
import { actionsExportQuery, indicatorsExportQuery, planImportQuery, planImportReportSchema } from '../../shared/api/office.js';
import { requireSignedInCaller } from '../accounts/access.js';
import { contextOf } from '../platform/http/fastify-types.js';
import { exportPlanXlsx, planTemplateXlsx } from './plan-export.service.js';
import { importPlanXlsx } from './plan-import.service.js';
import { exportActionsXlsx, exportConventionsXlsx, exportIndicatorsXlsx } from './lists-export.service.js';
import { exportActionPdf, exportConventionDocx, exportConventionPdf, exportReviewDocx } from './documents.service.js';
import { openDataRoutes } from './open-data.routes.js';
import { MAX_XLSX_BYTES, readXlsxUpload } from './xlsx-upload.js';

const tags = ['exports'];
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A file download with its name (RFC 5987 form for accents). */
export function sendFile(reply: FastifyReply, type: string, filename: string, body: Buffer | string | Readable) {
  return reply
    .type(type)
    .header('content-disposition', `attachment; filename="${filename.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .header('cache-control', 'no-store')
    .send(body);
}

/** Spreadsheets in and out: the plan of a convention, its import, and filtered lists. */
export const officeRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(multipart, { limits: { fileSize: MAX_XLSX_BYTES, files: 1 } });
  await app.register(openDataRoutes);

  app.get(
    '/conventions/:id/plan.xlsx',
    {
      config: { convention: { of: 'convention', ability: 'read', internal: true } },
      schema: { tags, summary: 'Plan d’actions en classeur Excel : actions, budgets, indicateurs et valeurs (réimportable)', params: idParamsSchema },
    },
    async (request, reply) => {
      const file = await exportPlanXlsx(contextOf(app, request), request.params.id);
      return sendFile(reply, XLSX_TYPE, file.filename, file.buffer);
    },
  );
  app.get(
    '/conventions/:id/convention.docx',
    {
      config: { convention: { of: 'convention', ability: 'read', internal: true } },
      schema: { tags, summary: 'Document de la convention (Word) : parties, préambule, articles, signatures, plan d’actions et indicateurs en annexe', params: idParamsSchema },
    },
    async (request, reply) => {
      const file = await exportConventionDocx(contextOf(app, request), request.params.id);
      return sendFile(reply, DOCX_TYPE, file.filename, file.buffer);
    },
  );
  app.get(
    '/reviews/:id/review.docx',
    {
      config: { convention: { of: 'review', ability: 'read', internal: true } },
      schema: { tags, summary: 'Bilan annuel ou évaluation finale (Word) : chiffres clés, récits, actions et indicateurs par axe, budget de l’année', params: idParamsSchema },
    },
    async (request, reply) => {
      const file = await exportReviewDocx(contextOf(app, request), request.params.id);
      return sendFile(reply, DOCX_TYPE, file.filename, file.buffer);
    },
  );
  app.get(
    '/conventions/:id/summary.pdf',
    {
      config: { convention: { of: 'convention', ability: 'read', internal: true } },
      schema: { tags, summary: 'Synthèse d’une page (PDF) pour les élus', params: idParamsSchema },
    },
    async (request, reply) => {
      const file = await exportConventionPdf(contextOf(app, request), request.params.id);
      return sendFile(reply, 'application/pdf', file.filename, file.buffer);
    },
  );
  app.get(
    '/actions/:id/fiche.pdf',
    {
      config: { convention: { of: 'action', ability: 'read', internal: true } },
      schema: { tags, summary: 'Fiche action d’une page (PDF) : description, pilote, calendrier, budget, indicateurs, derniers points d’étape', params: idParamsSchema },
    },
    async (request, reply) => {
      const file = await exportActionPdf(contextOf(app, request), request.params.id);
      return sendFile(reply, 'application/pdf', file.filename, file.buffer);
    },
  );
  app.get(
    '/plan-import/template.xlsx',
    { schema: { tags, summary: 'Modèle vide de plan d’actions à remplir puis importer' } },
    async (request, reply) => {
      requireSignedInCaller(request.principal);
      return sendFile(reply, XLSX_TYPE, 'modele-plan-actions.xlsx', await planTemplateXlsx());
    },
  );
  app.post(
    '/conventions/:id/plan-import',
    {
      config: { convention: { of: 'convention', ability: 'editPlan' } },
      schema: {
        tags,
        summary: 'Importer un plan d’actions (.xlsx, champ « file ») : tout ou rien ; dryRun=true décrit l’import sans rien enregistrer',
        consumes: ['multipart/form-data'],
        params: idParamsSchema,
        querystring: planImportQuery,
        response: { 200: planImportReportSchema },
      },
    },
    async (request) => {
      const content = await readXlsxUpload(request);
      const dryRun = request.query.dryRun === 'true' || request.query.dryRun === '1';
      return importPlanXlsx(contextOf(app, request), request.params.id, content, dryRun);
    },
  );
  app.get(
    '/exports/conventions.xlsx',
    { schema: { tags, summary: 'Liste filtrée des conventions en classeur Excel (mêmes filtres que la liste)', querystring: conventionListQuery.omit({ limit: true, cursor: true }) } },
    async (request, reply) => {
      requireSignedInCaller(request.principal);
      return sendFile(reply, XLSX_TYPE, 'conventions.xlsx', await exportConventionsXlsx(contextOf(app, request), request.query));
    },
  );
  app.get(
    '/exports/actions.xlsx',
    { schema: { tags, summary: 'Liste filtrée des actions en classeur Excel, avec leurs budgets', querystring: actionsExportQuery } },
    async (request, reply) => {
      requireSignedInCaller(request.principal);
      return sendFile(reply, XLSX_TYPE, 'actions.xlsx', await exportActionsXlsx(contextOf(app, request), request.query));
    },
  );
  app.get(
    '/exports/indicators.xlsx',
    { schema: { tags, summary: 'Indicateurs des conventions visibles, filtrés, avec leurs valeurs (classeur Excel produit au fil de l’eau)', querystring: indicatorsExportQuery } },
    async (request, reply) => {
      requireSignedInCaller(request.principal);
      return sendFile(reply, XLSX_TYPE, 'indicateurs.xlsx', await exportIndicatorsXlsx(contextOf(app, request), request.query));
    },
  );
};
