import { z } from 'zod';
import { CONVENTION_INITIAL_STATUSES, CONVENTION_STATUSES, ORGANISATION_KINDS } from '../enums.js';
import {
  distinctList,
  idSchema,
  isoDateSchema,
  optionalText,
  pageQuery,
  shortLabel,
  territoryCodeSchema,
  themeCodeSchema,
  versionSchema,
  yearSchema,
} from './common.js';
import { territorySchema } from './territories.js';
import { actionSchema, axisSchema } from './actions.js';
import { partySchema, signatureEventSchema } from './signatures.js';

export const conventionSummarySchema = z.object({
  id: z.int(),
  title: z.string(),
  status: z.enum(CONVENTION_STATUSES),
  startYear: z.int(),
  endYear: z.int(),
  caf: z.object({ id: z.int(), name: z.string(), kind: z.enum(ORGANISATION_KINDS) }),
  territories: z.array(territorySchema),
  population: z.int().describe('Population municipale des communes du périmètre'),
  themes: z.array(z.string()).describe('Champs d’intervention déclarés et ceux des actions'),
  firstSignatureDate: z.string().nullable(),
  actionCount: z.int(),
  version: z.int(),
  updatedAt: z.string(),
});
export type ConventionSummary = z.infer<typeof conventionSummarySchema>;

export const statusChangeSchema = z.object({
  fromStatus: z.enum(CONVENTION_STATUSES).nullable(),
  toStatus: z.enum(CONVENTION_STATUSES),
  effectiveDate: z.string().nullable(),
  changedAt: z.string(),
  comment: z.string().nullable(),
});

export const conventionDetailSchema = conventionSummarySchema.extend({
  summary: z.string().nullable(),
  declaredThemes: z.array(z.string()),
  predecessorId: z.int().nullable(),
  parties: z.array(partySchema),
  signatureEvents: z.array(signatureEventSchema),
  axes: z.array(axisSchema),
  actions: z.array(actionSchema),
  statusHistory: z.array(statusChangeSchema),
  allowedTransitions: z.array(z.enum(CONVENTION_STATUSES)),
  createdAt: z.string(),
  abilities: z
    .object({
      edit: z.boolean().describe('Modifier la convention, ses parties, ses signatures et son statut'),
      editPlan: z.boolean().describe('Modifier le plan d’actions'),
      publicView: z.boolean().describe('Vue publique : seules les données publiées sont présentes'),
    })
    .describe('Ce que l’appelant peut faire de cette convention'),
});
export type ConventionDetail = z.infer<typeof conventionDetailSchema>;

const conventionFields = {
  title: shortLabel(3, 200),
  cafId: idSchema,
  startYear: yearSchema,
  endYear: yearSchema,
  territoryCodes: distinctList(territoryCodeSchema).check(z.minLength(1, 'Choisissez au moins un territoire'), z.maxLength(500)),
  themes: distinctList(themeCodeSchema).check(z.maxLength(30)).default([]),
  summary: optionalText(20000),
  predecessorId: idSchema.nullable().optional(),
  status: z.enum(CONVENTION_INITIAL_STATUSES).default('en_preparation'),
};

const endNotBeforeStart = {
  message: 'L’année de fin doit être égale ou postérieure à l’année de début',
  path: ['endYear'],
};

export const conventionCreateInput = z
  .object(conventionFields)
  .refine((c) => c.endYear >= c.startYear, endNotBeforeStart);
export type ConventionCreateInput = z.infer<typeof conventionCreateInput>;

export const conventionUpdateInput = z
  .object({
    version: versionSchema,
    title: conventionFields.title.optional(),
    startYear: yearSchema.optional(),
    endYear: yearSchema.optional(),
    territoryCodes: conventionFields.territoryCodes.optional(),
    themes: distinctList(themeCodeSchema).check(z.maxLength(30)).optional(),
    summary: optionalText(20000),
    predecessorId: idSchema.nullable().optional(),
  })
  .refine((c) => c.startYear === undefined || c.endYear === undefined || c.endYear >= c.startYear, endNotBeforeStart);
export type ConventionUpdateInput = z.infer<typeof conventionUpdateInput>;

export const statusChangeInput = z.object({
  version: versionSchema,
  status: z.enum(CONVENTION_STATUSES),
  comment: optionalText(2000),
  effectiveDate: isoDateSchema.optional().describe('Date d’effet, si elle précède l’enregistrement (ex. date de signature)'),
});
export type StatusChangeInput = z.infer<typeof statusChangeInput>;

export const conventionListQuery = z.object({
  status: z
    .string()
    .regex(/^[a-z_]+(,[a-z_]+)*$/, 'Statut invalide')
    .optional()
    .describe('Un ou plusieurs statuts séparés par des virgules'),
  theme: themeCodeSchema.optional(),
  territory: territoryCodeSchema.optional().describe('Commune, EPCI, EPT ou département'),
  caf: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional().describe('Convention couvrant cette année'),
  from: z.coerce.number().int().min(1990).max(2100).optional().describe('Période recoupant les années from…to'),
  to: z.coerce.number().int().min(1990).max(2100).optional().describe('Période recoupant les années from…to'),
  q: z.string().trim().max(200).optional(),
  ...pageQuery,
});
export type ConventionListQuery = z.infer<typeof conventionListQuery>;

export const statsSchema = z.object({
  conventionsByStatus: z.array(z.object({ status: z.enum(CONVENTION_STATUSES), count: z.int() })),
  conventionCount: z.int(),
  communesCovered: z.int(),
  populationCovered: z.int(),
  actionCount: z.int(),
  themes: z.array(z.object({ code: z.string(), label: z.string(), conventionCount: z.int(), actionCount: z.int() })),
});
export type Stats = z.infer<typeof statsSchema>;
