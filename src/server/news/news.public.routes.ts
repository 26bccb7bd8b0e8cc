import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema } from '../../shared/api/common.js';
import { publicConventionSchema, publicNewsArticleSchema, publicNewsSummarySchema, slugParamsSchema } from '../../shared/api/news.js';
import { getPublicArticle, getPublicConvention, listPublicNews, newsFeed } from './news.public.service.js';

const tags = ['public'];

/** What anyone may read without signing in: published news, their Atom feed, signed conventions' summaries. */
export const newsPublicRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/public/news',
    { schema: { tags, summary: 'Les articles publiés, les plus récents d’abord', response: { 200: z.array(publicNewsSummarySchema) } } },
    async () => listPublicNews(app.db),
  );
  app.get(
    '/public/news.atom',
    { schema: { tags, summary: 'Flux Atom des articles publiés' } },
    async (request, reply) =>
      reply.type('application/atom+xml; charset=utf-8').send(await newsFeed(app.db, `${request.protocol}://${request.host}`, app.config.brand)),
  );
  app.get(
    '/public/news/:slug',
    { schema: { tags, summary: 'Un article publié', params: slugParamsSchema, response: { 200: publicNewsArticleSchema } } },
    async (request) => getPublicArticle(app.db, request.params.slug),
  );
  app.get(
    '/public/conventions/:id',
    { schema: { tags, summary: 'Fiche publique d’une CTG signée : parties, période, champs, projets mis en avant', params: idParamsSchema, response: { 200: publicConventionSchema } } },
    async (request) => getPublicConvention(app.db, request.params.id),
  );
};
