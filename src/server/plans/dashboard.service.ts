import type { Executor } from '../platform/db/schema.js';
import { EDITOR_ROLES, principalOf, requireSignedInCaller, scopeOf } from '../accounts/access.js';
import type { ServiceContext } from '../platform/context.js';
import { businessRule } from '../platform/http/errors.js';
import { requireConventionRow } from '../conventions/conventions.repository.js';
import { listIndicators } from '../indicators/indicators.service.js';
import type { BulkActionInput, FollowUpDashboard } from '../../shared/api/dashboard.js';
import { latestNoteDates } from './follow-up.repository.js';
import * as repo from './actions.repository.js';
import { applyUpdate, filterOf, getAction, listActionsOfConventions } from './actions.service.js';
import { buildDashboard } from './dashboard.logic.js';

export async function conventionDashboard(db: Executor, conventionId: number, today = new Date().toISOString().slice(0, 10)): Promise<FollowUpDashboard> {
  const convention = await requireConventionRow(db, conventionId);
  const actions = await listActionsOfConventions(db, [conventionId]);
  const indicators = await listIndicators(db, { conventionId });
  const notes = new Map((await latestNoteDates(db, conventionId)).map((r) => [r.action_id, String(r.latest)]));
  return buildDashboard({ id: conventionId, startYear: convention.start_year, endYear: convention.end_year }, actions, indicators, notes, today);
}

/** Most actions one bulk change may touch. */
export const BULK_LIMIT = 500;

/**
 * Applies a status and/or pilot to every action the filter selects, in one transaction: each action
 * gets its own audit record, and one refused action (e.g. « en retard » without a reason) refuses all.
 */
/** Applies to the filtered actions the caller may edit (others are never selected), in one transaction. */
export async function bulkUpdate(ctx: ServiceContext, input: BulkActionInput): Promise<{ updated: number; actionIds: number[] }> {
  requireSignedInCaller(principalOf(ctx));
  return ctx.db.transaction().execute(async (trx) => {
    const scope = scopeOf(principalOf(ctx), EDITOR_ROLES);
    const rows = await repo.listActions(trx, { ...filterOf(input.filter), scope, limit: BULK_LIMIT + 1 });
    if (rows.length > BULK_LIMIT) throw businessRule(`Le filtre retient plus de ${BULK_LIMIT} actions : précisez-le.`, 'filter');
    for (const row of rows) {
      const before = await getAction(trx, row.id);
      await applyUpdate(ctx, trx, before, {
        version: before.version,
        ...(input.set.status !== undefined && { status: input.set.status }),
        ...(input.set.statusReason !== undefined && { statusReason: input.set.statusReason }),
        ...(input.set.pilot !== undefined && { pilot: input.set.pilot }),
      });
    }
    return { updated: rows.length, actionIds: rows.map((r) => r.id) };
  });
}
