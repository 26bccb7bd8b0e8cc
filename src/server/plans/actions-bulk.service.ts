import type { ServiceContext } from '../platform/context.js';
import { nowIso } from '../platform/db/dialect.js';
import { recordAudits } from '../audit/audit.repository.js';
import { requireThemes } from '../themes/themes.service.js';
import { touchConvention } from '../conventions/conventions.repository.js';
import { principalOf, requireConventionAccess } from '../accounts/access.js';
import type { Action, ActionCreateInput } from '../../shared/api/actions.js';
import * as repo from './actions.repository.js';
import * as parts from './action-parts.repository.js';
import { axesOf, checkConsistency, checkPlacement, getActions, newActionRow } from './actions.service.js';
import { checkPilotLinks, requireActionEditor } from './pilots.js';

/**
 * Creates many actions of one convention with the rules of `createAction` (access, themes, pilot
 * links, placement, consistency, one audit record per action) but a few statements for all of them
 * instead of a dozen per action: a 200-action plan workbook stays well under two seconds.
 * A parent must already exist (create parents in a first call, their sub-actions in a second).
 */
export async function createActions(ctx: ServiceContext, conventionId: number, inputs: readonly ActionCreateInput[]): Promise<Action[]> {
  if (inputs.length === 0) return [];
  return ctx.db.transaction().execute(async (trx) => {
    await requireConventionAccess(trx, principalOf(ctx), conventionId, 'editPlan');
    await requireActionEditor(trx, principalOf(ctx), conventionId, null);
    await requireThemes(trx, [...new Set(inputs.flatMap((i) => i.themes))], 'themes');
    for (const input of inputs) await checkPilotLinks(trx, conventionId, input);
    const axisIds = inputs.map((input) => axesOf(input, []));
    await checkPlacement(trx, conventionId, { axisIds: [...new Set(axisIds.flat())] });
    for (const parentId of new Set(inputs.map((i) => i.parentId ?? null))) if (parentId) await checkPlacement(trx, conventionId, { parentId });
    for (const input of inputs) checkConsistency({ ...input, status: input.status ?? 'a_venir' });

    const now = nowIso();
    const first = await repo.nextActionPosition(trx, conventionId);
    const ids = await repo.insertActions(trx, inputs.map((input, i) => newActionRow(conventionId, input, axisIds[i]!, first + i, now)));
    await repo.insertActionThemes(trx, new Map(ids.map((id, i) => [id, inputs[i]!.themes])));
    await parts.insertPartsOfNewActions(
      trx,
      ids.map((actionId, i) => ({ actionId, secondaryAxes: axisIds[i]!.slice(1), budgetLines: inputs[i]!.budgetLines, facilities: inputs[i]!.facilities })),
    );
    const created = await getActions(trx, ids);
    await recordAudits(trx, created.map((action) => ({ actor: ctx.actor, entityType: 'action', entityId: action.id, operation: 'create' as const, after: action })));
    await touchConvention(trx, conventionId, now);
    return created;
  });
}
