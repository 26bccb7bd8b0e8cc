import { z } from 'zod';
import { isoDateSchema, pageOf, pageQuery } from './common.js';

/** What the security log records, with the words the administration pages use. */
export const SECURITY_EVENT_LABELS: Record<string, string> = {
  login: 'Connexion',
  login_failed: 'Échec de connexion',
  account_locked: 'Compte verrouillé',
  logout: 'Déconnexion',
  logout_everywhere: 'Déconnexion de toutes les sessions',
  oidc_linked: 'Identité ProConnect associée',
  admin_created: 'Administrateur créé',
  invitation_sent: 'Invitation envoyée',
  invitation_accepted: 'Invitation acceptée',
  membership_changed: 'Rôle modifié',
  membership_removed: 'Rattachement retiré',
  api_token_created: 'Jeton d’API créé',
  api_token_revoked: 'Jeton d’API révoqué',
  password_reset_requested: 'Réinitialisation demandée',
  password_reset: 'Mot de passe réinitialisé',
  password_changed: 'Mot de passe modifié',
  data_export: 'Export de données',
  personal_data_erased: 'Données personnelles effacées',
  calendar_feed_created: 'Adresse de calendrier créée',
  calendar_feed_revoked: 'Adresse de calendrier révoquée',
  webhook_created: 'Abonnement webhook créé',
  webhook_changed: 'Abonnement webhook modifié',
  webhook_deleted: 'Abonnement webhook supprimé',
};

export const securityEventQuery = z
  .object({
    from: isoDateSchema.optional().describe('Premier jour inclus (AAAA-MM-JJ)'),
    to: isoDateSchema.optional().describe('Dernier jour inclus (AAAA-MM-JJ)'),
    actor: z.string().trim().max(254).optional().describe('Personne : une partie de son adresse e-mail ou de son nom'),
    event: z.enum(Object.keys(SECURITY_EVENT_LABELS) as [string, ...string[]]).optional(),
    ...pageQuery,
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'La date de fin doit suivre la date de début.' });
export type SecurityEventQuery = z.infer<typeof securityEventQuery>;

export const securityEventSchema = z.object({
  id: z.int(),
  at: z.string(),
  actor: z.string(),
  event: z.string(),
  eventLabel: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});
export type SecurityEvent = z.infer<typeof securityEventSchema>;
export const securityEventPageSchema = pageOf(securityEventSchema);
