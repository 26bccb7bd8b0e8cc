import { z } from 'zod';
import { ACTION_STATUSES } from '../enums.js';
import { ACTION_PRIORITIES, BUDGET_NATURES, FACILITY_KINDS } from '../plan.js';
import { distinctList, idSchema, isoDateSchema, optionalText, pageQuery, shortLabel, themeCodeSchema, versionSchema, yearSchema } from './common.js';

const nameList = (max: number) => z.array(shortLabel(1, 200)).max(max);

/** Amounts in integer cents (up to 10 billion euros). */
const cents = z.int().min(0).max(1_000_000_000_000);

export const budgetLineSchema = z.object({
  year: yearSchema,
  funder: shortLabel(2, 200),
  nature: z.enum(BUDGET_NATURES),
  plannedCents: cents.describe('Montant prévu, en centimes'),
  actualCents: cents.nullable().describe('Montant réalisé, en centimes (null tant qu’il n’est pas connu)'),
});
export type BudgetLine = z.infer<typeof budgetLineSchema>;

export const facilitySchema = z.object({
  kind: z.enum(FACILITY_KINDS),
  name: shortLabel(2, 200),
  capacity: z.int().min(0).max(100_000).nullable().describe('Places, agréments ou familles accueillies'),
});
export type Facility = z.infer<typeof facilitySchema>;

export const actionSchema = z.object({
  id: z.int(),
  conventionId: z.int(),
  axisId: z.int().nullable(),
  parentId: z.int().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  themes: z.array(z.string()).describe('Le premier est le champ principal de l’action'),
  pilot: z.string().nullable(),
  pilotUserId: z.int().nullable().describe('Compte de la personne pilote, s’il y en a un'),
  pilotUserName: z.string().nullable(),
  pilotOrganisationId: z.int().nullable().describe('Organisation pilote (partie à la convention ou sa Caf)'),
  pilotOrganisationName: z.string().nullable(),
  partners: z.array(z.string()),
  targetPublic: z.string().nullable(),
  scope: z.string().nullable(),
  places: z.array(z.string()),
  labels: z.array(z.string()),
  status: z.enum(ACTION_STATUSES),
  highlighted: z.boolean(),
  position: z.int(),
  objectives: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  statusReason: z.string().nullable(),
  priority: z.enum(ACTION_PRIORITIES).nullable(),
  progress: z.int().describe('Avancement en %'),
  axisIds: z.array(z.int()).describe('Axes de l’action ; le premier est l’axe principal (axisId)'),
  budgetLines: z.array(budgetLineSchema),
  facilities: z.array(facilitySchema),
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
  pilotUserId: idSchema.nullable().optional(),
  pilotOrganisationId: idSchema.nullable().optional(),
  partners: nameList(30).optional(),
  targetPublic: optionalText(500),
  scope: optionalText(300),
  places: nameList(30).optional(),
  labels: nameList(20).optional(),
  status: z.enum(ACTION_STATUSES).optional(),
  highlighted: z.boolean().optional(),
  objectives: optionalText(5000),
  startDate: isoDateSchema.nullable().optional(),
  endDate: isoDateSchema.nullable().optional(),
  statusReason: optionalText(1000).describe('Obligatoire pour « en pause », « en retard » et « abandonnée »'),
  priority: z.enum(ACTION_PRIORITIES).nullable().optional(),
  progress: z.int().min(0).max(100).optional(),
  axisIds: z.array(z.int().positive()).max(10).refine((ids) => new Set(ids).size === ids.length, 'Une même valeur est citée deux fois').optional().describe('Remplace les axes ; le premier devient l’axe principal'),
  budgetLines: z.array(budgetLineSchema).max(100).optional().describe('Remplace toutes les lignes budgétaires'),
  facilities: z.array(facilitySchema).max(50).optional().describe('Remplace tous les équipements'),
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
  axis: z.coerce.number().int().positive().optional(),
  pilot: z.string().trim().max(200).optional(),
  ...pageQuery,
});
export type ActionListQuery = z.infer<typeof actionListQuery>;

export const axisSchema = z.object({
  id: z.int(),
  conventionId: z.int(),
  title: z.string(),
  position: z.int(),
  progress: z.int().nullable().describe('Moyenne de l’avancement de ses actions (hors abandonnées), null sans action'),
  actionCount: z.int(),
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
export const axisMoveInput = z.object({ version: versionSchema, direction: z.enum(['up', 'down']) });
export type AxisMoveInput = z.infer<typeof axisMoveInput>;
