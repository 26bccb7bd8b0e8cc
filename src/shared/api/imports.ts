import { z } from 'zod';
import { idSchema, isoDateSchema, optionalText, shortLabel, themeCodeSchema } from './common.js';
import { ORGANISATION_KINDS } from '../enums.js';
import { conventionCreateInput } from './conventions.js';

/** A stretch of the (normalized) source text that a field was read from. */
export const importSpanSchema = z.object({
  field: z.string().describe('caf, territory, party, signatureDate, place, period, signatory, capacity, project'),
  start: z.int(),
  end: z.int(),
  confidence: z.number(),
});
export type ImportSpan = z.infer<typeof importSpanSchema>;

export const extractedConventionSchema = z.object({
  caf: z.string().nullable(),
  cafDepartementCode: z.string().nullable(),
  cafInferred: z.boolean().describe('Caf déduite du département des territoires, non écrite dans le texte'),
  territories: z.array(
    z.object({
      name: z.string(),
      kind: z.enum(['commune', 'epci', 'departement']),
      cogKind: z.string().describe('Nature dans le référentiel : commune, epci, ept ou departement'),
      code: z.string().nullable(),
      confidence: z.number(),
    }),
  ),
  otherParties: z.array(z.string()),
  otherPartyOrganisations: z
    .array(z.object({ name: z.string(), kind: z.enum(['msa', 'departement', 'etat', 'autre']) }))
    .describe('Les autres parties citées, avec leur nature (mêmes noms que otherParties)'),
  signatureDate: z.string().nullable().describe('YYYY-MM-DD ou YYYY-MM'),
  signatureDateInferred: z.boolean(),
  planned: z.boolean().describe('Signature annoncée au futur'),
  place: z.string().nullable(),
  period: z.object({ start: z.int(), end: z.int() }).nullable(),
  signatories: z.array(
    z.object({
      name: z.string().nullable(),
      capacity: z.string().nullable(),
      organisation: z.enum(['caf', 'commune', 'epci', 'departement', 'msa', 'etat']).nullable(),
      confidence: z.number(),
    }),
  ),
  themes: z.array(z.string()),
  projects: z.array(
    z.object({
      title: z.string(),
      description: z.string().nullable(),
      themes: z.array(z.string()),
      evidence: z.array(z.object({ theme: z.string(), words: z.array(z.string()) })),
    }),
  ),
  spans: z.array(importSpanSchema),
});
export type ExtractedConvention = z.infer<typeof extractedConventionSchema>;

export const extractionSchema = z.object({
  text: z.string().describe('Texte normalisé ; les positions des extraits s’y rapportent'),
  publicationDate: z.string().nullable(),
  conventions: z.array(extractedConventionSchema),
});
export type Extraction = z.infer<typeof extractionSchema>;

export const importTextInput = z.object({
  text: z.string().trim().min(20, 'Collez au moins quelques phrases').max(200_000, 'Texte trop long (200 000 caractères au plus)'),
});
export type ImportTextInput = z.infer<typeof importTextInput>;

export const importSignatoryInput = z.object({
  firstName: shortLabel(1, 100),
  lastName: shortLabel(1, 100),
  capacity: shortLabel(2, 300),
  organisation: z.enum(['caf', 'commune', 'epci', 'departement', 'msa', 'etat']).nullable().optional(),
});

export const importActionInput = z.object({
  title: shortLabel(3, 300),
  description: optionalText(10000),
  themes: z.array(themeCodeSchema).min(1, 'Choisissez au moins un champ d’intervention').max(12),
});

/** What the review screen confirms: the convention, then its signature, signatories and actions. */
export const importConfirmInput = z.object({
  convention: conventionCreateInput,
  signature: z
    .object({
      date: isoDateSchema,
      place: optionalText(300),
      signatories: z.array(importSignatoryInput).max(30).default([]),
    })
    .nullable()
    .optional(),
  actions: z.array(importActionInput).max(100).default([]),
  otherParties: z
    .array(z.object({ name: shortLabel(2, 200), kind: z.enum(ORGANISATION_KINDS) }))
    .max(10)
    .default([])
    .describe('Autres organisations parties à la convention (MSA, département, État…), retrouvées par nom ou créées'),
  markSigned: z.boolean().default(false).describe('Passer la convention à « Signée » à la date de la signature'),
  sourceText: z.string().min(1).max(200_000),
  sourceName: optionalText(300),
});
export type ImportConfirmInput = z.infer<typeof importConfirmInput>;

export const importConfirmResult = z.object({
  conventionId: idSchema,
  signatureEventId: z.int().nullable(),
  actionCount: z.int(),
  personsCreated: z.int(),
  personsMatched: z.int(),
});
export type ImportConfirmResult = z.infer<typeof importConfirmResult>;

export const conventionSourceSchema = z.object({
  conventionId: z.int(),
  sourceName: z.string().nullable(),
  text: z.string(),
  createdAt: z.string(),
});
export type ConventionSource = z.infer<typeof conventionSourceSchema>;

