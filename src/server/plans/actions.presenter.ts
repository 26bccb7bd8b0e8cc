import type { Action } from '../../shared/api/actions.js';
import type { ActionStatus } from '../../shared/enums.js';
import type { ActionPriority } from '../../shared/plan.js';
import { fromFlag, fromJsonList } from '../platform/db/dialect.js';
import type { ActionRow } from './actions.repository.js';
import type { ActionParts } from './action-parts.repository.js';

export const presentAction = (row: ActionRow, themes: string[], parts: ActionParts): Action => ({
  id: row.id,
  conventionId: row.convention_id,
  axisId: row.axis_id,
  parentId: row.parent_id,
  title: row.title,
  description: row.description,
  themes,
  pilot: row.pilot,
  pilotUserId: row.pilot_user_id,
  pilotUserName: row.pilot_user_name,
  pilotOrganisationId: row.pilot_organisation_id,
  pilotOrganisationName: row.pilot_organisation_name,
  partners: fromJsonList(row.partners),
  targetPublic: row.target_public,
  scope: row.scope,
  places: fromJsonList(row.places),
  labels: fromJsonList(row.labels),
  status: row.status as ActionStatus,
  highlighted: fromFlag(row.highlighted),
  position: row.position,
  objectives: row.objectives,
  startDate: row.start_date,
  endDate: row.end_date,
  statusReason: row.status_reason,
  priority: row.priority as ActionPriority | null,
  progress: row.progress,
  axisIds: [
    ...(row.axis_id === null ? [] : [row.axis_id]),
    ...(parts.secondaryAxes.get(row.id) ?? []).filter((id) => id !== row.axis_id),
  ],
  budgetLines: parts.budgetLines.get(row.id) ?? [],
  facilities: parts.facilities.get(row.id) ?? [],
  version: row.version,
  updatedAt: row.updated_at,
});

export async function presentActions(rows: ActionRow[], partsOf: (ids: number[]) => Promise<ActionParts>): Promise<Action[]> {
  const parts = await partsOf(rows.map((r) => r.id));
  return rows.map((r) => presentAction(r, parts.themes.get(r.id) ?? [], parts));
}
