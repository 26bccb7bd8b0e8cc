import { z } from 'zod';
import { idSchema, isoDateSchema, shortLabel, versionSchema, yearSchema } from './common.js';

export const NOTIFICATION_MODES = ['immediate', 'digest'] as const;
export const NOTIFICATION_MODE_LABELS: Record<(typeof NOTIFICATION_MODES)[number], string> = {
  immediate: 'Un courriel à chaque événement',
  digest: 'Un récapitulatif par semaine',
};

export const notificationSchema = z.object({
  id: z.int(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  needsAction: z.boolean().describe('Une action est attendue de la personne'),
  read: z.boolean(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationCountsSchema = z.object({ unread: z.int(), needsAction: z.int() });
export const notificationListSchema = notificationCountsSchema.extend({ items: z.array(notificationSchema), mode: z.enum(NOTIFICATION_MODES) });
export type NotificationList = z.infer<typeof notificationListSchema>;

export const notificationQuery = z.object({
  filter: z.enum(['all', 'unread', 'action']).default('all').describe('« action » : ce qui attend une action de ma part'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type NotificationQuery = z.infer<typeof notificationQuery>;
export const notificationPreferenceInput = z.object({ mode: z.enum(NOTIFICATION_MODES) });

export const CAMPAIGN_STATUSES = ['ouverte', 'close'] as const;
export const campaignCreateInput = z.object({
  cafId: idSchema,
  conventionId: idSchema.nullable().optional().describe('Une convention ; sans elle, toutes les conventions en vigueur de la Caf'),
  year: yearSchema.describe('Année des valeurs à mettre à jour, verrouillées à la clôture'),
  dueDate: isoDateSchema,
  title: shortLabel(3, 200).optional(),
});
export type CampaignCreateInput = z.infer<typeof campaignCreateInput>;

const progress = { total: z.int(), done: z.int() };
export const campaignItemSchema = z.object({
  actionId: z.int(),
  actionTitle: z.string(),
  conventionId: z.int(),
  pilot: z.string().describe('Personne pilote (compte) ou pilote en texte libre'),
  hasAccount: z.boolean(),
  indicators: z.array(z.object({ id: z.int(), title: z.string(), updated: z.boolean() })),
  done: z.boolean(),
});
export const campaignSchema = z.object({
  id: z.int(),
  cafId: z.int(),
  title: z.string(),
  year: z.int(),
  dueDate: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  openedAt: z.string(),
  openedBy: z.string(),
  closedAt: z.string().nullable(),
  version: z.int(),
  ...progress,
  conventions: z.array(z.object({ id: z.int(), title: z.string(), ...progress })),
  pilots: z.array(z.object({ pilot: z.string(), hasAccount: z.boolean(), ...progress })),
  items: z.array(campaignItemSchema),
  canManage: z.boolean(),
});
export type Campaign = z.infer<typeof campaignSchema>;
export const campaignSummarySchema = campaignSchema.pick({ id: true, title: true, year: true, dueDate: true, status: true, total: true, done: true });
export type CampaignSummary = z.infer<typeof campaignSummarySchema>;
export const campaignCloseInput = z.object({ version: versionSchema });
