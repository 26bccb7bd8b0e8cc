import { z } from 'zod';
import { ROLES } from './accounts.js';

/** A person (signatory, office holder) and/or an account: one of the two ids is required. */
export const personalDataSubject = z
  .object({
    userId: z.coerce.number().int().positive().optional(),
    personId: z.coerce.number().int().positive().optional(),
  })
  .refine((s) => s.userId !== undefined || s.personId !== undefined, { path: ['userId'], message: 'Indiquez un compte (userId) ou une personne (personId).' });
export type PersonalDataSubject = z.infer<typeof personalDataSubject>;

export const personalDataSchema = z.object({
  generatedAt: z.string(),
  account: z
    .object({
      id: z.int(),
      email: z.string(),
      displayName: z.string(),
      status: z.string(),
      isPlatformAdmin: z.boolean(),
      createdAt: z.string(),
      lastLoginAt: z.string().nullable(),
      hasPassword: z.boolean(),
      linkedToProConnect: z.boolean(),
      erasedAt: z.string().nullable(),
      memberships: z.array(z.object({ organisationName: z.string(), role: z.enum(ROLES), since: z.string() })),
      sessions: z.array(z.object({ createdAt: z.string(), lastSeenAt: z.string(), ip: z.string().nullable(), userAgent: z.string().nullable() })),
      invitations: z.array(z.object({ organisationName: z.string(), role: z.string(), createdAt: z.string(), acceptedAt: z.string().nullable() })),
      passwordResets: z.int(),
      securityEvents: z.array(z.object({ at: z.string(), event: z.string(), ip: z.string().nullable(), userAgent: z.string().nullable() })),
      changesAuthored: z.int().describe('Écritures signées de son nom dans l’historique des objets'),
    })
    .nullable(),
  person: z
    .object({
      id: z.int(),
      firstName: z.string(),
      lastName: z.string(),
      erasedAt: z.string().nullable(),
      mandates: z.array(z.object({ organisationName: z.string(), capacity: z.string(), startDate: z.string().nullable(), endDate: z.string().nullable() })),
      signatures: z.array(z.object({ conventionId: z.int(), conventionTitle: z.string(), date: z.string(), place: z.string().nullable(), capacity: z.string() })),
    })
    .nullable(),
});
export type PersonalData = z.infer<typeof personalDataSchema>;

export const personalDataErasureSchema = z.object({
  erasedAt: z.string(),
  accountErased: z.boolean(),
  person: z.enum(['conserve_pour_les_signatures', 'supprimee']).nullable(),
  signaturesKept: z.int(),
});
export type PersonalDataErasure = z.infer<typeof personalDataErasureSchema>;
