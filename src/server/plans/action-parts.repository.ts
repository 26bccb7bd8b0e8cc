import { sql } from 'kysely';
import type { Executor } from '../platform/db/schema.js';
import type { BudgetLine, Facility } from '../../shared/api/actions.js';
import type { BudgetNature, FacilityKind } from '../../shared/plan.js';
import { INSERT_CHUNK } from './actions.repository.js';

/** Themes, budget lines, facilities and secondary axes of actions, read in one statement per chunk of actions. */
export interface ActionParts {
  themes: Map<number, string[]>;
  budgetLines: Map<number, BudgetLine[]>;
  facilities: Map<number, Facility[]>;
  secondaryAxes: Map<number, number[]>;
}

const push = <T>(map: Map<number, T[]>, key: number, value: T) => map.set(key, [...(map.get(key) ?? []), value]);

/** Actions per statement: their ids are bound four times, well within both engines' parameter limits. */
const ACTIONS_PER_STATEMENT = 1000;

interface PartRow {
  part: number;
  action_id: number;
  ord: number;
  year: number | null;
  label: string | null;
  kind: string | null;
  planned_cents: number | string | null;
  actual_cents: number | string | null;
  capacity: number | null;
}

/**
 * The four parts in one statement (on PostgreSQL each statement is a round trip, and a fiche is read
 * twice in every edit). `part`: 1 budget line, 2 facility, 3 secondary axis (`ord` = axis id), 4 theme
 * (`label` = its code, in the action's order).
 */
async function addPartsOf(db: Executor, actionIds: readonly number[], parts: ActionParts): Promise<void> {
  const ids = sql.join(actionIds);
  const { rows } = await sql<PartRow>`
    select 1 as part, action_id, position as ord, year, funder as label, nature as kind, planned_cents, actual_cents, null as capacity
    from budget_line where action_id in (${ids})
    union all
    select 2, action_id, position, null, name, kind, null, null, capacity from facility where action_id in (${ids})
    union all
    select 3, action_id, axis_id, null, null, null, null, null, null from action_axis where action_id in (${ids})
    union all
    select 4, action_id, position, null, theme_code, null, null, null, null from action_theme where action_id in (${ids})
    order by 1, 2, 3`.execute(db);
  for (const r of rows) {
    const part = Number(r.part);
    if (part === 1) {
      push(parts.budgetLines, r.action_id, {
        year: r.year!,
        funder: r.label!,
        nature: r.kind as BudgetNature,
        plannedCents: Number(r.planned_cents),
        actualCents: r.actual_cents === null ? null : Number(r.actual_cents),
      });
    } else if (part === 2) push(parts.facilities, r.action_id, { kind: r.kind as FacilityKind, name: r.label!, capacity: r.capacity === null ? null : Number(r.capacity) });
    else if (part === 3) push(parts.secondaryAxes, r.action_id, Number(r.ord));
    else push(parts.themes, r.action_id, r.label!);
  }
}

export async function findActionParts(db: Executor, actionIds: readonly number[]): Promise<ActionParts> {
  const parts: ActionParts = { themes: new Map(), budgetLines: new Map(), facilities: new Map(), secondaryAxes: new Map() };
  for (let start = 0; start < actionIds.length; start += ACTIONS_PER_STATEMENT) {
    await addPartsOf(db, actionIds.slice(start, start + ACTIONS_PER_STATEMENT), parts);
  }
  return parts;
}

export async function replaceBudgetLines(db: Executor, actionId: number, lines: readonly BudgetLine[]): Promise<void> {
  await db.deleteFrom('budget_line').where('action_id', '=', actionId).execute();
  if (lines.length === 0) return;
  await db
    .insertInto('budget_line')
    .values(lines.map((l, i) => ({ action_id: actionId, year: l.year, funder: l.funder, nature: l.nature, planned_cents: l.plannedCents, actual_cents: l.actualCents, position: i + 1 })))
    .execute();
}

export async function replaceFacilities(db: Executor, actionId: number, facilities: readonly Facility[]): Promise<void> {
  await db.deleteFrom('facility').where('action_id', '=', actionId).execute();
  if (facilities.length === 0) return;
  await db
    .insertInto('facility')
    .values(facilities.map((f, i) => ({ action_id: actionId, kind: f.kind, name: f.name, capacity: f.capacity, position: i + 1 })))
    .execute();
}

export async function replaceSecondaryAxes(db: Executor, actionId: number, axisIds: readonly number[]): Promise<void> {
  await db.deleteFrom('action_axis').where('action_id', '=', actionId).execute();
  if (axisIds.length === 0) return;
  await db.insertInto('action_axis').values(axisIds.map((axis_id) => ({ action_id: actionId, axis_id }))).execute();
}

/** Axes of a convention among the given ids (to check that every axis belongs to it). */
export async function axesOfConvention(db: Executor, conventionId: number, axisIds: readonly number[]): Promise<number[]> {
  if (axisIds.length === 0) return [];
  const rows = await db.selectFrom('axis').select('id').where('convention_id', '=', conventionId).where('id', 'in', axisIds).execute();
  return rows.map((r) => r.id);
}

/** Budget lines, facilities and secondary axes of newly created actions, a few statements for all. */
export async function insertPartsOfNewActions(
  db: Executor,
  entries: readonly { actionId: number; secondaryAxes: readonly number[]; budgetLines?: readonly BudgetLine[]; facilities?: readonly Facility[] }[],
): Promise<void> {
  const lines = entries.flatMap((e) =>
    (e.budgetLines ?? []).map((l, i) => ({ action_id: e.actionId, year: l.year, funder: l.funder, nature: l.nature, planned_cents: l.plannedCents, actual_cents: l.actualCents, position: i + 1 })),
  );
  const facilities = entries.flatMap((e) => (e.facilities ?? []).map((f, i) => ({ action_id: e.actionId, kind: f.kind, name: f.name, capacity: f.capacity, position: i + 1 })));
  const axes = entries.flatMap((e) => e.secondaryAxes.map((axis_id) => ({ action_id: e.actionId, axis_id })));
  for (let s = 0; s < lines.length; s += INSERT_CHUNK) await db.insertInto('budget_line').values(lines.slice(s, s + INSERT_CHUNK)).execute();
  for (let s = 0; s < facilities.length; s += INSERT_CHUNK) await db.insertInto('facility').values(facilities.slice(s, s + INSERT_CHUNK)).execute();
  for (let s = 0; s < axes.length; s += INSERT_CHUNK) await db.insertInto('action_axis').values(axes.slice(s, s + INSERT_CHUNK)).execute();
}
