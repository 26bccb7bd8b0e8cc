import { z } from 'zod';
import { versionSchema, yearSchema } from './common.js';

/** A share of the population, 0 to 1, with at most four decimals (stored in basis points). */
const rateSchema = z
  .number()
  .min(0)
  .max(1)
  .refine((r) => Math.abs(r * 10000 - Math.round(r * 10000)) < 1e-6, 'Le taux a au plus deux décimales en pourcentage');

export const coverageTargetSchema = z.object({
  id: z.int(),
  cafId: z.int().nullable(),
  year: z.int(),
  rate: z.number(),
  version: z.int(),
});
export type CoverageTarget = z.infer<typeof coverageTargetSchema>;

export const coverageTargetsQuery = z.object({ caf: z.coerce.number().int().positive().optional() });
export const coverageTargetsSchema = z.object({
  national: z.array(coverageTargetSchema).describe('Trajectoire nationale de référence (COG 2018–2022)'),
  caf: z.array(coverageTargetSchema).describe('Cibles propres à la Caf demandée'),
});
export type CoverageTargets = z.infer<typeof coverageTargetsSchema>;

export const coverageTargetCreateInput = z.object({ cafId: z.int().positive(), year: yearSchema, rate: rateSchema });
export type CoverageTargetCreateInput = z.infer<typeof coverageTargetCreateInput>;
export const coverageTargetUpdateInput = z.object({ version: versionSchema, rate: rateSchema });
export type CoverageTargetUpdateInput = z.infer<typeof coverageTargetUpdateInput>;
export const coverageTargetDeleteQuery = z.object({ version: z.coerce.number().int().min(1) });
