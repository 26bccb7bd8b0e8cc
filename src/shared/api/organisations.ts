import { z } from 'zod';
import { ORGANISATION_KINDS } from '../enums.js';
import { isoDateSchema, shortLabel, territoryCodeSchema, idSchema } from './common.js';

export const organisationSchema = z.object({
  id: z.int(),
  kind: z.enum(ORGANISATION_KINDS),
  name: z.string(),
  territoryCode: z.string().nullable(),
  departementCode: z.string().nullable(),
  version: z.int(),
});
export type Organisation = z.infer<typeof organisationSchema>;

export const organisationCreateInput = z.object({
  kind: z.enum(ORGANISATION_KINDS),
  name: shortLabel(2, 200),
  territoryCode: territoryCodeSchema.nullable().optional(),
  departementCode: z
    .string()
    .regex(/^[0-9][0-9AB][0-9]?$/, 'Code de département invalide')
    .nullable()
    .optional(),
});
export type OrganisationCreateInput = z.infer<typeof organisationCreateInput>;

export const organisationListQuery = z.object({
  kind: z.enum(ORGANISATION_KINDS).optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const mandateSchema = z.object({
  id: z.int(),
  organisation: organisationSchema.pick({ id: true, name: true, kind: true }),
  capacity: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
});

export const personSchema = z.object({
  id: z.int(),
  firstName: z.string(),
  lastName: z.string(),
  fullName: z.string(),
  mandates: z.array(mandateSchema),
  version: z.int(),
});
export type Person = z.infer<typeof personSchema>;

export const personCreateInput = z.object({
  firstName: shortLabel(1, 100),
  lastName: shortLabel(1, 100),
  mandates: z
    .array(
      z.object({
        organisationId: idSchema,
        capacity: shortLabel(2, 200),
        startDate: isoDateSchema.nullable().optional(),
        endDate: isoDateSchema.nullable().optional(),
      }),
    )
    .max(20)
    .default([]),
});
export type PersonCreateInput = z.infer<typeof personCreateInput>;

export const personListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  organisation: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
