import { z } from 'zod';
import { idSchema, isoDateSchema, optionalText, shortLabel, versionSchema } from './common.js';

const planSnapshotSchema = z.object({
  axes: z.array(z.object({ id: z.int(), title: z.string(), position: z.int() })),
  actions: z.array(
    z.object({
      id: z.int(),
      title: z.string(),
      axisIds: z.array(z.int()),
      parentId: z.int().nullable(),
      themes: z.array(z.string()),
      pilot: z.string().nullable(),
      status: z.string(),
      progress: z.int(),
      startDate: z.string().nullable(),
      endDate: z.string().nullable(),
      plannedCents: z.int(),
    }),
  ),
});

export const planVersionSummarySchema = z.object({
  id: z.int(),
  conventionId: z.int(),
  number: z.int(),
  label: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  axisCount: z.int(),
  actionCount: z.int(),
});
export type PlanVersionSummary = z.infer<typeof planVersionSummarySchema>;

export const planVersionSchema = planVersionSummarySchema.extend({ snapshot: planSnapshotSchema });
export type PlanVersion = z.infer<typeof planVersionSchema>;

export const planVersionInput = z.object({ label: shortLabel(3, 200) });
export type PlanVersionInput = z.infer<typeof planVersionInput>;

export const planDiffQuery = z.object({
  from: idSchema.describe('Version de départ'),
  to: z.union([z.literal('current'), idSchema]).default('current').describe('Version d’arrivée, ou « current » pour le plan actuel'),
});

export const planDiffSchema = z.object({
  axesAdded: z.array(z.string()),
  axesRemoved: z.array(z.string()),
  axesRenamed: z.array(z.object({ from: z.string(), to: z.string() })),
  actionsAdded: z.array(z.string()),
  actionsRemoved: z.array(z.string()),
  actionsChanged: z.array(z.object({ id: z.int(), title: z.string(), changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })) })),
});

export const amendmentSchema = z.object({
  id: z.int(),
  conventionId: z.int(),
  number: z.int().describe('Avenant n°'),
  title: z.string(),
  date: z.string(),
  summary: z.string().nullable(),
  signedBy: z.array(z.string()),
  planVersion: planVersionSummarySchema.nullable(),
  version: z.int(),
  updatedAt: z.string(),
});
export type Amendment = z.infer<typeof amendmentSchema>;

const signedBy = z.array(shortLabel(2, 200)).min(1, 'Indiquez au moins une partie signataire').max(20);

export const amendmentCreateInput = z.object({
  title: shortLabel(3, 300),
  date: isoDateSchema.describe('Date de signature'),
  summary: optionalText(10_000),
  signedBy,
  recordPlanVersion: z.boolean().default(false).describe('Enregistrer la version actuelle du plan avec l’avenant'),
});
export type AmendmentCreateInput = z.input<typeof amendmentCreateInput>;

export const amendmentUpdateInput = z.object({
  version: versionSchema,
  title: shortLabel(3, 300).optional(),
  date: isoDateSchema.optional(),
  summary: optionalText(10_000),
  signedBy: signedBy.optional(),
});
export type AmendmentUpdateInput = z.infer<typeof amendmentUpdateInput>;
