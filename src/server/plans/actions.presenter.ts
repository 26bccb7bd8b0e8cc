import type { Action } from '../../shared/api/actions.js';
import type { ActionStatus } from '../../shared/enums.js';
import { fromFlag, fromJsonList } from '../platform/db/dialect.js';
import type { ActionRow } from './actions.repository.js';

export const presentAction = (row: ActionRow, themes: string[]): Action => ({
  id: row.id,
  conventionId: row.convention_id,
  axisId: row.axis_id,
  parentId: row.parent_id,
  title: row.title,
  description: row.description,
  themes,
  pilot: row.pilot,
  partners: fromJsonList(row.partners),
  targetPublic: row.target_public,
  scope: row.scope,
  places: fromJsonList(row.places),
  labels: fromJsonList(row.labels),
  status: row.status as ActionStatus,
  highlighted: fromFlag(row.highlighted),
  position: row.position,
  version: row.version,
  updatedAt: row.updated_at,
});

export async function presentActions(
  rows: ActionRow[],
  themesOf: (ids: number[]) => Promise<Map<number, string[]>>,
): Promise<Action[]> {
  const themes = await themesOf(rows.map((r) => r.id));
  return rows.map((r) => presentAction(r, themes.get(r.id) ?? []));
}
