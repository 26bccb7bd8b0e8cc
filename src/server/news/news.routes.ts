import { requireAnyCafRole } from '../accounts/access.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idParamsSchema } from '../../shared/api/common.js';
import {
  newsDraftInput,
  newsDraftSchema,
  newsItemSchema,
  newsListQuery,
  newsRegenerateInput,
  newsRenderInput,
  newsRenderSchema,
  newsSignatureChoiceSchema,
  newsStatusInput,
  newsSummarySchema,
  newsUpdateInput,
} from '../../shared/api/news.js';
import { contextOf } from '../platform/http/fastify-types.js';
import * as service from './news.service.js';
import { exportDocx, exportEmailHtml } from './news.public.service.js';
import { renderMarkdown } from './news.render.js';

const tags = ['actualités'];
const scope = (request: FastifyRequest) => service.newsScopeOf(request.principal ?? null);

/** Writing, editing and publishing the partner news. */
/** The newsroom is the Cafs' communication work: Caf staff and platform administrators only. */
export const newsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preValidation', async (request) => requireAnyCafRole(request.principal));
  app.post(
    '/news/draft',
    { schema: { tags, summary: 'Rédiger un brouillon d’article (sans l’enregistrer) pour une période ou des signatures', body: newsDraftInput, response: { 200: newsDraftSchema } } },
    async (request) => service.draftNews(app.db, scope(request), request.body),
  );
  app.get(
    '/news/signature-events',
    { schema: { tags, summary: 'Les signatures dont on peut écrire l’actualité, les plus récentes d’abord', response: { 200: z.array(newsSignatureChoiceSchema) } } },
    async (request) => service.listSignatureChoices(app.db, scope(request)),
  );
  app.post(
    '/news/render',
    { schema: { tags, summary: 'Aperçu : Markdown rendu en HTML nettoyé', body: newsRenderInput, response: { 200: newsRenderSchema } } },
    async (request) => ({ html: renderMarkdown(request.body.body) }),
  );
  app.get(
    '/news',
    { schema: { tags, summary: 'Lister les articles (tous statuts)', querystring: newsListQuery, response: { 200: z.array(newsSummarySchema) } } },
    async (request) => service.listNews(app.db, scope(request), request.query.status),
  );
  app.post(
    '/news',
    { schema: { tags, summary: 'Créer un brouillon d’article généré à partir des signatures', body: newsDraftInput, response: { 201: newsItemSchema } } },
    async (request, reply) => reply.status(201).send(await service.createNewsItem(contextOf(app, request), request.body)),
  );
  app.get(
    '/news/:id',
    { schema: { tags, summary: 'Un article, avec les signatures et conventions qu’il couvre', params: idParamsSchema, response: { 200: newsItemSchema } } },
    async (request) => service.getNewsItem(app.db, request.params.id, scope(request)),
  );
  app.patch(
    '/news/:id',
    { schema: { tags, summary: 'Modifier le titre ou le texte (avec sa version)', params: idParamsSchema, body: newsUpdateInput, response: { 200: newsItemSchema } } },
    async (request) => service.updateNewsItem(contextOf(app, request), request.params.id, request.body),
  );
  app.post(
    '/news/:id/regenerate',
    {
      schema: {
        tags,
        summary: 'Régénérer le brouillon depuis les données ; 409 s’il a été modifié à la main, sauf avec overwrite',
        params: idParamsSchema,
        body: newsRegenerateInput,
        response: { 200: newsItemSchema },
      },
    },
    async (request) => service.regenerateNewsItem(contextOf(app, request), request.params.id, request.body),
  );
  app.post(
    '/news/:id/status',
    { schema: { tags, summary: 'Publier, archiver ou repasser en brouillon', params: idParamsSchema, body: newsStatusInput, response: { 200: newsItemSchema } } },
    async (request) => service.changeNewsStatus(contextOf(app, request), request.params.id, request.body),
  );
  app.get(
    '/news/:id/export.html',
    { schema: { tags, summary: 'Export HTML pour un envoi par courriel (styles en ligne)', params: idParamsSchema } },
    async (request, reply) => {
      const { filename, html } = await exportEmailHtml(app.db, scope(request), request.params.id, `${request.protocol}://${request.host}`, app.config.brand);
      return reply.type('text/html; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`).send(html);
    },
  );
  app.get(
    '/news/:id/export.docx',
    { schema: { tags, summary: 'Export Word (DOCX)', params: idParamsSchema } },
    async (request, reply) => {
      const { filename, buffer } = await exportDocx(app.db, scope(request), request.params.id, app.config.brand);
      return reply
        .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(buffer);
    },
  );
};
