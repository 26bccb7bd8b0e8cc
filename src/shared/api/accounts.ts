import { z } from 'zod';
import { passwordProblems } from '../password-policy.js';
import { idSchema, shortLabel } from './common.js';

export const ROLES = ['caf_admin', 'caf_agent', 'partner_editor', 'partner_reader'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  caf_admin: 'Administrateur de la Caf',
  caf_agent: 'Agent de la Caf',
  partner_editor: 'Partenaire (modification)',
  partner_reader: 'Partenaire (lecture)',
};

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email('Adresse e-mail invalide'));

export const passwordSchema = z
  .string()
  .max(200)
  .superRefine((password, ctx) => {
    const problems = passwordProblems(password);
    if (problems.length) ctx.addIssue({ code: 'custom', message: `Le mot de passe doit comporter ${problems.join(', ')}.` });
  });

export const loginInput = z.object({ email: emailSchema, password: z.string().min(1, 'Saisissez votre mot de passe').max(200) });
export type LoginInput = z.infer<typeof loginInput>;

export const membershipSchema = z.object({
  organisationId: z.int(),
  organisationName: z.string(),
  organisationKind: z.string(),
  role: z.enum(ROLES),
  conventionIds: z.array(z.int()).nullable(),
  pilotOnly: z.boolean(),
});
export type MembershipInfo = z.infer<typeof membershipSchema>;

export const meSchema = z.object({
  user: z
    .object({
      id: z.int(),
      email: z.string(),
      displayName: z.string(),
      isPlatformAdmin: z.boolean(),
      memberships: z.array(membershipSchema),
    })
    .nullable(),
  csrfToken: z.string().nullable().describe('À renvoyer dans l’en-tête x-csrf-token pour toute écriture authentifiée par cookie'),
});
export type Me = z.infer<typeof meSchema>;

export const invitationCreateInput = z.object({
  email: emailSchema,
  organisationId: idSchema,
  role: z.enum(ROLES),
});
export type InvitationCreateInput = z.infer<typeof invitationCreateInput>;

export const invitationSchema = z.object({
  id: z.int(),
  email: z.string(),
  organisationId: z.int(),
  organisationName: z.string(),
  role: z.enum(ROLES),
  expiresAt: z.string(),
  acceptedAt: z.string().nullable(),
});
export type Invitation = z.infer<typeof invitationSchema>;

export const invitationAcceptInput = z.object({
  displayName: shortLabel(2, 120),
  password: passwordSchema,
});
export type InvitationAcceptInput = z.infer<typeof invitationAcceptInput>;

export const passwordResetRequestInput = z.object({ email: emailSchema });
export const passwordResetInput = z.object({ password: passwordSchema });

export const apiTokenCreateInput = z.object({
  name: shortLabel(2, 120),
  organisationId: idSchema,
  scope: z.enum(['read', 'write']),
});
export type ApiTokenCreateInput = z.infer<typeof apiTokenCreateInput>;

export const apiTokenSchema = z.object({
  id: z.int(),
  name: z.string(),
  organisationId: z.int().nullable(),
  scope: z.enum(['read', 'write']),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;
export const apiTokenCreatedSchema = apiTokenSchema.extend({
  token: z.string().describe('Affiché une seule fois ; seule son empreinte est conservée'),
});
