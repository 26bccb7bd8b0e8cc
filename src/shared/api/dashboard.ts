import { z } from 'zod';
import { ACTION_STATUSES } from '../enums.js';
import { actionListQuery } from './actions.js';

export const followUpDashboardSchema = z.object({
  conventionId: z.int(),
  startYear: z.int(),
  endYear: z.int(),
  statusByTheme: z.array(z.object({ theme: z.string(), counts: z.record(z.string(), z.int()), total: z.int() })),
  indicatorsAtRisk: z.array(z.object({ id: z.int(), title: z.string(), actionId: z.int().nullable(), actionTitle: z.string().nullable(), explanation: z.string() })),
  indicatorStates: z.record(z.string(), z.int()),
  budgetsByYear: z.array(z.object({ year: z.int(), plannedCents: z.int(), actualCents: z.int() })),
  staleActions: z.array(z.object({ id: z.int(), title: z.string(), lastNoteDate: z.string().nullable() })),
  timeline: z.array(z.object({ id: z.int(), title: z.string(), status: z.enum(ACTION_STATUSES), progress: z.int(), startDate: z.string().nullable(), endDate: z.string().nullable() })),
});
export type FollowUpDashboard = z.infer<typeof followUpDashboardSchema>;

/** The same filter set as the action list; `set` is applied to every matching action in one transaction. */
export const bulkActionInput = z.object({
  filter: actionListQuery.pick({ convention: true, theme: true, status: true, q: true, axis: true, pilot: true }),
  set: z
    .object({
      status: z.enum(ACTION_STATUSES).optional(),
      statusReason: z.string().trim().max(1000).nullable().optional(),
      pilot: z.string().trim().max(200).nullable().optional(),
    })
    .refine((s) => s.status !== undefined || s.pilot !== undefined, 'Indiquez un statut ou un pilote à appliquer'),
});
export type BulkActionInput = z.infer<typeof bulkActionInput>;
export const bulkActionResultSchema = z.object({ updated: z.int(), actionIds: z.array(z.int()) });
