import { z } from 'zod';
import { INDICATOR_DIRECTIONS, INDICATOR_KINDS, INDICATOR_STATES } from '../plan.js';
import { isoDateSchema, optionalText, shortLabel, versionSchema } from './common.js';

const measure = z.number().finite().min(-1e12).max(1e12);

export const indicatorValueSchema = z.object({
  id: z.int(),
  date: z.string(),
  value: z.number(),
  source: z.string().nullable(),
  comment: z.string().nullable(),
});
export type IndicatorValue = z.infer<typeof indicatorValueSchema>;

export const indicatorAssessmentSchema = z.object({
  state: z.enum(INDICATOR_STATES),
  expected: z.number().nullable().describe('Valeur attendue sur la trajectoire à la date de la dernière mesure'),
  measured: z.number().nullable(),
  measuredDate: z.string().nullable(),
  explanation: z.string().describe('Par exemple « attendu 45 en 2025, mesuré 38 »'),
});
export type IndicatorAssessmentDto = z.infer<typeof indicatorAssessmentSchema>;

export const indicatorSchema = z.object({
  id: z.int(),
  conventionId: z.int(),
  actionId: z.int().nullable(),
  axisId: z.int().nullable(),
  title: z.string(),
  kind: z.enum(INDICATOR_KINDS),
  unit: z.string(),
  direction: z.enum(INDICATOR_DIRECTIONS),
  baselineValue: z.number(),
  baselineDate: z.string(),
  targetValue: z.number(),
  targetDate: z.string(),
  illustrative: z.boolean().describe('Chiffres d’illustration de la démonstration'),
  values: z.array(indicatorValueSchema),
  assessment: indicatorAssessmentSchema,
  version: z.int(),
  updatedAt: z.string(),
});
export type Indicator = z.infer<typeof indicatorSchema>;

const indicatorFields = {
  title: shortLabel(3, 300),
  kind: z.enum(INDICATOR_KINDS),
  unit: shortLabel(1, 40).describe('Par exemple : places, familles, %'),
  direction: z.enum(INDICATOR_DIRECTIONS),
  baselineValue: measure,
  baselineDate: isoDateSchema,
  targetValue: measure,
  targetDate: isoDateSchema,
};

export const indicatorCreateInput = z.object({
  ...indicatorFields,
  actionId: z.int().positive().nullable().optional(),
  axisId: z.int().positive().nullable().optional(),
});
export type IndicatorCreateInput = z.infer<typeof indicatorCreateInput>;

export const indicatorUpdateInput = z.object({
  version: versionSchema,
  title: indicatorFields.title.optional(),
  kind: indicatorFields.kind.optional(),
  unit: indicatorFields.unit.optional(),
  direction: indicatorFields.direction.optional(),
  baselineValue: measure.optional(),
  baselineDate: isoDateSchema.optional(),
  targetValue: measure.optional(),
  targetDate: isoDateSchema.optional(),
});
export type IndicatorUpdateInput = z.infer<typeof indicatorUpdateInput>;

export const indicatorValueInput = z.object({
  date: isoDateSchema,
  value: measure,
  source: optionalText(300),
  comment: optionalText(2000),
  /** The indicator's version the value was entered against: two people entering at once get a 409. */
  version: versionSchema.optional(),
});
export type IndicatorValueInput = z.infer<typeof indicatorValueInput>;

export const indicatorListQuery = z.object({
  action: z.coerce.number().int().positive().optional(),
  axis: z.coerce.number().int().positive().optional(),
});
export type IndicatorListQuery = z.infer<typeof indicatorListQuery>;

export const indicatorDeleteQuery = z.object({ version: z.coerce.number().int().min(1).describe('Version lue ; une version périmée donne 409') });
