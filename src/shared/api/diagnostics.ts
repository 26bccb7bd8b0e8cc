import { z } from 'zod';
import { shortLabel, optionalText } from './common.js';

export const DATA_LAYOUTS = ['cafdata', 'generique'] as const;
const seriesCode = z.string().regex(/^[a-z][a-z0-9_]{1,59}$/, 'Code de série invalide (minuscules, chiffres et « _ »)');

export const dataSeriesSchema = z.object({
  id: z.int(),
  code: z.string(),
  label: z.string(),
  unit: z.string(),
  source: z.string().nullable(),
  layout: z.enum(DATA_LAYOUTS),
  roundedTo: z.int().nullable().describe('Effectifs publiés arrondis (5 pour les fichiers Cafdata)'),
  valueCount: z.int(),
  version: z.int(),
});
export type DataSeries = z.infer<typeof dataSeriesSchema>;

export const dataImportInput = z.object({
  series: z.object({ code: seriesCode, label: shortLabel(2, 200), unit: shortLabel(1, 40), source: optionalText(300) }),
  layout: z.enum(DATA_LAYOUTS).describe('cafdata : code géo ; millésime géographique ; date de référence ; valeur — generique : territoire ; date ; valeur'),
  csv: z.string().min(1).max(1_500_000).describe('Contenu du fichier CSV (UTF-8)'),
});
export type DataImportInput = z.infer<typeof dataImportInput>;
export const dataImportResultSchema = z.object({ series: dataSeriesSchema, imported: z.int() });
export type DataImportResult = z.infer<typeof dataImportResultSchema>;

export const seriesCompareQuery = z.object({ territory: z.string().regex(/^[0-9][0-9AB][0-9]{0,7}$/, 'Code INSEE ou SIREN invalide') });
const placeSchema = z.object({ code: z.string(), name: z.string() });
export const seriesCompareSchema = z.object({
  series: dataSeriesSchema,
  territory: placeSchema,
  departement: placeSchema.nullable(),
  points: z.array(z.object({ date: z.string(), territory: z.number().nullable(), departement: z.number().nullable(), france: z.number().nullable() })),
});
export type SeriesCompare = z.infer<typeof seriesCompareSchema>;

export const childcareCoverageQuery = z.object({
  territory: seriesCompareQuery.shape.territory,
  capacitySeries: seriesCode.describe('Série des places d’accueil du jeune enfant'),
  childrenSeries: seriesCode.describe('Série des enfants de moins de 3 ans'),
});
export const childcareCoverageSchema = z.object({
  definition: z.string(),
  territory: placeSchema,
  points: z.array(z.object({ date: z.string(), capacity: z.number(), children: z.number(), rate: z.number() })),
});
export type ChildcareCoverage = z.infer<typeof childcareCoverageSchema>;
