import { z } from 'zod';
import { isoDateSchema, themeCodeSchema } from './common.js';
import { coverageScopeQuery, coverageScopeSchema, refineScope, scopeMessage } from './coverage.js';
import { ACTION_STATUSES, CONVENTION_STATUSES } from '../enums.js';


const placeSchema = z.object({ code: z.string(), name: z.string() });

export const themesMatrixQuery = z.object({ ...coverageScopeQuery }).refine(refineScope, scopeMessage);
export type ThemesMatrixQuery = z.infer<typeof themesMatrixQuery>;

export const themesMatrixSchema = z.object({
  scope: coverageScopeSchema,
  themes: z.array(z.object({ code: z.string(), label: z.string(), conventionCount: z.int(), actionCount: z.int() })),
  rows: z.array(
    z.object({
      conventionId: z.int(),
      title: z.string(),
      status: z.enum(CONVENTION_STATUSES),
      startYear: z.int(),
      endYear: z.int(),
      territories: z.array(placeSchema),
      cells: z.array(z.object({ theme: z.string(), declared: z.boolean(), actionCount: z.int() })),
    }),
  ),
});
export type ThemesMatrix = z.infer<typeof themesMatrixSchema>;

export const themeActionsQuery = z
  .object({
    ...coverageScopeQuery,
    theme: themeCodeSchema,
    convention: z.coerce.number().int().positive().optional(),
  })
  .refine(refineScope, scopeMessage);
export type ThemeActionsQuery = z.infer<typeof themeActionsQuery>;

export const matrixActionSchema = z.object({
  id: z.int(),
  title: z.string(),
  description: z.string().nullable(),
  status: z.enum(ACTION_STATUSES),
  conventionId: z.int(),
  conventionTitle: z.string(),
  territories: z.array(placeSchema),
});
export type MatrixAction = z.infer<typeof matrixActionSchema>;
export const themeActionsSchema = z.object({ theme: z.object({ code: z.string(), label: z.string() }), actions: z.array(matrixActionSchema) });
export type ThemeActions = z.infer<typeof themeActionsSchema>;

export const renewalsQuery = z
  .object({
    ...coverageScopeQuery,
    date: isoDateSchema.optional().describe('Date de référence ; aujourd’hui par défaut'),
    months: z.coerce.number().int().min(1).max(60).default(12).describe('Horizon en mois'),
  })
  .refine(refineScope, scopeMessage);
export type RenewalsQuery = z.infer<typeof renewalsQuery>;

const renewalConventionSchema = z.object({
  id: z.int(),
  title: z.string(),
  status: z.enum(CONVENTION_STATUSES),
  startYear: z.int(),
  endYear: z.int(),
  endDate: z.string(),
  population: z.int(),
  territories: z.array(placeSchema),
});
export type RenewalConvention = z.infer<typeof renewalConventionSchema>;

export const renewalsSchema = z.object({
  scope: coverageScopeSchema,
  date: z.string(),
  months: z.int(),
  endingSoon: z.array(renewalConventionSchema).describe('En vigueur, se terminant dans l’horizon'),
  expiredWithoutSuccessor: z.array(renewalConventionSchema).describe('Période terminée, aucune convention ne la renouvelle'),
  neverCovered: z.object({
    population: z.int(),
    communes: z.array(z.object({ code: z.string(), name: z.string(), population: z.int() })),
  }),
});
export type Renewals = z.infer<typeof renewalsSchema>;

export const similarActionsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(20).default(5).describe('Nombre d’actions proposées (5 par défaut)'),
});
export type SimilarActionsQuery = z.infer<typeof similarActionsQuery>;

export const similarActionSchema = matrixActionSchema.extend({
  score: z.number().min(0).max(1).describe('Similarité des textes (cosinus TF-IDF sur les racines des mots), de 0 à 1'),
  matchedWords: z
    .array(z.object({ word: z.string(), stem: z.string(), share: z.number() }))
    .describe('Mots partagés, les plus déterminants d’abord, avec leur part du score'),
});
export type SimilarAction = z.infer<typeof similarActionSchema>;
export const similarActionsSchema = z.object({
  action: z.object({ id: z.int(), title: z.string(), conventionId: z.int() }),
  method: z.string().describe('Comment la similarité est calculée'),
  comparedCount: z.int().describe('Actions des autres conventions comparées (celles que l’appelant peut voir)'),
  items: z.array(similarActionSchema),
});
export type SimilarActions = z.infer<typeof similarActionsSchema>;
