import { z } from 'zod';
import { isoDateSchema } from './common.js';

export const HISTORY_ENTITY_TYPES = ['convention', 'axis', 'action', 'action_note', 'action_document', 'indicator', 'review', 'amendment', 'plan_version'] as const;

export const historyEventSchema = z.object({
  id: z.int(),
  at: z.string(),
  actor: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  entityLabel: z.string().describe('Titre de l’objet au moment du changement'),
  operation: z.string(),
  origin: z.string().nullable().describe('Origine du changement quand ce n’est pas une saisie directe (décision d’une instance)'),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
});
export type HistoryEvent = z.infer<typeof historyEventSchema>;

export const historyFilterQuery = z.object({
  actor: z.string().trim().max(200).optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
});
export type HistoryFilter = z.infer<typeof historyFilterQuery>;

export const historyQuery = historyFilterQuery.extend({
  entityType: z.enum(HISTORY_ENTITY_TYPES),
  entityId: z.coerce.number().int().positive(),
});
export type HistoryQuery = z.infer<typeof historyQuery>;

export const historyPageSchema = z.object({
  events: z.array(historyEventSchema),
  actors: z.array(z.string()).describe('Personnes ayant modifié ces objets (pour le filtre)'),
});
export type HistoryPage = z.infer<typeof historyPageSchema>;
