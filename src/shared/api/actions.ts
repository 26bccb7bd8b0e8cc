import { z } from 'zod';
import { ACTION_STATUSES } from '../enums.js';
import { distinctList, idSchema, optionalText, pageQuery, shortLabel, themeCodeSchema, versionSchema } from './common.js';

const nameList = (max: number) => z.array(shortLabel(1, 200)).max(max);

export const actionSchema = z.object({
  id: z.int(),
  conventionId: z.int(),
  axisId: z.int().nullable(),
  parentId: z.int().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  themes: z.array(z.string()).describe('Le premier est le champ principal de l’action'),
  pilot: z.string().nullable(),
  partners: z.array(z.string()),
  targetPublic: z.string().nullable(),
  scope: z.string().nullable(),
  places: z.array(z.string()),
  labels: z.array(z.string()),
  status: z.enum(ACTION_STATUSES),
  highlighted: z.boolean(),
  position: z.int(),
  version: z.int(),
  updatedAt: z.string(),
});
export type Action = z.infer<typeof actionSchema>;

const actionFields = {
  title: shortLabel(3, 300),
  description: optionalText(10000),
  themes: distinctList(themeCodeSchema).check(z.minLength(1, 'Choisissez au moins un champ d’intervention'), z.maxLength(12)),
  axisId: idSchema.nullable().optional(),
  parentId: idSchema.nullable().optional(),
  pilot: optionalText(200),
  partners: nameList(30).optional(),
  targetPublic: optionalText(500),
  scope: optionalText(300),
  places: nameList(30).optional(),
  labels: nameList(20).optional(),
  status: z.enum(ACTION_STATUSES).optional(),
  highlighted: z.boolean().optional(),
};

export const actionCreateInput = z.object(actionFields);
export type ActionCreateInput = z.infer<typeof actionCreateInput>;

export const actionUpdateInput = z.object({
  ...actionFields,
  title: actionFields.title.optional(),
  themes: actionFields.themes.optional(),
  version: versionSchema,
});
export type ActionUpdateInput = z.infer<typeof actionUpdateInput>;

export const actionListQuery = z.object({
  convention: z.coerce.number().int().positive().optional(),
  theme: themeCodeSchema.optional(),
  status: z.enum(ACTION_STATUSES).optional(),
  q: z.string().trim().max(200).optional(),
  ...pageQuery,
});
export type ActionListQuery = z.infer<typeof actionListQuery>;

export const axisSchema = z.object({
  id: z.int(),
  conventionId: z.int(),
  title: z.string(),
  position: z.int(),
  version: z.int(),
});
export type Axis = z.infer<typeof axisSchema>;
export const axisCreateInput = z.object({ title: shortLabel(3, 300) });
export type AxisCreateInput = z.infer<typeof axisCreateInput>;
export const axisUpdateInput = z.object({
  version: versionSchema,
  title: shortLabel(3, 300).optional(),
  position: z.int().min(1).max(1000).optional(),
});
export type AxisUpdateInput = z.infer<typeof axisUpdateInput>;
