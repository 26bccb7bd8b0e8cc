import { z } from 'zod';
import { NEWS_STATUSES } from '../enums.js';
import { idSchema, isoDateSchema, shortLabel, versionSchema } from './common.js';

const MAX_BODY = 100_000;

/** What to write about: a period (a month, a quarter, any range of dates) or a chosen set of signatures. */
export const newsDraftInput = z
  .object({
    from: isoDateSchema.optional().describe('Premier jour de la période (AAAA-MM-JJ)'),
    to: isoDateSchema.optional().describe('Dernier jour de la période (AAAA-MM-JJ)'),
    signatureEventIds: z.array(idSchema).min(1, 'Choisissez au moins une signature').max(50).optional(),
  })
  .superRefine((input, ctx) => {
    if (input.signatureEventIds) {
      if (new Set(input.signatureEventIds).size !== input.signatureEventIds.length) {
        ctx.addIssue({ code: 'custom', path: ['signatureEventIds'], message: 'Une même signature est citée deux fois' });
      }
      return;
    }
    if (!input.from) ctx.addIssue({ code: 'custom', path: ['from'], message: 'Indiquez le début de la période ou choisissez des signatures' });
    if (!input.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Indiquez la fin de la période ou choisissez des signatures' });
    if (input.from && input.to && input.to < input.from) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'La fin de la période doit suivre son début' });
    }
  });
export type NewsDraftInput = z.infer<typeof newsDraftInput>;

export const newsDraftSchema = z.object({
  title: z.string(),
  body: z.string().describe('Markdown, sans le titre'),
  markdown: z.string().describe('L’article entier en Markdown, titre compris'),
  signatureEventIds: z.array(z.int()),
  conventionIds: z.array(z.int()),
  firstDate: z.string(),
  lastDate: z.string(),
});
export type NewsDraft = z.infer<typeof newsDraftSchema>;

export const newsCoveredSignatureSchema = z.object({
  signatureEventId: z.int(),
  conventionId: z.int(),
  conventionTitle: z.string(),
  date: z.string(),
  place: z.string().nullable(),
});

export const newsSummarySchema = z.object({
  id: z.int(),
  slug: z.string(),
  title: z.string(),
  status: z.enum(NEWS_STATUSES),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
  hasHumanEdits: z.boolean(),
  version: z.int(),
});
export type NewsSummary = z.infer<typeof newsSummarySchema>;

export const newsItemSchema = newsSummarySchema.extend({
  body: z.string(),
  html: z.string().describe('Le corps rendu en HTML nettoyé'),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedBy: z.string(),
  publishedBy: z.string().nullable(),
  archivedAt: z.string().nullable(),
  archivedBy: z.string().nullable(),
  signatures: z.array(newsCoveredSignatureSchema),
  allowedTransitions: z.array(z.enum(NEWS_STATUSES)),
});
export type NewsItem = z.infer<typeof newsItemSchema>;

export const newsListQuery = z.object({
  status: z.enum(NEWS_STATUSES).optional(),
});

export const newsUpdateInput = z.object({
  version: versionSchema,
  title: shortLabel(3, 200).optional(),
  body: z.string().trim().min(1, 'Le texte de l’article ne peut pas être vide').max(MAX_BODY).optional(),
});
export type NewsUpdateInput = z.infer<typeof newsUpdateInput>;

export const newsRegenerateInput = z.object({
  version: versionSchema,
  overwrite: z.boolean().default(false).describe('Remplacer aussi les modifications faites à la main'),
});
export type NewsRegenerateInput = z.infer<typeof newsRegenerateInput>;

export const newsStatusInput = z.object({ version: versionSchema, status: z.enum(NEWS_STATUSES) });
export type NewsStatusInput = z.infer<typeof newsStatusInput>;

export const newsRenderInput = z.object({ body: z.string().max(MAX_BODY) });
export const newsRenderSchema = z.object({ html: z.string() });

export const newsSignatureChoiceSchema = z.object({
  id: z.int(),
  date: z.string(),
  place: z.string().nullable(),
  kind: z.string(),
  conventionId: z.int(),
  conventionTitle: z.string(),
});
export type NewsSignatureChoice = z.infer<typeof newsSignatureChoiceSchema>;

export const slugParamsSchema = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,200}$/, 'Adresse d’article invalide') });

export const publicNewsSummarySchema = z.object({
  slug: z.string(),
  title: z.string(),
  publishedAt: z.string(),
  excerpt: z.string(),
});
export type PublicNewsSummary = z.infer<typeof publicNewsSummarySchema>;

export const publicNewsArticleSchema = publicNewsSummarySchema.extend({
  html: z.string(),
  conventions: z.array(z.object({ id: z.int(), title: z.string() })),
});
export type PublicNewsArticle = z.infer<typeof publicNewsArticleSchema>;

export const publicConventionSchema = z.object({
  id: z.int(),
  title: z.string(),
  summary: z.string().nullable(),
  startYear: z.int(),
  endYear: z.int(),
  parties: z.array(z.object({ name: z.string(), kind: z.string() })),
  territories: z.array(z.object({ code: z.string(), name: z.string(), population: z.int().nullable() })),
  themes: z.array(z.object({ code: z.string(), label: z.string() })),
  signatureEvents: z.array(z.object({ date: z.string(), place: z.string().nullable(), signatories: z.array(z.string()) })),
  highlightedActions: z.array(z.object({ title: z.string(), description: z.string().nullable(), themes: z.array(z.string()) })),
  news: z.array(z.object({ slug: z.string(), title: z.string() })),
});
export type PublicConvention = z.infer<typeof publicConventionSchema>;
