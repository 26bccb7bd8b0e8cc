import { z } from 'zod';
import { versionSchema } from './common.js';

/** Business events a webhook can subscribe to. */
export const WEBHOOK_EVENTS = ['convention.signed', 'review.validated', 'indicator.at_risk', 'action.status_changed'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
export const WEBHOOK_EVENT_LABELS: Record<WebhookEvent, string> = {
  'convention.signed': 'Convention signée',
  'review.validated': 'Bilan validé',
  'indicator.at_risk': 'Indicateur passé « à risque »',
  'action.status_changed': 'Statut d’une action modifié',
};
export const DELIVERY_STATUSES = ['pending', 'success', 'failed', 'cancelled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, string> = { pending: 'En cours', success: 'Livrée', failed: 'Échec définitif', cancelled: 'Annulée' };

const webhookUrl = z
  .string()
  .trim()
  .max(500, 'L’adresse fait 500 caractères au plus.')
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password && !url.hash;
    } catch {
      return false;
    }
  }, 'Adresse invalide : une URL http(s) complète, sans identifiants ni ancre, est attendue.');
const events = z.array(z.enum(WEBHOOK_EVENTS)).min(1, 'Choisissez au moins un événement.').max(WEBHOOK_EVENTS.length);

export const webhookSchema = z.object({
  id: z.int(),
  cafId: z.int().nullable().describe('null : événements de toutes les Caf (administrateur de la plateforme)'),
  cafName: z.string().nullable(),
  url: z.string(),
  description: z.string().nullable(),
  events: z.array(z.enum(WEBHOOK_EVENTS)),
  active: z.boolean(),
  createdBy: z.string(),
  createdAt: z.string(),
  lastDelivery: z.object({ status: z.enum(DELIVERY_STATUSES), at: z.string() }).nullable(),
  version: z.int(),
});
export type Webhook = z.infer<typeof webhookSchema>;

export const webhookCreateInput = z.object({
  url: webhookUrl,
  events,
  cafId: z.int().positive().nullable().optional().describe('La Caf dont les événements sont envoyés ; vide : toutes (plateforme)'),
  description: z.string().trim().max(200).nullable().optional(),
});
export type WebhookCreateInput = z.infer<typeof webhookCreateInput>;

export const webhookCreatedSchema = z.object({
  webhook: webhookSchema,
  secret: z.string().describe('Clé de signature HMAC-SHA256, affichée cette seule fois'),
});
export type WebhookCreated = z.infer<typeof webhookCreatedSchema>;

export const webhookUpdateInput = z.object({
  version: versionSchema,
  url: webhookUrl.optional(),
  events: events.optional(),
  active: z.boolean().optional(),
  description: z.string().trim().max(200).nullable().optional(),
});
export type WebhookUpdateInput = z.infer<typeof webhookUpdateInput>;

export const webhookAttemptSchema = z.object({
  attempt: z.int(),
  at: z.string(),
  statusCode: z.int().nullable(),
  durationMs: z.int(),
  error: z.string().nullable(),
});
export const webhookDeliverySchema = z.object({
  id: z.int(),
  event: z.enum(WEBHOOK_EVENTS),
  eventId: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  createdAt: z.string(),
  attempts: z.array(webhookAttemptSchema),
});
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;
