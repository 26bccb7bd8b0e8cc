import { z } from 'zod';
import { ROLES, passwordSchema } from './accounts.js';
import { pageOf, pageQuery, versionSchema } from './common.js';

export const userListQuery = z.object({
  q: z.string().trim().max(120).optional().describe('Partie du nom ou de l’adresse e-mail'),
  ...pageQuery,
});
export type UserListQuery = z.infer<typeof userListQuery>;

export const userMembershipSchema = z.object({
  organisationId: z.int(),
  organisationName: z.string(),
  organisationKind: z.string(),
  role: z.enum(ROLES),
  pilotOnly: z.boolean().describe('Partenaire (modification) limité aux actions dont la personne est pilote'),
  version: z.int(),
});
export type UserMembership = z.infer<typeof userMembershipSchema>;

export const userSummarySchema = z.object({
  id: z.int(),
  email: z.string(),
  displayName: z.string(),
  isPlatformAdmin: z.boolean(),
  status: z.string(),
  lastLoginAt: z.string().nullable(),
  hasPassword: z.boolean(),
  hasProConnect: z.boolean(),
  personId: z.int().nullable(),
  erasedAt: z.string().nullable(),
  memberships: z.array(userMembershipSchema).describe('Rattachements que l’appelant peut voir'),
});
export type UserSummary = z.infer<typeof userSummarySchema>;
export const userPageSchema = pageOf(userSummarySchema);

export const membershipParamsSchema = z.object({ id: z.coerce.number().int().positive(), organisationId: z.coerce.number().int().positive() });
export const membershipUpdateInput = z.object({
  role: z.enum(ROLES),
  pilotOnly: z.boolean().optional().describe('Limiter la modification aux actions dont la personne est pilote (rôle partenaire en modification seulement) ; inchangé si absent'),
  version: versionSchema,
});
export type MembershipUpdateInput = z.infer<typeof membershipUpdateInput>;
export const membershipDeleteQuery = z.object({ version: z.coerce.number().int().min(1).describe('Version lue ; une version périmée donne 409') });

export const passwordChangeInput = z
  .object({
    currentPassword: z.string().min(1, 'Saisissez votre mot de passe actuel').max(200),
    newPassword: passwordSchema,
  })
  .refine((v) => v.currentPassword !== v.newPassword, { path: ['newPassword'], message: 'Le nouveau mot de passe doit être différent de l’actuel.' });
export type PasswordChangeInput = z.infer<typeof passwordChangeInput>;
