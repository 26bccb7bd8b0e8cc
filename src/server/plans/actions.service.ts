import { sql } from 'kysely';
import type { ActionTable, Executor } from '../platform/db/schema.js';
import type { ServiceContext } from '../platform/context.js';
import { invalidField, notFound, staleVersion } from '../platform/http/errors.js';
import { nowIso, toFlag, toJsonList } from '../platform/db/dialect.js';
import { recordAudit } from '../audit/audit.repository.js';
import { emitWebhookEvent } from '../webhooks/webhooks.emit.js';
import { requireThemes } from '../themes/themes.service.js';
import { touchConvention } from '../conventions/conventions.repository.js';
import { principalOf, requireConventionAccess, requireWriteRight, rightFlag, scopeOf } from '../accounts/access.js';
import type { Principal } from '../accounts/principal.js';
import { normalizeForSearch } from '../../shared/text.js';
import { STATUSES_NEEDING_REASON } from '../../shared/plan.js';
import { ACTION_STATUS_LABELS } from '../../shared/enums.js';
import type { Action, ActionCreateInput, ActionListQuery, ActionUpdateInput } from '../../shared/api/actions.js';
import type { Page } from '../../shared/api/common.js';
import * as repo from './actions.repository.js';
import * as parts from './action-parts.repository.js';
import { presentAction, presentActions } from './actions.presenter.js';
import { checkPilotLinks, requireActionEditor } from './pilots.js';
import { pilotChanged } from '../notifications/pilot-assignment.js';

const searchTextOf = (a: { title: string; description?: string | null; scope?: string | null; places?: string[]; objectives?: string | null }) =>
  normalizeForSearch([a.title, a.description ?? '', a.scope ?? '', a.objectives ?? '', ...(a.places ?? [])].join(' '));

export async function getActionForCaller(db: Executor, principal: Principal, id: number): Promise<Action> {
  const action = await getAction(db, id);
  await requireConventionAccess(db, principal, action.conventionId, 'read');
  if (principal.kind === 'anonymous' && !action.highlighted) throw notFound(`Action ${id}`);
  return action;
}

export async function getAction(db: Executor, id: number): Promise<Action> {
  const row = await repo.findAction(db, id);
  if (!row) throw notFound(`Action ${id}`);
  return withParts(db, row);
}

async function withParts(db: Executor, row: repo.ActionRow): Promise<Action> {
  const found = await parts.findActionParts(db, [row.id]);
  return presentAction(row, found.themes.get(row.id) ?? [], found);
}

const present = (db: Executor, rows: repo.ActionRow[]) =>
  presentActions(rows, (ids) => parts.findActionParts(db, ids));

/** Several actions by id, presented in the order of the ids. */
export async function getActions(db: Executor, ids: readonly number[]): Promise<Action[]> {
  const byId = new Map((await present(db, await repo.findActions(db, ids))).map((a) => [a.id, a]));
  return ids.map((id) => byId.get(id)!);
}

export async function listActionsOfConventions(db: Executor, conventionIds: number[]): Promise<Action[]> {
  return present(db, await repo.listActions(db, { conventionIds }));
}

/** The filter set shared by lists, dashboards and bulk changes. */
export const filterOf = (query: Pick<ActionListQuery, 'convention' | 'theme' | 'status' | 'q' | 'axis' | 'pilot'>): repo.ActionFilter => ({
  conventionIds: query.convention ? [query.convention] : undefined,
  theme: query.theme,
  status: query.status,
  q: query.q,
  axisId: query.axis,
  pilot: query.pilot,
});

/** Actions across the conventions the caller may see; anonymous callers see highlighted actions of signed ones. */
/** No principal: the system (CLI, exports run internally), with every right. */
export async function listActions(db: Executor, principal: Principal | null, query: ActionListQuery): Promise<Page<Action>> {
  const filter = { ...filterOf(query), scope: scopeOf(principal), highlightedOnly: principal?.kind === 'anonymous' };
  const rows = await repo.listActions(db, { ...filter, afterId: query.cursor ? Number(query.cursor) : undefined, limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  return {
    items: await present(db, page),
    total: await repo.countActions(db, filter),
    nextCursor: rows.length > query.limit ? String(page[page.length - 1]!.id) : null,
  };
}

/** Axes and parent must belong to the same convention; sub-actions go one level deep. */
export async function checkPlacement(db: Executor, conventionId: number, input: { axisIds?: number[]; parentId?: number | null }, selfId?: number) {
  const axisIds = input.axisIds ?? [];
  const known = await parts.axesOfConvention(db, conventionId, axisIds);
  axisIds.forEach((axisId, index) => {
    if (!known.includes(axisId)) throw invalidField(index === 0 ? 'axisId' : `axisIds.${index}`, `l’axe ${axisId} n’appartient pas à cette convention.`);
  });
  if (input.parentId) {
    const parent = await repo.findAction(db, input.parentId);
    if (parent?.convention_id !== conventionId) throw invalidField('parentId', `l’action ${input.parentId} n’appartient pas à cette convention.`);
    if (parent.parent_id !== null) throw invalidField('parentId', 'une sous-action ne peut pas avoir elle-même de sous-actions.');
    if (selfId !== undefined && parent.id === selfId) throw invalidField('parentId', 'une action ne peut pas être sa propre parente.');
  }
}

/** Rules across fields: a reason for the statuses that need one, an end after the start. */
export function checkConsistency(a: { status: Action['status']; statusReason?: string | null; startDate?: string | null; endDate?: string | null }) {
  if (STATUSES_NEEDING_REASON.includes(a.status) && !a.statusReason?.trim()) {
    throw invalidField('statusReason', `indiquez pourquoi l’action est « ${ACTION_STATUS_LABELS[a.status].toLowerCase()} ».`);
  }
  if (a.startDate && a.endDate && a.endDate < a.startDate) throw invalidField('endDate', 'la date de fin précède la date de début.');
}

/** axisIds wins over axisId; without either, the axes stay as they are (on update). */
export function axesOf(input: { axisId?: number | null; axisIds?: number[] }, current: number[]): number[] {
  if (input.axisIds) return input.axisIds;
  if (input.axisId === null) return current.slice(1);
  if (input.axisId !== undefined) return [input.axisId, ...current.slice(1).filter((id) => id !== input.axisId)];
  return current;
}

/**
 * `currentAxisIds` (on update): secondary axes left as they are are not rewritten, a write saved on most edits.
 * Returns whether budget lines, facilities or secondary axes were written.
 */
export async function writeParts(
  trx: Executor,
  id: number,
  axisIds: number[],
  input: Pick<ActionUpdateInput, 'budgetLines' | 'facilities'>,
  currentAxisIds?: number[],
): Promise<boolean> {
  const axesChanged = !currentAxisIds || currentAxisIds.slice(1).join() !== axisIds.slice(1).join();
  if (axesChanged) await parts.replaceSecondaryAxes(trx, id, axisIds.slice(1));
  if (input.budgetLines) await parts.replaceBudgetLines(trx, id, input.budgetLines);
  if (input.facilities) await parts.replaceFacilities(trx, id, input.facilities);
  return axesChanged || Boolean(input.budgetLines) || Boolean(input.facilities);
}

/**
 * The action after an update: its row as the update returned it (version, names of pilots); themes and
 * parts read again, in one statement, only when the update wrote them, otherwise those read before (on
 * PostgreSQL each read is a round trip inside the transaction). A change of main axis reads the parts
 * again, since secondary axes are shown without the main one.
 */
async function actionAfterUpdate(trx: Executor, before: Action, row: repo.ActionRow, themesWritten: boolean, partsWritten: boolean): Promise<Action> {
  const id = before.id;
  const unchanged = !themesWritten && !partsWritten && row.axis_id === before.axisId;
  const current: parts.ActionParts = unchanged
    ? {
        themes: new Map([[id, before.themes]]),
        budgetLines: new Map([[id, before.budgetLines]]),
        facilities: new Map([[id, before.facilities]]),
        secondaryAxes: new Map([[id, before.axisIds.slice(before.axisId === null ? 0 : 1)]]),
      }
    : await parts.findActionParts(trx, [id]);
  return presentAction(row, current.themes.get(id) ?? [], current);
}

/** The row of a new action (shared by the single and the bulk creation). */
export function newActionRow(conventionId: number, input: ActionCreateInput, axisIds: number[], position: number, now: string): Omit<ActionTable, 'id' | 'version'> {
  return {
    convention_id: conventionId,
    axis_id: axisIds[0] ?? null,
    parent_id: input.parentId ?? null,
    title: input.title,
    description: input.description ?? null,
    pilot: input.pilot ?? null,
    pilot_user_id: input.pilotUserId ?? null,
    pilot_organisation_id: input.pilotOrganisationId ?? null,
    partners: toJsonList(input.partners),
    target_public: input.targetPublic ?? null,
    scope: input.scope ?? null,
    places: toJsonList(input.places),
    labels: toJsonList(input.labels),
    status: input.status ?? 'a_venir',
    highlighted: toFlag(input.highlighted ?? false),
    position,
    search_text: searchTextOf(input),
    objectives: input.objectives ?? null,
    start_date: input.startDate ?? null,
    end_date: input.endDate ?? null,
    status_reason: input.statusReason ?? null,
    priority: input.priority ?? null,
    progress: input.progress ?? 0,
    created_at: now,
    updated_at: now,
  };
}

export async function createAction(ctx: ServiceContext, conventionId: number, input: ActionCreateInput): Promise<Action> {
  return ctx.db.transaction().execute(async (trx) => {
    await requireConventionAccess(trx, principalOf(ctx), conventionId, 'editPlan');
    await requireActionEditor(trx, principalOf(ctx), conventionId, null);
    await requireThemes(trx, input.themes, 'themes');
    await checkPilotLinks(trx, conventionId, input);
    const axisIds = axesOf(input, []);
    await checkPlacement(trx, conventionId, { axisIds, parentId: input.parentId });
    const status = input.status ?? 'a_venir';
    checkConsistency({ ...input, status });
    const now = nowIso();
    const id = await repo.insertAction(trx, newActionRow(conventionId, input, axisIds, await repo.nextActionPosition(trx, conventionId), now));
    await repo.replaceActionThemes(trx, id, input.themes);
    await writeParts(trx, id, axisIds, input);
    const created = await getAction(trx, id);
    await recordAudit(trx, { actor: ctx.actor, entityType: 'action', entityId: id, operation: 'create', after: created, origin: ctx.origin });
    await pilotChanged(trx, id, null, created.pilotUserId, now);
    // Last: the convention's row lock is then held only until the commit (see applyUpdate).
    await touchConvention(trx, conventionId, now);
    return created;
  });
}

export async function updateAction(ctx: ServiceContext, id: number, input: ActionUpdateInput): Promise<Action> {
  return ctx.db.transaction().execute(async (trx) => {
    const principal = principalOf(ctx);
    // The right on its convention is read with the action, and checked before the version: a stale
    // version answers with the current action, which only an editor may see.
    const row = await repo.findActionWith(trx, id, rightFlag(principal, 'editPlan', sql.ref('action.convention_id')));
    if (!row) throw notFound(`Action ${id}`);
    requireWriteRight(principal, Number(row.flag) === 1);
    const before = await withParts(trx, row);
    await requireActionEditor(trx, principal, before.conventionId, before);
    if (before.version !== input.version) throw staleVersion(before);
    return applyUpdate(ctx, trx, before, input, { rightsChecked: true });
  });
}

async function requireEditRights(ctx: ServiceContext, trx: Executor, action: Action): Promise<void> {
  await requireConventionAccess(trx, principalOf(ctx), action.conventionId, 'editPlan');
  await requireActionEditor(trx, principalOf(ctx), action.conventionId, action);
}

/** Writes an update on an action already read inside the transaction (also used by bulk changes). */
export async function applyUpdate(ctx: ServiceContext, trx: Executor, before: Action, input: ActionUpdateInput, options: { rightsChecked?: boolean } = {}): Promise<Action> {
  if (!options.rightsChecked) await requireEditRights(ctx, trx, before);
  const id = before.id;
  if (input.themes) await requireThemes(trx, input.themes, 'themes');
  const axisIds = axesOf(input, before.axisIds);
  await checkPlacement(trx, before.conventionId, { axisIds, parentId: input.parentId }, id);
  const merged = { ...before, ...definedOnly(input) };
  checkConsistency(merged);
  if (input.pilotUserId !== undefined || input.pilotOrganisationId !== undefined) await checkPilotLinks(trx, before.conventionId, merged);
  const now = nowIso();
  const row = await repo.updateAction(trx, id, input.version, {
    axis_id: axisIds[0] ?? null,
    parent_id: merged.parentId ?? null,
    title: merged.title,
    description: merged.description ?? null,
    pilot: merged.pilot ?? null,
    pilot_user_id: merged.pilotUserId ?? null,
    pilot_organisation_id: merged.pilotOrganisationId ?? null,
    partners: toJsonList(merged.partners),
    target_public: merged.targetPublic ?? null,
    scope: merged.scope ?? null,
    places: toJsonList(merged.places),
    labels: toJsonList(merged.labels),
    status: merged.status,
    highlighted: toFlag(merged.highlighted),
    search_text: searchTextOf(merged),
    objectives: merged.objectives ?? null,
    start_date: merged.startDate ?? null,
    end_date: merged.endDate ?? null,
    status_reason: merged.statusReason ?? null,
    priority: merged.priority ?? null,
    progress: merged.progress,
    updated_at: now,
  });
  if (!row) throw staleVersion(await getAction(trx, id));
  if (input.themes) await repo.replaceActionThemes(trx, id, input.themes);
  const partsWritten = await writeParts(trx, id, axisIds, input, before.axisIds);
  const after = await actionAfterUpdate(trx, before, row, Boolean(input.themes), partsWritten);
  await recordAudit(trx, { actor: ctx.actor, entityType: 'action', entityId: id, operation: 'update', before, after, origin: ctx.origin });
  await pilotChanged(trx, id, before.pilotUserId, after.pilotUserId, now);
  if (before.status !== after.status) {
    await emitWebhookEvent(trx, 'action.status_changed', after.conventionId, { actionId: id, title: after.title, from: before.status, to: after.status, statusReason: after.statusReason });
  }
  // Last: on PostgreSQL the update locks the convention's row until the commit, and every edit of the same
  // plan waits for it; taken earlier, the lock was held through the reads and the audit record as well.
  await touchConvention(trx, before.conventionId, now);
  return after;
}

/** Keys the client sent (undefined means "leave as is"; null clears). */
function definedOnly<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}
