import { z } from 'zod';
import { ORGANISATION_KINDS, SIGNATURE_EVENT_KINDS } from '../enums.js';
import { idSchema, isoDateSchema, optionalText, shortLabel, versionSchema } from './common.js';

export const partySchema = z.object({
  id: z.int(),
  organisation: z.object({ id: z.int(), name: z.string(), kind: z.enum(ORGANISATION_KINDS) }),
  role: z.enum(['signataire', 'partenaire']),
  deliberationRef: z.string().nullable(),
  deliberationDate: z.string().nullable(),
  commitments: z.string().nullable(),
  position: z.int(),
  version: z.int(),
});
export type Party = z.infer<typeof partySchema>;

const partyFields = {
  role: z.enum(['signataire', 'partenaire']).optional(),
  deliberationRef: optionalText(200),
  deliberationDate: isoDateSchema.nullable().optional(),
  commitments: optionalText(20000),
};
export const partyCreateInput = z.object({ organisationId: idSchema, ...partyFields });
export type PartyCreateInput = z.infer<typeof partyCreateInput>;
export const partyUpdateInput = z.object({ version: versionSchema, ...partyFields });
export type PartyUpdateInput = z.infer<typeof partyUpdateInput>;

export const signatorySchema = z.object({
  id: z.int(),
  person: z.object({ id: z.int(), firstName: z.string(), lastName: z.string(), fullName: z.string() }),
  partyId: z.int().nullable(),
  organisationName: z.string().nullable(),
  capacity: z.string(),
  position: z.int(),
});
export type Signatory = z.infer<typeof signatorySchema>;

export const signatureEventSchema = z.object({
  id: z.int(),
  conventionId: z.int(),
  date: z.string(),
  place: z.string().nullable(),
  kind: z.enum(SIGNATURE_EVENT_KINDS),
  description: z.string().nullable(),
  signatories: z.array(signatorySchema),
  version: z.int(),
});
export type SignatureEvent = z.infer<typeof signatureEventSchema>;

const signatoryInput = z.object({
  personId: idSchema,
  partyId: idSchema.nullable().optional(),
  capacity: shortLabel(2, 300),
});
const signatureFields = {
  date: isoDateSchema,
  place: optionalText(300),
  kind: z.enum(SIGNATURE_EVENT_KINDS).default('convention'),
  description: optionalText(5000),
  signatories: z.array(signatoryInput).max(30).default([]),
};
export const signatureEventCreateInput = z.object(signatureFields);
export type SignatureEventCreateInput = z.infer<typeof signatureEventCreateInput>;
export const signatureEventUpdateInput = z.object({
  version: versionSchema,
  date: isoDateSchema.optional(),
  place: optionalText(300),
  kind: z.enum(SIGNATURE_EVENT_KINDS).optional(),
  description: optionalText(5000),
  signatories: z.array(signatoryInput).max(30).optional(),
});
export type SignatureEventUpdateInput = z.infer<typeof signatureEventUpdateInput>;
