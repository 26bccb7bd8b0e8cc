import type { Executor } from '../platform/db/schema.js';
import type { ServiceContext } from '../platform/context.js';
import { invalidField, notFound, staleVersion } from '../platform/http/errors.js';
import { nowIso, toFlag, toJsonList } from '../platform/db/dialect.js';
import { recordAudit } from '../audit/audit.repository.js';
import { requireThemes } from '../themes/themes.service.js';
import { touchConvention } from '../conventions/conventions.repository.js';
import { normalizeForSearch } from '../../shared/text.js';
import type { ActionCreateInput, ActionListQuery, ActionUpdateInput } from '../../shared/api/actions.js';
import type { Page } from '../../shared/api/common.js';
import type { Action } from '../../shared/api/actions.js';
import * as repo from './actions.repository.js';
import { principalOf, requireConventionAccess, scopeOf } from '../accounts/access.js';
import type { Principal } from '../accounts/principal.js';
import { presentAction, presentActions } from './actions.presenter.js';

const searchTextOf = (a: { title: string; description?: string | null; scope?: string | null; places?: string[] }) =>
  normalizeForSearch([a.title, a.description ?? '', a.scope ?? '', ...(a.places ?? [])].join(' '));

export async function getActionForCaller(db: Executor, principal: Principal, id: number): Promise<Action> {
  const action = await getAction(db, id);
  await requireConventionAccess(db, principal, action.conventionId, 'read');
  if (principal.kind === 'anonymous' && !action.highlighted) throw notFound(`Action ${id}`);
  return action;
}

export async function getAction(db: Executor, id: number): Promise<Action> {
  const row = await repo.findAction(db, id);
  if (!row) throw notFound(`Action ${id}`);
  return presentAction(row, (await repo.findThemesOfActions(db, [id])).get(id) ?? []);
}

export async function listActionsOfConventions(db: Executor, conventionIds: number[]): Promise<Action[]> {
  return presentActions(await repo.listActions(db, { conventionIds }), (ids) => repo.findThemesOfActions(db, ids));
}

/** Actions across the conventions the caller may see; anonymous callers see highlighted actions of signed ones. */
export async function listActions(db: Executor, principal: Principal, query: ActionListQuery): Promise<Page<Action>> {
  const filter = {
    conventionIds: query.convention ? [query.convention] : undefined,
    theme: query.theme,
    status: query.status,
    q: query.q,
    scope: scopeOf(principal),
    highlightedOnly: principal.kind === 'anonymous',
  };
  const rows = await repo.listActions(db, { ...filter, afterId: query.cursor ? Number(query.cursor) : undefined, limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  return {
    items: await presentActions(page, (ids) => repo.findThemesOfActions(db, ids)),
    total: await repo.countActions(db, filter),
    nextCursor: rows.length > query.limit ? String(page[page.length - 1]!.id) : null,
  };
}

/** Axis and parent must belong to the same convention; sub-actions go one level deep. */
async function checkPlacement(db: Executor, conventionId: number, input: { axisId?: number | null; parentId?: number | null }, selfId?: number) {
  if (input.axisId) {
    const axis = await db.selectFrom('axis').select(['convention_id']).where('id', '=', input.axisId).executeTakeFirst();
    if (axis?.convention_id !== conventionId) throw invalidField('axisId', `l’axe ${input.axisId} n’appartient pas à cette convention.`);
  }
  if (input.parentId) {
    const parent = await repo.findAction(db, input.parentId);
    if (parent?.convention_id !== conventionId) throw invalidField('parentId', `l’action ${input.parentId} n’appartient pas à cette convention.`);
    if (parent.parent_id !== null) throw invalidField('parentId', 'une sous-action ne peut pas avoir elle-même de sous-actions.');
    if (selfId !== undefined && parent.id === selfId) throw invalidField('parentId', 'une action ne peut pas être sa propre parente.');
  }
}

export async function createAction(ctx: ServiceContext, conventionId: number, input: ActionCreateInput): Promise<Action> {
  return ctx.db.transaction().execute(async (trx) => {
    await requireConventionAccess(trx, principalOf(ctx), conventionId, 'editPlan');
    await requireThemes(trx, input.themes, 'themes');
    await checkPlacement(trx, conventionId, input);
    const now = nowIso();
    const values = {
      convention_id: conventionId,
      axis_id: input.axisId ?? null,
      parent_id: input.parentId ?? null,
      title: input.title,
      description: input.description ?? null,
      pilot: input.pilot ?? null,
      partners: toJsonList(input.partners),
      target_public: input.targetPublic ?? null,
      scope: input.scope ?? null,
      places: toJsonList(input.places),
      labels: toJsonList(input.labels),
      status: input.status ?? 'a_venir',
      highlighted: toFlag(input.highlighted ?? false),
      position: await repo.nextActionPosition(trx, conventionId),
      search_text: searchTextOf(input),
      created_at: now,
      updated_at: now,
    };
    const id = await repo.insertAction(trx, values);
    await repo.replaceActionThemes(trx, id, input.themes);
    await touchConvention(trx, conventionId, now);
    const created = await getAction(trx, id);
    await recordAudit(trx, { actor: ctx.actor, entityType: 'action', entityId: id, operation: 'create', after: created });
    return created;
  });
}

export async function updateAction(ctx: ServiceContext, id: number, input: ActionUpdateInput): Promise<Action> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getAction(trx, id);
    await requireConventionAccess(trx, principalOf(ctx), before.conventionId, 'editPlan');
    if (before.version !== input.version) throw staleVersion(before);
    if (input.themes) await requireThemes(trx, input.themes, 'themes');
    await checkPlacement(trx, before.conventionId, input, id);
    const merged = { ...before, ...definedOnly(input) };
    const now = nowIso();
    const ok = await repo.updateAction(trx, id, input.version, {
      axis_id: merged.axisId ?? null,
      parent_id: merged.parentId ?? null,
      title: merged.title,
      description: merged.description ?? null,
      pilot: merged.pilot ?? null,
      partners: toJsonList(merged.partners),
      target_public: merged.targetPublic ?? null,
      scope: merged.scope ?? null,
      places: toJsonList(merged.places),
      labels: toJsonList(merged.labels),
      status: merged.status,
      highlighted: toFlag(merged.highlighted),
      search_text: searchTextOf(merged),
      updated_at: now,
    });
    if (!ok) throw staleVersion(await getAction(trx, id));
    if (input.themes) await repo.replaceActionThemes(trx, id, input.themes);
    await touchConvention(trx, before.conventionId, now);
    const after = await getAction(trx, id);
    await recordAudit(trx, { actor: ctx.actor, entityType: 'action', entityId: id, operation: 'update', before, after });
    return after;
  });
}

/** Keys the client sent (undefined means "leave as is"; null clears). */
function definedOnly<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}
