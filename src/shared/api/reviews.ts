import { z } from 'zod';
import { ACTION_STATUSES } from '../enums.js';
import { INDICATOR_STATES, REVIEW_KINDS, REVIEW_STATUSES } from '../plan.js';
import { isoDateSchema, optionalText, versionSchema, yearSchema } from './common.js';

export const reviewSnapshotSchema = z.object({
  date: z.string(),
  axes: z.array(z.object({ id: z.int(), title: z.string(), progress: z.int().nullable() })),
  actions: z.array(
    z.object({
      id: z.int(),
      title: z.string(),
      axisId: z.int().nullable(),
      status: z.enum(ACTION_STATUSES),
      statusReason: z.string().nullable(),
      progress: z.int(),
    }),
  ),
  indicators: z.array(
    z.object({
      id: z.int(),
      title: z.string(),
      actionId: z.int().nullable(),
      axisId: z.int().nullable(),
      unit: z.string(),
      targetValue: z.number(),
      measured: z.number().nullable(),
      measuredDate: z.string().nullable(),
      expected: z.number().nullable(),
      state: z.enum(INDICATOR_STATES),
      explanation: z.string(),
    }),
  ),
});
export type ReviewSnapshot = z.infer<typeof reviewSnapshotSchema>;

const text = optionalText(10_000);

export const axisNarrativeSchema = z.object({
  axisId: z.int().positive().nullable().describe('null : le plan dans son ensemble'),
  realise: text,
  difficultes: text,
  suite: text,
});
export type AxisNarrative = z.infer<typeof axisNarrativeSchema>;

export const evaluationSchema = z.object({ coherence: text, efficacite: text, efficience: text, perennite: text });
export type Evaluation = z.infer<typeof evaluationSchema>;

export const reviewSchema = z.object({
  id: z.int(),
  conventionId: z.int(),
  kind: z.enum(REVIEW_KINDS),
  year: z.int(),
  snapshotDate: z.string(),
  status: z.enum(REVIEW_STATUSES),
  narratives: z.array(axisNarrativeSchema),
  evaluation: evaluationSchema.nullable(),
  snapshot: reviewSnapshotSchema.describe('Figé à la validation ; recalculé à la date d’arrêt tant que le bilan est en brouillon'),
  validatedAt: z.string().nullable(),
  validatedBy: z.string().nullable(),
  version: z.int(),
  updatedAt: z.string(),
});
export type Review = z.infer<typeof reviewSchema>;

export const reviewCreateInput = z.object({
  kind: z.enum(REVIEW_KINDS),
  year: yearSchema,
  snapshotDate: isoDateSchema.describe('Date à laquelle statuts, avancements et valeurs sont arrêtés'),
});
export type ReviewCreateInput = z.infer<typeof reviewCreateInput>;

export const reviewUpdateInput = z.object({
  version: versionSchema,
  snapshotDate: isoDateSchema.optional(),
  narratives: z.array(axisNarrativeSchema).max(50).optional(),
  evaluation: evaluationSchema.optional(),
});
export type ReviewUpdateInput = z.infer<typeof reviewUpdateInput>;

export const reviewValidateInput = z.object({ version: versionSchema });
