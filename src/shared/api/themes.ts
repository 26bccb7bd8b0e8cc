import { z } from 'zod';
import { idSchema, optionalText, shortLabel, themeCodeSchema, versionSchema } from './common.js';

export const themeSchema = z.object({
  code: z.string(),
  label: z.string(),
  description: z.string().nullable(),
  cafId: z.int().nullable(),
  active: z.boolean(),
  position: z.int(),
  version: z.int(),
});
export type Theme = z.infer<typeof themeSchema>;

export const themeCreateInput = z.object({
  code: themeCodeSchema,
  label: shortLabel(2, 80),
  description: optionalText(1000),
  cafId: idSchema.nullable().optional(),
});
export type ThemeCreateInput = z.infer<typeof themeCreateInput>;

export const themeUpdateInput = z.object({
  version: versionSchema,
  label: shortLabel(2, 80).optional(),
  description: optionalText(1000),
  active: z.boolean().optional(),
});
export type ThemeUpdateInput = z.infer<typeof themeUpdateInput>;
