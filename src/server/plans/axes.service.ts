import type { Executor } from '../platform/db/schema.js';
import type { ServiceContext } from '../platform/context.js';
import { businessRule, notFound, staleVersion } from '../platform/http/errors.js';
import { nowIso } from '../platform/db/dialect.js';
import { recordAudit } from '../audit/audit.repository.js';
import { touchConvention } from '../conventions/conventions.repository.js';
import { principalOf, requireConventionAccess } from '../accounts/access.js';
import type { Axis, AxisCreateInput, AxisMoveInput, AxisUpdateInput } from '../../shared/api/actions.js';
import * as repo from './axes.repository.js';
import { rollUpAxisProgress, type AxisActionFacts } from './axis-progress.js';

const presentAxis = (row: repo.AxisRow, facts: readonly AxisActionFacts[]): Axis => ({
  id: row.id,
  conventionId: row.convention_id,
  title: row.title,
  position: row.position,
  ...rollUpAxisProgress(row.id, facts),
  version: row.version,
});

export async function listAxesOf(db: Executor, conventionId: number): Promise<Axis[]> {
  const facts = await repo.axisFactsOf(db, conventionId);
  return (await repo.listAxes(db, conventionId)).map((row) => presentAxis(row, facts));
}

async function getAxis(db: Executor, id: number): Promise<Axis> {
  const row = await repo.findAxis(db, id);
  if (!row) throw notFound(`Axe ${id}`);
  return presentAxis(row, await repo.axisFactsOf(db, row.convention_id));
}

/** Swaps the axis with its neighbour above or below, in one transaction. */
export async function moveAxis(ctx: ServiceContext, id: number, input: AxisMoveInput): Promise<Axis[]> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getAxis(trx, id);
    await requireConventionAccess(trx, principalOf(ctx), before.conventionId, 'editPlan');
    if (before.version !== input.version) throw staleVersion(before);
    const neighbour = await repo.neighbourAxis(trx, before.conventionId, before.position, input.direction);
    if (!neighbour) throw businessRule(input.direction === 'up' ? 'Cet axe est déjà le premier.' : 'Cet axe est déjà le dernier.', 'direction');
    const now = nowIso();
    await repo.updateAxis(trx, id, input.version, { position: neighbour.position, updated_at: now });
    await repo.updateAxis(trx, neighbour.id, neighbour.version, { position: before.position, updated_at: now });
    await recordAudit(trx, { actor: ctx.actor, entityType: 'axis', entityId: id, operation: 'update', before, after: await getAxis(trx, id) });
    await touchConvention(trx, before.conventionId, now);
    return listAxesOf(trx, before.conventionId);
  });
}

export async function createAxis(ctx: ServiceContext, conventionId: number, input: AxisCreateInput): Promise<Axis> {
  return ctx.db.transaction().execute(async (trx) => {
    await requireConventionAccess(trx, principalOf(ctx), conventionId, 'editPlan');
    const now = nowIso();
    const id = await repo.insertAxis(trx, {
      convention_id: conventionId,
      title: input.title,
      position: await repo.nextAxisPosition(trx, conventionId),
      created_at: now,
      updated_at: now,
    });
    const axis = await getAxis(trx, id);
    await recordAudit(trx, { actor: ctx.actor, entityType: 'axis', entityId: id, operation: 'create', after: axis });
    await touchConvention(trx, conventionId, now);
    return axis;
  });
}

export async function updateAxis(ctx: ServiceContext, id: number, input: AxisUpdateInput): Promise<Axis> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getAxis(trx, id);
    await requireConventionAccess(trx, principalOf(ctx), before.conventionId, 'editPlan');
    const now = nowIso();
    const ok = await repo.updateAxis(trx, id, input.version, {
      ...(input.title !== undefined && { title: input.title }),
      ...(input.position !== undefined && { position: input.position }),
      updated_at: now,
    });
    if (!ok) throw staleVersion(before);
    const after = await getAxis(trx, id);
    await recordAudit(trx, { actor: ctx.actor, entityType: 'axis', entityId: id, operation: 'update', before, after });
    await touchConvention(trx, before.conventionId, now);
    return after;
  });
}
