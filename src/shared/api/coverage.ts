import { z } from 'zod';
import { isoDateSchema } from './common.js';

const queryYear = z.coerce.number().int().min(1990).max(2100);

const departementCode = z.string().regex(/^(?:[0-9][0-9AB]|97[1-6])$/, 'Code de département invalide');
const regionCode = z.string().regex(/^[0-9]{2}$/, 'Code de région invalide');

/** Where to compute: one département, one région, or France (neither). */
export const coverageScopeQuery = {
  departement: departementCode.optional().describe('Code INSEE du département (ex. 92)'),
  region: regionCode.optional().describe('Code INSEE de la région (ex. 11)'),
};
export const refineScope = <T extends { departement?: string; region?: string }>(q: T) => !(q.departement && q.region);
export const scopeMessage: { message: string; path: string[] } = { message: 'Choisissez un département ou une région, pas les deux', path: ['region'] };

export const COMMUNE_LISTS = ['all', 'covered', 'none'] as const;

export const coverageQuery = z
  .object({
    ...coverageScopeQuery,
    date: isoDateSchema.optional().describe('Date d’observation (AAAA-MM-JJ) ; aujourd’hui par défaut'),
    communes: z
      .enum(COMMUNE_LISTS)
      .optional()
      .describe('Communes listées : toutes (défaut pour un département), couvertes (défaut pour une région ou la France) ou aucune'),
  })
  .refine(refineScope, scopeMessage);
export type CoverageQuery = z.infer<typeof coverageQuery>;

export const coverageScopeSchema = z.object({
  kind: z.enum(['france', 'region', 'departement']),
  code: z.string().nullable(),
  name: z.string(),
});
export type CoverageScope = z.infer<typeof coverageScopeSchema>;

export const coveredCommuneSchema = z.object({
  code: z.string(),
  name: z.string(),
  departementCode: z.string().nullable(),
  population: z.int(),
  covered: z.boolean(),
  conventionIds: z.array(z.int()),
});
export type CoveredCommune = z.infer<typeof coveredCommuneSchema>;

export const coverageSchema = z.object({
  population: z.int().describe('Population municipale du territoire (COG)'),
  coveredPopulation: z.int().describe('Population des communes couvertes par une convention en vigueur (chaque commune une fois)'),
  rate: z.number().min(0).max(1),
  communes: z.array(coveredCommuneSchema),
  scope: coverageScopeSchema,
  date: z.string(),
  communeCount: z.int(),
  coveredCommuneCount: z.int(),
  conventionIds: z.array(z.int()).describe('Conventions en vigueur à la date sur ce territoire'),
});
export type Coverage = z.infer<typeof coverageSchema>;

export const coverageAreaSchema = z.object({
  code: z.string(),
  name: z.string(),
  regionCode: z.string().nullable(),
  population: z.int(),
  coveredPopulation: z.int(),
  rate: z.number(),
  communeCount: z.int(),
  coveredCommuneCount: z.int(),
});
export type CoverageArea = z.infer<typeof coverageAreaSchema>;

export const coverageAreasQuery = z.object({ date: isoDateSchema.optional() });
export const coverageAreasSchema = z.object({ date: z.string(), areas: z.array(coverageAreaSchema) });
export type CoverageAreas = z.infer<typeof coverageAreasSchema>;

export const coverageTimelineQuery = z
  .object({
    ...coverageScopeQuery,
    from: queryYear.optional().describe('Première année (défaut 2018)'),
    to: queryYear.optional().describe('Dernière année (défaut : la fin de la dernière convention, au plus tard l’an prochain + 5)'),
  })
  .refine(refineScope, scopeMessage)
  .refine((q) => !q.from || !q.to || (q.to >= q.from && q.to - q.from <= 50), {
    message: 'La période doit aller de « from » à « to », 50 ans au plus',
    path: ['to'],
  });
export type CoverageTimelineQuery = z.infer<typeof coverageTimelineQuery>;

export const coverageTimelineSchema = z.object({
  scope: coverageScopeSchema,
  targetSource: z.enum(['caf', 'national']).describe('Cible de la Caf du département, sinon la trajectoire nationale'),
  points: z.array(
    z.object({
      year: z.int(),
      date: z.string(),
      population: z.int(),
      coveredPopulation: z.int(),
      rate: z.number(),
      target: z.number().nullable(),
    }),
  ),
});
export type CoverageTimeline = z.infer<typeof coverageTimelineSchema>;
